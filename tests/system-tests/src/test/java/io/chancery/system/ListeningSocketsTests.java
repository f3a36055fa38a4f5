package io.chancery.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import io.chancery.localrun.LocalPlatform;
import io.chancery.localrun.Settings;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every socket the platform's processes listen on (services, their management ports,
 * Kafka's listeners, Elasticsearch's HTTP and transport ports, the proxy in front of
 * ingest-service's replicas, whatever else a JVM opens) is bound to loopback, as the
 * README says; found from the processes themselves, so a port nobody thought of is
 * checked too.
 */
@Order(2)
class ListeningSocketsTests {

	@Test
	void everyListeningSocketOfThePlatformIsOnLoopback() throws IOException {
		LocalPlatform platform = Stack.get();
		Map<Long, Long> owners = socketOwners();
		Map<Integer, String> listening = new LinkedHashMap<>();
		for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
			List<String> lines = Files.readAllLines(Path.of(table));
			for (String line : lines.subList(1, lines.size())) {
				String[] fields = line.trim().split("\\s+");
				boolean listens = fields[3].equals("0A");
				long inode = Long.parseLong(fields[9]);
				if (listens && owners.containsKey(inode)) {
					String[] local = fields[1].split(":");
					listening.put(Integer.parseInt(local[1], 16), local[0] + " (pid " + owners.get(inode) + ")");
				}
			}
		}
		Settings.Ports ports = platform.settings().ports();
		assertThat(listening).as("the platform's listening sockets")
			.containsKeys(ports.gateway(), ports.gatewayManagement(), ports.ingest(), ports.ingestManagement(),
					ports.search(), ports.searchManagement(), ports.counter(), ports.counterManagement(), ports.kafka(),
					ports.elasticsearch());
		assertThat(listening).allSatisfy((port, address) -> assertThat(isLoopback(address.split(" ")[0]))
			.as("port %d listens on %s", port, address)
			.isTrue());
	}

	/** Socket inodes of the processes this test JVM started, by inode. */
	private static Map<Long, Long> socketOwners() {
		Map<Long, Long> owners = new LinkedHashMap<>();
		List<Long> unreadable = new ArrayList<>();
		// This JVM too: the proxy in front of ingest-service's replicas runs in it.
		java.util.stream.Stream.concat(Stream.of(ProcessHandle.current()), ProcessHandle.current().descendants())
			.forEach((process) -> {
				Path fds = Path.of("/proc", Long.toString(process.pid()), "fd");
				try (Stream<Path> links = Files.list(fds)) {
					for (Path link : links.toList()) {
						String target = readLink(link);
						if (target.startsWith("socket:[")) {
							owners.put(Long.parseLong(target.substring(8, target.length() - 1)), process.pid());
						}
					}
				}
				catch (IOException ex) {
					unreadable.add(process.pid());
				}
			});
		Set<Long> alive = new HashSet<>();
		unreadable
			.forEach((pid) -> ProcessHandle.of(pid).filter(ProcessHandle::isAlive).ifPresent((p) -> alive.add(pid)));
		assertThat(alive).as("processes whose sockets could not be read").isEmpty();
		return owners;
	}

	private static String readLink(Path link) {
		try {
			return Files.readSymbolicLink(link).toString();
		}
		catch (IOException ex) {
			// Closed while being listed.
			return "";
		}
	}

	/**
	 * Whether a hex address of /proc/net/tcp (little-endian words) is loopback:
	 * 127.0.0.0/8, ::1, or 127.0.0.0/8 mapped into IPv6.
	 */
	static boolean isLoopback(String hex) {
		if (hex.length() == 8) {
			return hex.endsWith("7F");
		}
		return hex.equals("00000000000000000000000001000000")
				|| (hex.startsWith("0000000000000000FFFF0000") && hex.endsWith("7F"));
	}

}
