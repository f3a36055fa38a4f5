package io.chancery.benchmarks.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The kernel's count of connections it could not queue for a listening socket
 * ({@code ListenOverflows}: the accept queue was full, the SYN was dropped) and of SYNs
 * sent again ({@code TCPSynRetrans}), machine-wide from {@code /proc/net/netstat}. A
 * dropped SYN is retried after 1 s, then 3 s, then 7 s: requests that wait seconds before
 * any process sees them show up here.
 */
public final class TcpCounters {

	private static final List<String> NAMES = List.of("ListenOverflows", "TCPSynRetrans");

	private TcpCounters() {
	}

	/** The counters now; empty where the kernel does not say. */
	public static Map<String, Long> read() {
		Map<String, Long> counters = new LinkedHashMap<>();
		try {
			List<String> lines = Files.readAllLines(Path.of("/proc/net/netstat"));
			for (int i = 0; i + 1 < lines.size(); i += 2) {
				String[] names = lines.get(i).split(" ");
				String[] values = lines.get(i + 1).split(" ");
				if (!names[0].equals("TcpExt:") || names.length != values.length) {
					continue;
				}
				for (int column = 1; column < names.length; column++) {
					if (NAMES.contains(names[column])) {
						counters.put(names[column], Long.parseLong(values[column]));
					}
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// Not Linux, or a format this does not know: nothing to say.
		}
		return counters;
	}

	/**
	 * What changed between two readings, such as "ListenOverflows 1,204, TCPSynRetrans
	 * 980".
	 */
	public static String describe(Map<String, Long> before, Map<String, Long> after) {
		StringBuilder described = new StringBuilder();
		after.forEach((name, value) -> {
			Long earlier = before.get(name);
			if (earlier != null) {
				described.append((described.length() > 0) ? ", " : "")
					.append(name)
					.append(' ')
					.append(io.chancery.benchmarks.report.Format.whole(value - earlier));
			}
		});
		return described.toString();
	}

}
