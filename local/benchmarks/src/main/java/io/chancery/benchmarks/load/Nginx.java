package io.chancery.benchmarks.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.chancery.infrastructure.GuardedProcess;
import io.chancery.infrastructure.Ports;
import io.chancery.infrastructure.StartupProbe;

/**
 * Debian's nginx as the peer a user would put in front instead: started by the benchmark
 * in the foreground with its own configuration, pid file, logs and temporary paths in one
 * directory, on a free loopback port, under a process guard so it stops with this JVM. It
 * proxies some exact paths to upstreams (HTTP/1.1 with pooled keep-alive connections, as
 * a tuned proxy would) and serves everything else as static files.
 */
public final class Nginx implements AutoCloseable {

	private final GuardedProcess process;

	private final Path directory;

	private final int port;

	private Nginx(GuardedProcess process, Path directory, int port) {
		this.process = process;
		this.directory = directory;
		this.port = port;
	}

	/** The version nginx reports, or fails saying how to install it. */
	public static String version() {
		Path nginx = Executables.require("nginx", "as the peer of the gateway");
		try {
			Process process = new ProcessBuilder(nginx.toString(), "-v").redirectErrorStream(true).start();
			process.getOutputStream().close();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
			process.waitFor(10, TimeUnit.SECONDS);
			return output.replace("nginx version: ", "");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Starts nginx and returns once it answers.
	 * @param directory its own directory: configuration, pid, logs, temporary files and
	 * the static files under {@code www/}; when this JVM is root, nginx's workers run as
	 * an unprivileged user, who must be able to enter every directory above it
	 * @param proxied exact paths and the loopback port of the upstream each goes to
	 */
	public static Nginx start(Path directory, Map<String, Integer> proxied) {
		Path nginx = Executables.require("nginx", "as the peer of the gateway");
		int port = Ports.free();
		try {
			// Readable by nginx's unprivileged workers when the benchmark runs as root.
			for (Path each : List.of(directory, directory.resolve("www"), directory.resolve("temp"))) {
				Files.createDirectories(each);
				Files.setPosixFilePermissions(each, PosixFilePermissions.fromString("rwxr-xr-x"));
			}
			Path configuration = directory.resolve("nginx.conf");
			Files.writeString(configuration, configuration(directory, port, proxied));
			List<String> command = List.of(nginx.toString(), "-e", directory.resolve("error.log").toString(), "-p",
					directory.toString(), "-c", configuration.toString());
			GuardedProcess process = GuardedProcess.start("nginx", command, directory, directory.resolve("console.log"),
					Map.of());
			Nginx started = new Nginx(process, directory, port);
			started.awaitReady();
			return started;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String configuration(Path directory, int port, Map<String, Integer> proxied) {
		StringBuilder upstreams = new StringBuilder();
		StringBuilder locations = new StringBuilder();
		proxied.forEach((path, upstreamPort) -> {
			String name = "upstream_" + upstreamPort;
			if (upstreams.indexOf(name + " ") < 0) {
				upstreams.append("""
						  upstream %s {
						    server 127.0.0.1:%d;
						    keepalive 64;
						  }
						""".formatted(name, upstreamPort));
			}
			locations.append("""
					    location = %s {
					      proxy_pass http://%s;
					      proxy_http_version 1.1;
					      proxy_set_header Connection "";
					      proxy_set_header Host $host;
					    }
					""".formatted(path, name));
		});
		return """
				# Written by the Chancery benchmarks; nginx runs in the foreground under the benchmark's guard.
				worker_processes auto;
				daemon off;
				master_process on;
				pid %1$s/nginx.pid;
				error_log %1$s/error.log warn;
				events {
				  worker_connections 4096;
				}
				http {
				  access_log off;
				  client_body_temp_path %1$s/temp/body;
				  proxy_temp_path %1$s/temp/proxy;
				  fastcgi_temp_path %1$s/temp/fastcgi;
				  uwsgi_temp_path %1$s/temp/uwsgi;
				  scgi_temp_path %1$s/temp/scgi;
				  default_type application/json;
				  sendfile on;
				  tcp_nopush on;
				  # wrk keeps its connections open for the whole run; so does the gateway.
				  keepalive_timeout 65;
				  keepalive_requests 1000000;
				%2$s
				  server {
				    listen 127.0.0.1:%3$d;
				%4$s
				    location / {
				      root %1$s/www;
				    }
				  }
				}
				""".formatted(directory, upstreams, port, locations);
	}

	public String url() {
		return "http://127.0.0.1:" + this.port;
	}

	/** Serves {@code body} at {@code path} from now on. */
	public void serve(String path, byte[] body) {
		try {
			Path file = this.directory.resolve("www").resolve(path.replaceFirst("^/+", ""));
			Path parent = file.getParent();
			for (Path each = parent; each != null
					&& each.startsWith(this.directory.resolve("www")); each = each.getParent()) {
				Files.createDirectories(each);
				Files.setPosixFilePermissions(each, PosixFilePermissions.fromString("rwxr-xr-x"));
			}
			Files.write(file, body);
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void awaitReady() {
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		HttpRequest probe = HttpRequest.newBuilder(URI.create(url() + "/")).timeout(Duration.ofSeconds(2)).build();
		StartupProbe.Outcome outcome = StartupProbe.await(client, probe, (status) -> true, this.process::isAlive,
				Duration.ofSeconds(20), Duration.ofMillis(100));
		if (outcome == StartupProbe.Outcome.READY) {
			return;
		}
		if (outcome == StartupProbe.Outcome.EXITED) {
			throw new IllegalStateException("nginx exited while starting:\n" + errors());
		}
		this.process.close();
		throw new IllegalStateException("nginx did not answer within 20 s:\n" + errors());
	}

	private String errors() {
		try {
			Path log = this.directory.resolve("error.log");
			return this.process.logTail(20) + (Files.exists(log) ? "\n" + Files.readString(log) : "");
		}
		catch (IOException ex) {
			return this.process.logTail(20);
		}
	}

	/** Stops nginx (SIGTERM, a fast shutdown) and its workers. */
	@Override
	public void close() {
		this.process.close();
	}

}
