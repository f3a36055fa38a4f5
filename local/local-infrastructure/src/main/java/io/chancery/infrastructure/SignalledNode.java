package io.chancery.infrastructure;

/**
 * What every local cluster node does alike with signals: pause and resume the server,
 * kill it and wait for it to go, and resume a paused one before a graceful stop.
 */
abstract class SignalledNode implements ClusterNode {

	private volatile boolean paused;

	@Override
	public void pause() {
		Signals.stop(pid());
		this.paused = true;
	}

	@Override
	public void resume() {
		Signals.resume(pid());
		this.paused = false;
	}

	/** Kills the server's JVM and waits until it is gone. */
	final void killServer() {
		long pid = pid();
		if (pid > 0) {
			Signals.kill(pid);
			ProcessHandle.of(pid).ifPresent((handle) -> handle.onExit().join());
		}
		this.paused = false;
	}

	/** A paused process cannot stop gracefully. */
	final void resumeIfPaused() {
		if (this.paused) {
			resume();
		}
	}

}
