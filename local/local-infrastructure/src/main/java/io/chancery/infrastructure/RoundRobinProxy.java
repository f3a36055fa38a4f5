package io.chancery.infrastructure;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Spreads TCP connections over the replicas of a service the way a Kubernetes Service
 * does (kube-proxy balances connections, not requests): each new connection goes to the
 * next replica in turn, or to the one after when that one refuses it. The local platform
 * puts one in front of a service it runs more than once.
 */
public final class RoundRobinProxy implements AutoCloseable {

	private static final int CONNECT_TIMEOUT_MILLIS = 1000;

	private final ServerSocket server;

	private final List<Integer> replicas;

	private final AtomicInteger next = new AtomicInteger();

	private final Set<Socket> open = ConcurrentHashMap.newKeySet();

	private RoundRobinProxy(ServerSocket server, List<Integer> replicas) {
		this.server = server;
		this.replicas = List.copyOf(replicas);
	}

	/**
	 * Listens on a loopback port and passes each connection to one of the replicas'
	 * loopback ports.
	 */
	public static RoundRobinProxy start(int port, List<Integer> replicas) {
		try {
			ServerSocket server = new ServerSocket(port, 200, InetAddress.getLoopbackAddress());
			RoundRobinProxy proxy = new RoundRobinProxy(server, replicas);
			Thread.ofPlatform().daemon().name("proxy-" + port).start(proxy::accept);
			return proxy;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not listen on port " + port, ex);
		}
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				Socket client = this.server.accept();
				Thread.ofVirtual().start(() -> connect(client));
			}
			catch (IOException ex) {
				// Closed.
			}
		}
	}

	private void connect(Socket client) {
		for (int tried = 0; tried < this.replicas.size(); tried++) {
			int port = this.replicas.get(Math.floorMod(this.next.getAndIncrement(), this.replicas.size()));
			Socket upstream = new Socket();
			try {
				upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), CONNECT_TIMEOUT_MILLIS);
			}
			catch (IOException ex) {
				closeQuietly(upstream);
				continue;
			}
			this.open.add(client);
			this.open.add(upstream);
			AtomicInteger directions = new AtomicInteger(2);
			Thread.ofVirtual().start(() -> copy(client, upstream, directions));
			copy(upstream, client, directions);
			return;
		}
		closeQuietly(client);
	}

	/**
	 * Copies one direction until it ends and passes the end on; the sockets are closed
	 * once both directions ended, or at once when one fails (a replica killed, a client
	 * gone).
	 */
	private void copy(Socket from, Socket to, AtomicInteger directions) {
		try {
			InputStream in = from.getInputStream();
			OutputStream out = to.getOutputStream();
			in.transferTo(out);
			to.shutdownOutput();
			if (directions.decrementAndGet() > 0) {
				return;
			}
		}
		catch (IOException ex) {
			// Ends both directions below.
		}
		closeQuietly(from);
		closeQuietly(to);
	}

	private void closeQuietly(Socket socket) {
		this.open.remove(socket);
		try {
			socket.close();
		}
		catch (IOException ex) {
			// Closing anyway.
		}
	}

	@Override
	public void close() {
		try {
			this.server.close();
		}
		catch (IOException ex) {
			// Closing anyway.
		}
		this.open.forEach(this::closeQuietly);
	}

}
