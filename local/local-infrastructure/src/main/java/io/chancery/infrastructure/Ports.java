package io.chancery.infrastructure;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/** Loopback ports. */
public final class Ports {

	/*
	 * Ports are handed out below Linux's ephemeral range (32768-60999 by default). A port
	 * the kernel chose with bind(0) is from that range, and the local platform binds the
	 * ports it was given up to a minute later: in between, any outgoing connection (a
	 * Kafka client, Maven, the browser) may take the same number as its local port, and
	 * the service that was promised it fails with "port already in use". Below the range
	 * only listeners compete, and every candidate is checked for one.
	 */
	private static final int LOWEST = 20_000;

	private static final int HIGHEST = 32_000;

	private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

	private Ports() {
	}

	/**
	 * A port free on loopback now, never handed out before by this JVM, and outside the
	 * ephemeral range.
	 */
	public static int free() {
		int span = HIGHEST - LOWEST;
		int start = ThreadLocalRandom.current().nextInt(span);
		for (int i = 0; i < span; i++) {
			int port = LOWEST + (start + i) % span;
			if (!HANDED_OUT.contains(port) && bindable(port) && HANDED_OUT.add(port)) {
				return port;
			}
		}
		throw new IllegalStateException("No free loopback port between " + LOWEST + " and " + HIGHEST);
	}

	/** Fails with a clear message when a fixed port is taken. */
	public static int requireFree(int port, String what) {
		if (!bindable(port)) {
			throw new IllegalStateException(
					"Port " + port + " for " + what + " is in use on 127.0.0.1: stop what uses it (ss -ltnp 'sport = :"
							+ port + "') or choose another port.");
		}
		return port;
	}

	private static boolean bindable(int port) {
		try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
			socket.setReuseAddress(true);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
