package io.chancery.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Loopback ports. */
public final class Ports {

	private Ports() {
	}

	/** A port free on loopback now; the caller binds it right away. */
	public static int free() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No free loopback port", ex);
		}
	}

	/** Fails with a clear message when a fixed port is taken. */
	public static int requireFree(int port, String what) {
		try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
			socket.setReuseAddress(true);
			return port;
		}
		catch (IOException ex) {
			throw new IllegalStateException(
					"Port " + port + " for " + what + " is in use on 127.0.0.1: stop what uses it (ss -ltnp 'sport = :"
							+ port + "') or choose another port.",
					ex);
		}
	}

}
