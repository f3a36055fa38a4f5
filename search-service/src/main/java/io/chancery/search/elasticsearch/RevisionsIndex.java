package io.chancery.search.elasticsearch;

/** Names of the index of the editorial record: every revision of every item. */
public final class RevisionsIndex {

	/** The alias every read and write of the record goes through. */
	public static final String ALIAS = "revisions";

	/** The first index behind it. */
	static final String FIRST = "revisions-v1";

	static final String TEMPLATE = "elasticsearch/revisions-template.json";

	private RevisionsIndex() {
	}

}
