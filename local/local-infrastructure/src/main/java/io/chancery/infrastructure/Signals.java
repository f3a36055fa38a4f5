package io.chancery.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The signals the drills send to the engines' processes: {@code SIGKILL} for a crash,
 * {@code SIGSTOP} and {@code SIGCONT} for a process that stops answering without going
 * away (a long pause, a frozen VM), which the JDK's process API cannot send.
 */
public final class Signals {

	private Signals() {
	}

	public static void kill(long pid) {
		send("KILL", pid);
	}

	public static void stop(long pid) {
		send("STOP", pid);
	}

	public static void resume(long pid) {
		send("CONT", pid);
	}

	private static void send(String signal, long pid) {
		try {
			int status = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor();
			if (status != 0) {
				throw new IllegalStateException("kill -" + signal + " " + pid + " ended with " + status);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
