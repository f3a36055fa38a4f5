package io.chancery.search.indexing;

/**
 * A document the indexer writes: its id in the index and the revision that orders writes
 * to it (an external version, so an older or repeated record is refused and ignored).
 */
interface IndexedDocument {

	String documentId();

	long revision();

}
