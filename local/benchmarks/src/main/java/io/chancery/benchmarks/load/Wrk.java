package io.chancery.benchmarks.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

/**
 * Runs Debian's wrk as a separate process against one base URL with a fixed mix of
 * requests, taken in turn, and reads the figures from its own latency histogram: a
 * generated Lua script prints them as one line when wrk is done.
 */
public final class Wrk {

	private static final String MARK = "WRK-RESULT ";

	private final Path program;

	private final Path scripts;

	private final AtomicInteger runs = new AtomicInteger();

	private Wrk(Path program, Path scripts) {
		this.program = program;
		this.scripts = scripts;
	}

	/** Finds wrk, or fails saying how to install it. */
	public static Wrk find(Path scripts) {
		return new Wrk(Executables.require("wrk", "to load the HTTP read scenarios"), scripts);
	}

	/** The version line wrk prints. */
	public String version() {
		String output = run(List.of(this.program.toString(), "--version"), Duration.ofSeconds(10));
		String first = output.lines().findFirst().orElse("wrk").strip();
		int copyright = first.indexOf("Copyright");
		return (copyright > 0) ? first.substring(0, copyright).strip() : first;
	}

	/**
	 * Loads {@code baseUrl} with {@code mix} for {@code duration}.
	 * @param watch a header name and value to count answers by (for example a home page
	 * answered degraded), or {@code null}
	 */
	public WrkResult run(String label, String baseUrl, List<WrkRequest> mix, int threads, int connections,
			Duration duration, String @Nullable [] watch) {
		Path script = this.scripts.resolve("mix-" + this.runs.incrementAndGet() + ".lua");
		try {
			Files.createDirectories(this.scripts);
			Files.writeString(script, script(mix, watch), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		int effectiveThreads = Math.min(threads, connections);
		List<String> command = List.of(this.program.toString(), "-t", Integer.toString(effectiveThreads), "-c",
				Integer.toString(connections), "-d", Math.max(1, duration.toSeconds()) + "s", "--timeout", "10s",
				"--latency", "-s", script.toString(), baseUrl);
		String output = run(command, duration.plusSeconds(60));
		return parse(label, effectiveThreads, connections, output);
	}

	private static WrkResult parse(String label, int threads, int connections, String output) {
		String line = output.lines()
			.filter((candidate) -> candidate.startsWith(MARK))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("wrk printed no result for " + label + ":\n" + output));
		String[] f = line.substring(MARK.length()).strip().split(" ");
		double seconds = Long.parseLong(f[0]) / 1e6;
		long requests = Long.parseLong(f[1]);
		long bytes = Long.parseLong(f[2]);
		long socketErrors = Long.parseLong(f[3]) + Long.parseLong(f[4]) + Long.parseLong(f[5]) + Long.parseLong(f[7]);
		long non2xx = Long.parseLong(f[6]);
		long flagged = Long.parseLong(f[8]);
		LatencySummary latency = new LatencySummary(requests, Double.parseDouble(f[9]) / 1000.0,
				Long.parseLong(f[11]) / 1000.0, Long.parseLong(f[12]) / 1000.0, Long.parseLong(f[13]) / 1000.0,
				Long.parseLong(f[14]) / 1000.0, Long.parseLong(f[10]) / 1000.0);
		return new WrkResult(label, threads, connections, seconds, requests, requests / seconds, socketErrors, non2xx,
				flagged, bytes / seconds / 1e6, latency);
	}

	static String script(List<WrkRequest> mix, String @Nullable [] watch) {
		StringBuilder lua = new StringBuilder();
		lua.append("-- Written by the Chancery benchmarks: a fixed mix of requests, taken in turn.\n");
		lua.append("local threads = {}\n");
		lua.append("function setup(thread)\n  table.insert(threads, thread)\nend\n");
		if (mix.size() == 1) {
			// One request: wrk sends it without calling into Lua per request.
			WrkRequest only = mix.get(0);
			lua.append("wrk.method = ").append(string(only.method())).append('\n');
			lua.append("wrk.path = ").append(string(only.path())).append('\n');
			only.headers()
				.forEach((name, value) -> lua.append("wrk.headers[ ")
					.append(string(name))
					.append(" ] = ")
					.append(string(value))
					.append('\n'));
			if (only.body() != null) {
				lua.append("wrk.body = ").append(string(only.body())).append('\n');
			}
			lua.append("function init(args)\n  flagged = 0\nend\n");
		}
		else {
			lua.append("local mix = {\n");
			for (WrkRequest request : mix) {
				lua.append("  { method = ").append(string(request.method()));
				lua.append(", path = ").append(string(request.path()));
				lua.append(", headers = {");
				List<String> headers = new ArrayList<>();
				for (Map.Entry<String, String> header : request.headers().entrySet()) {
					// A space keeps "[" and the long string's "[==[" from reading as
					// "[[".
					headers.add("[ " + string(header.getKey()) + " ] = " + string(header.getValue()));
				}
				lua.append(String.join(", ", headers)).append("}");
				lua.append(", body = ").append((request.body() != null) ? string(request.body()) : "nil");
				lua.append(" },\n");
			}
			lua.append("}\n");
			lua.append("""
					function init(args)
					  flagged = 0
					  prepared = {}
					  for i, r in ipairs(mix) do
					    prepared[i] = wrk.format(r.method, r.path, r.headers, r.body)
					  end
					  position = 0
					end
					function request()
					  position = position % #prepared + 1
					  return prepared[position]
					end
					""");
		}
		if (watch != null) {
			lua.append("local watch_name = ").append(string(watch[0].toLowerCase(java.util.Locale.ROOT))).append('\n');
			lua.append("local watch_value = ").append(string(watch[1])).append('\n');
			lua.append("""
					function response(status, headers, body)
					  for name, value in pairs(headers) do
					    if string.lower(name) == watch_name and value == watch_value then
					      flagged = flagged + 1
					    end
					  end
					end
					""");
		}
		lua.append("""
				function done(summary, latency, requests)
				  local flagged_total = 0
				  for _, thread in ipairs(threads) do
				    flagged_total = flagged_total + (thread:get("flagged") or 0)
				  end
				  local e = summary.errors
				  local f = math.floor
				  io.write(string.format("%s%d %d %d %d %d %d %d %d %d %.1f %d %d %d %d %d\\n",
				    "WRK-RESULT ", f(summary.duration), f(summary.requests), f(summary.bytes),
				    f(e.connect), f(e.read), f(e.write), f(e.status), f(e.timeout), f(flagged_total),
				    latency.mean, f(latency.max), f(latency:percentile(50)), f(latency:percentile(90)),
				    f(latency:percentile(99)), f(latency:percentile(99.9))))
				end
				""");
		return lua.toString();
	}

	/** A Lua long string, which needs no escapes. */
	private static String string(String value) {
		if (value.contains("]==]")) {
			throw new IllegalArgumentException("Cannot quote for Lua: " + value);
		}
		return "[==[" + value + "]==]";
	}

	private String run(List<String> command, Duration timeout) {
		try {
			Files.createDirectories(this.scripts);
			Path output = this.scripts.resolve("wrk-" + this.runs.incrementAndGet() + ".out");
			// Output to a file, so a wrk that hangs cannot block this JVM past the
			// timeout.
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(output.toFile())
				.start();
			process.getOutputStream().close();
			if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException("wrk did not finish within " + timeout.toSeconds() + " s");
			}
			String printed = Files.readString(output, StandardCharsets.UTF_8);
			return (process.exitValue() == 0) ? printed : printed + "\n(wrk exited with " + process.exitValue() + ")";
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not run " + command, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
