package io.chancery.ingest.publishing;

/**
 * Builds a change's message under its partition's writer, once the change has its
 * revision: the work done there is only stamping a message built before.
 */
@FunctionalInterface
public interface Payload {

	/**
	 * The message.
	 * @param revision the revision the change gets
	 * @param previous the item's revision before this change, 0 if it had none: what
	 * tells the editorial record a first publication from a change
	 */
	Object at(long revision, long previous);

}
