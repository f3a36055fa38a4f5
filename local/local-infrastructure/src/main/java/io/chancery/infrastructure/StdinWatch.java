package io.chancery.infrastructure;

import java.io.IOException;
import java.io.InputStream;

/**
 * Runs an action once standard input reaches its end, which is how a child learns that
 * the JVM that started it asked it to stop or died.
 */
final class StdinWatch {

	private StdinWatch() {
	}

	static void onEnd(Runnable action) {
		Thread watcher = new Thread(() -> {
			InputStream in = System.in;
			byte[] buffer = new byte[256];
			try {
				while (in.read(buffer) != -1) {
					// Nothing is ever sent; only the end matters.
				}
			}
			catch (IOException ex) {
				// A broken pipe means the same as its end.
			}
			action.run();
		}, "stdin-watch");
		watcher.setDaemon(true);
		watcher.start();
	}

}
