package io.chancery.search.elasticsearch;

/** Names of the content index. */
public final class ContentIndex {

	/**
	 * The alias every read and write goes through; reindexing swaps the index behind it.
	 */
	public static final String ALIAS = "content";

	private ContentIndex() {
	}

}
