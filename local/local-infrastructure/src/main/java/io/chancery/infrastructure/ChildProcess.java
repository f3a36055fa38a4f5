package io.chancery.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A child process whose standard input is a pipe from this JVM and whose output goes to a
 * log file. The child watches that pipe and ends itself when it closes: on
 * {@link #close()}, and also when this JVM dies without running any shutdown hook
 * ({@code kill -9}), because the kernel closes the pipe then.
 */
final class ChildProcess implements AutoCloseable {

	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

	private final String name;

	private final Process process;

	private final Path log;

	private ChildProcess(String name, Process process, Path log) {
		this.name = name;
		this.process = process;
		this.log = log;
	}

	static ChildProcess start(String name, List<String> command, Path log, Map<String, String> environment) {
		return startIn(name, command, log.getParent(), log, environment);
	}

	static ChildProcess startIn(String name, List<String> command, Path workingDirectory, Path log,
			Map<String, String> environment) {
		try {
			Files.createDirectories(log.getParent());
			ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
			builder.environment().putAll(environment);
			return new ChildProcess(name, builder.start(), log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start " + name + " with " + command, ex);
		}
	}

	long pid() {
		return this.process.pid();
	}

	boolean isAlive() {
		return this.process.isAlive();
	}

	Path log() {
		return this.log;
	}

	/**
	 * The last lines of the log, for error messages that say why a component did not
	 * start.
	 */
	String logTail(int lines) {
		try {
			List<String> all = Files.readAllLines(this.log, StandardCharsets.UTF_8);
			return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
		}
		catch (IOException | UncheckedIOException ex) {
			return "(no log at " + this.log + ")";
		}
	}

	/**
	 * Closes the pipe, which asks the child to stop, and waits for it; kills it if it
	 * does not stop in time.
	 */
	@Override
	public void close() {
		try {
			this.process.getOutputStream().close();
		}
		catch (IOException ex) {
			// Already closed: the child is stopping or gone.
		}
		try {
			if (!this.process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
				this.process.descendants().forEach(ProcessHandle::destroyForcibly);
				this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.process.destroyForcibly();
		}
	}

	@Override
	public String toString() {
		return this.name + " (pid " + pid() + ", log " + this.log + ")";
	}

}
