package io.chancery.infrastructure;

/**
 * One node of a local cluster ({@link KafkaCluster}, {@link ElasticsearchCluster}), as a
 * drill acts on it: a crash ({@link #kill()}), a pause ({@link #pause()} until
 * {@link #resume()}), a graceful stop and a start again with the same data, ports and
 * name.
 */
public interface ClusterNode {

	String name();

	/** The pid of the node's server JVM, -1 when it does not run. */
	long pid();

	boolean isRunning();

	/** {@code SIGKILL} to the server, and waits until it is gone. */
	void kill();

	/** {@code SIGSTOP}: the node stops answering without going away. */
	void pause();

	/** {@code SIGCONT} after {@link #pause()}. */
	void resume();

	/** A graceful stop, waiting for every process of the node to end. */
	void stop();

	/**
	 * Starts the node again on its data and ports, and returns once it is a member of the
	 * cluster again.
	 */
	void start();

}
