package io.chancery.infrastructure;

import java.io.File;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Main class of a small JVM that runs a command which cannot watch a pipe itself
 * (Elasticsearch's launcher) and stops it, with all its descendants, when its own
 * standard input ends. Arguments: the log file, then the command.
 */
public final class ProcessGuard {

	private static final long GRACE_SECONDS = 25;

	private ProcessGuard() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length < 2) {
			System.err.println("usage: ProcessGuard <log file> <command> [args...]");
			System.exit(2);
		}
		List<String> command = Arrays.asList(args).subList(1, args.length);
		Process child = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(new File(args[0])))
			.redirectInput(ProcessBuilder.Redirect.PIPE)
			.start();
		StdinWatch.onEnd(() -> {
			stop(child);
			System.exit(0);
		});
		Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(child)));
		System.exit(child.waitFor());
	}

	private static void stop(Process child) {
		if (!child.isAlive()) {
			return;
		}
		List<ProcessHandle> descendants = child.descendants().toList();
		child.destroy();
		try {
			if (!child.waitFor(GRACE_SECONDS, TimeUnit.SECONDS)) {
				child.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		// Elasticsearch's launcher stops its server on SIGTERM; anything left over is
		// killed.
		for (ProcessHandle descendant : descendants) {
			descendant.destroy();
			descendant.onExit().orTimeout(GRACE_SECONDS, TimeUnit.SECONDS).exceptionally((ex) -> {
				descendant.destroyForcibly();
				return descendant;
			}).join();
		}
		try {
			child.getOutputStream().close();
		}
		catch (IOException ex) {
			// Nothing to do: it is gone.
		}
	}

}
