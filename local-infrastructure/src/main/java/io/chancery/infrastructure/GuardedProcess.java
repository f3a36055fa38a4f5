package io.chancery.infrastructure;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A command run under a {@link ProcessGuard}: it and every process it starts end when
 * this JVM closes it or dies. For programs that do not watch a pipe themselves:
 * Elasticsearch's launcher, the services of the local run.
 */
public final class GuardedProcess implements AutoCloseable {

	private final ChildProcess guard;

	private GuardedProcess(ChildProcess guard) {
		this.guard = guard;
	}

	/**
	 * Starts {@code command} in {@code workingDirectory} with its output appended to
	 * {@code log}.
	 * @param environment added to this JVM's environment
	 */
	public static GuardedProcess start(String name, List<String> command, Path workingDirectory, Path log,
			Map<String, String> environment) {
		List<String> arguments = new ArrayList<>();
		arguments.add(log.toString());
		arguments.addAll(command);
		List<String> guardCommand = Jvm.command(List.of(Jvm.ownCodeSource()),
				List.of("-Xmx24m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k"),
				ProcessGuard.class.getName(), arguments);
		return new GuardedProcess(ChildProcess.startIn(name, guardCommand, workingDirectory, log, environment));
	}

	/** The guard's pid. */
	public long pid() {
		return this.guard.pid();
	}

	/** The guarded command's processes. */
	public List<Long> descendantPids() {
		return ProcessHandle.of(this.guard.pid())
			.map((handle) -> handle.descendants().map(ProcessHandle::pid).toList())
			.orElse(List.of());
	}

	public boolean isAlive() {
		return this.guard.isAlive();
	}

	public String logTail(int lines) {
		return this.guard.logTail(lines);
	}

	/**
	 * Stops the command gracefully (SIGTERM, then SIGKILL after a grace period) and waits
	 * for all of it.
	 */
	@Override
	public void close() {
		List<ProcessHandle> descendants = ProcessHandle.of(this.guard.pid())
			.map((handle) -> handle.descendants().toList())
			.orElse(List.of());
		this.guard.close();
		for (ProcessHandle handle : descendants) {
			handle.onExit().orTimeout(30, TimeUnit.SECONDS).exceptionally((ex) -> {
				handle.destroyForcibly();
				return handle;
			}).join();
		}
	}

	@Override
	public String toString() {
		return this.guard.toString();
	}

}
