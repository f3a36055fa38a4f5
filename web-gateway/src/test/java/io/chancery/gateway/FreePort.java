package io.chancery.gateway;

import java.io.IOException;
import java.net.ServerSocket;

/** A port nothing listens on, for a service that is down. */
final class FreePort {

	private FreePort() {
	}

	static int find() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
