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
	 * @param previous what the item was before this change
	 */
	Object at(long revision, Previous previous);

}
