package io.chancery.infrastructure;

/**
 * Main class of the broker's JVM: formats the log directory for the given cluster id
 * (unless it already is) and runs a KRaft node that is broker and controller at once. It
 * ends when its standard input ends, so the broker never outlives the JVM that started
 * it. Arguments: the server properties file, the cluster id.
 */
public final class KafkaNode {

	private KafkaNode() {
	}

	public static void main(String[] args) {
		if (args.length != 2) {
			System.err.println("usage: KafkaNode <server.properties> <cluster id>");
			System.exit(2);
		}
		// System.exit runs the broker's own shutdown hook: a controlled shutdown, not a
		// crash.
		StdinWatch.onEnd(() -> System.exit(0));
		int formatted = kafka.tools.StorageTool.execute(
				new String[] { "format", "--config", args[0], "--cluster-id", args[1], "--ignore-formatted" },
				System.out);
		if (formatted != 0) {
			System.err.println("Formatting the log directory failed with status " + formatted);
			System.exit(formatted);
		}
		kafka.Kafka.main(new String[] { args[0] });
	}

}
