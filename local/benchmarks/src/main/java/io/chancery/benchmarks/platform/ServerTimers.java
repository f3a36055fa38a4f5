package io.chancery.benchmarks.platform;

import java.net.http.HttpResponse;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.chancery.benchmarks.http.Http;
import io.chancery.benchmarks.report.Format;
import org.jspecify.annotations.Nullable;

/**
 * The services' own {@code http.server.requests} timers for one route, read from each
 * process's Prometheus endpoint: how long a request spent inside each process, from the
 * moment its code saw it to its answer, beside what the load generator measured from
 * sending it. The difference is time spent before a process read the request (in a
 * socket, in the run queue of a busy machine) or between processes.
 */
public final class ServerTimers {

	private final Platform platform;

	private final Http http;

	private final String method;

	private final Set<String> uris;

	/**
	 * @param method the request method, as the timer's {@code method} tag has it
	 * @param uris the route's pattern as its {@code uri} tag has it in each process (the
	 * gateway tags a request it passes on with its route's id)
	 */
	public ServerTimers(Platform platform, Http http, String method, Set<String> uris) {
		this.platform = platform;
		this.http = http;
		this.method = method;
		this.uris = Set.copyOf(uris);
	}

	/** The timers of these processes now. */
	public Map<String, Reading> read(Collection<String> processes) {
		Map<String, Reading> readings = new LinkedHashMap<>();
		for (String process : processes) {
			readings.put(process, read(process));
		}
		return readings;
	}

	/**
	 * A distribution summary of these processes now, such as ingest-service's
	 * {@code chancery_ingest_transaction_changes}: its count and its total.
	 */
	public Map<String, Reading> summaries(String name, Collection<String> processes) {
		Map<String, Reading> readings = new LinkedHashMap<>();
		for (String process : processes) {
			String exposition = exposition(process);
			readings.put(process, (exposition != null) ? summary(exposition, name) : Reading.NONE);
		}
		return readings;
	}

	/**
	 * A counter of these processes now, summed over its series, such as the JVM's
	 * {@code jvm_compilation_time_ms_total}; a process that does not answer is left out.
	 */
	public Map<String, Double> totals(String name, Collection<String> processes) {
		Map<String, Double> totals = new LinkedHashMap<>();
		for (String process : processes) {
			String exposition = exposition(process);
			if (exposition != null) {
				totals.put(process, total(exposition, name));
			}
		}
		return totals;
	}

	static double total(String exposition, String name) {
		double total = 0;
		for (String line : exposition.split("\n")) {
			if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
				total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
			}
		}
		return total;
	}

	private Reading read(String process) {
		String exposition = exposition(process);
		return (exposition != null) ? parse(exposition) : Reading.NONE;
	}

	private @Nullable String exposition(String process) {
		String url = this.platform.managementUrl(process) + "/actuator/prometheus";
		try {
			HttpResponse<String> response = this.http.client()
				.send(Http.request(url).GET().build(), HttpResponse.BodyHandlers.ofString());
			return (response.statusCode() == 200) ? response.body() : null;
		}
		catch (java.io.IOException ex) {
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

	static Reading summary(String exposition, String name) {
		long count = 0;
		double total = 0;
		double max = 0;
		for (String line : exposition.split("\n")) {
			double value = (line.startsWith(name + "_")) ? Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))
					: 0;
			if (line.startsWith(name + "_count")) {
				count += (long) value;
			}
			else if (line.startsWith(name + "_sum")) {
				total += value;
			}
			else if (line.startsWith(name + "_max")) {
				max = Math.max(max, value);
			}
		}
		return new Reading(count, total, max);
	}

	/**
	 * The mean of a summary between two readings, over all processes.
	 * @return such as "1.84 changes per transaction (6,512 transactions, at most 9)", or
	 * empty when nothing was recorded
	 */
	public static String describeMean(Map<String, Reading> before, Map<String, Reading> after, String unit,
			String per) {
		long count = 0;
		double total = 0;
		double max = 0;
		for (Map.Entry<String, Reading> reading : after.entrySet()) {
			Reading earlier = before.getOrDefault(reading.getKey(), Reading.NONE);
			count += reading.getValue().count() - earlier.count();
			total += reading.getValue().seconds() - earlier.seconds();
			max = Math.max(max, reading.getValue().max());
		}
		if (count <= 0) {
			return "";
		}
		return Format.decimal(total / count, 2) + " " + unit + " per " + per + " (" + Format.whole(count) + " " + per
				+ "s, at most " + Format.whole(max) + ")";
	}

	Reading parse(String exposition) {
		long count = 0;
		double seconds = 0;
		double max = 0;
		String method = "method=\"" + this.method + "\"";
		for (String line : exposition.split("\n")) {
			if (!line.startsWith("http_server_requests_seconds") || !line.contains(method)
					|| this.uris.stream().noneMatch((uri) -> line.contains("uri=\"" + uri + "\""))) {
				continue;
			}
			double value = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
			if (line.startsWith("http_server_requests_seconds_count{")) {
				count += (long) value;
			}
			else if (line.startsWith("http_server_requests_seconds_sum{")) {
				seconds += value;
			}
			else if (line.startsWith("http_server_requests_seconds_max{")) {
				max = Math.max(max, value);
			}
		}
		return new Reading(count, seconds, max);
	}

	/**
	 * What each process's timer saw between two readings.
	 * @return one phrase per process, such as "web-gateway 11,000 requests, mean 45.1 ms,
	 * slowest 2,345 ms"
	 */
	public static String describe(Map<String, Reading> before, Map<String, Reading> after) {
		StringBuilder described = new StringBuilder();
		after.forEach((process, reading) -> {
			Reading earlier = before.getOrDefault(process, Reading.NONE);
			long count = reading.count() - earlier.count();
			if (count <= 0) {
				return;
			}
			double mean = (reading.seconds() - earlier.seconds()) / count * 1000;
			described.append((described.length() > 0) ? "; " : "")
				.append(process)
				.append(' ')
				.append(Format.whole(count))
				.append(" requests, mean ")
				.append(Format.decimal(mean, 1))
				.append(" ms, slowest ")
				.append(Format.whole(reading.max() * 1000))
				.append(" ms");
		});
		return described.toString();
	}

	/**
	 * One process's timer, or summary.
	 *
	 * @param count requests timed since the process started (a summary's count)
	 * @param seconds their total time (a summary's total)
	 * @param max the slowest of the last minutes (Micrometer's decaying maximum)
	 */
	public record Reading(long count, double seconds, double max) {

		static final Reading NONE = new Reading(0, 0, 0);

	}

}
