package io.chancery.infrastructure;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A command run under a guard: it and every process it starts end when this JVM closes it
 * or dies. For programs that do not watch a pipe themselves: Elasticsearch's launcher,
 * the services of the local run.
 * <p>
 * The guard is a few lines of bash rather than a JVM, since six guards are part of every
 * local run's footprint (about 4 MB each instead of about 40). It starts the command in
 * its own session, so that one signal reaches the command and everything it started, and
 * stops that whole group (SIGTERM, then SIGKILL after 25 s) when its standard input, a
 * pipe from this JVM, ends or when it is itself asked to stop. The guard too runs in a
 * session of its own, outside this JVM's process group, so that killing that group cannot
 * kill the guard and orphan the command. When the command ends on its own, the guard ends
 * with its exit status.
 */
public final class GuardedProcess implements AutoCloseable {

	private static final String GUARD = """
			log=$1
			shift
			setsid "$@" >>"$log" 2>&1 </dev/null &
			child=$!
			stop() {
				kill -TERM "-$child" 2>/dev/null
				for _ in $(seq 250); do
					kill -0 "-$child" 2>/dev/null || exit 0
					sleep 0.1
				done
				kill -KILL "-$child" 2>/dev/null
				exit 0
			}
			trap stop TERM INT HUP
			while kill -0 "$child" 2>/dev/null; do
				IFS= read -r -t 1 -n 1 _
				status=$?
				# 0: a byte (never sent); above 128: the second passed; else the end.
				[ "$status" -eq 0 ] || [ "$status" -gt 128 ] || stop
			done
			wait "$child"
			""";

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
		// The guard has a session of its own: a SIGKILL to this JVM's whole process group
		// (how some IDEs and CI runners stop a job) leaves it alive, and it stops the
		// command once the pipe from the dead JVM ends. setsid starts bash in the same
		// process, since a child of a JVM is never a group leader, so its pid is the
		// guard's.
		List<String> guardCommand = new ArrayList<>(
				List.of("setsid", "bash", "-c", GUARD, "chancery-guard", log.toString()));
		guardCommand.addAll(command);
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
