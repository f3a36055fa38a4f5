package io.chancery.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A service's address with two replicas behind it, one of them paused: connections take
 * turns, as a Kubernetes Service spreads them, and those that reach the paused replica
 * are accepted and never answered, as the kernel of a {@code SIGSTOP}ped process accepts
 * them. The first connection reaches the paused one. The other replica is a stand-in
 * {@link Upstream}.
 */
final class PausedReplica implements AutoCloseable {

	private final ServerSocket server;

	private final int live;

	private final AtomicInteger connections = new AtomicInteger();

	private final List<Socket> open = new CopyOnWriteArrayList<>();

	PausedReplica(Upstream live) throws IOException {
		this.live = java.net.URI.create(live.uri()).getPort();
		this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread.ofVirtual().start(this::accept);
	}

	String uri() {
		return "http://127.0.0.1:" + this.server.getLocalPort();
	}

	/** How many connections reached the paused replica. */
	int pausedConnections() {
		return (this.connections.get() + 1) / 2;
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				Socket client = this.server.accept();
				this.open.add(client);
				if (this.connections.getAndIncrement() % 2 == 0) {
					continue;
				}
				Socket upstream = new Socket();
				upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.live));
				this.open.add(upstream);
				Thread.ofVirtual().start(() -> copy(client, upstream));
				Thread.ofVirtual().start(() -> copy(upstream, client));
			}
			catch (IOException ex) {
				// Closed.
			}
		}
	}

	private static void copy(Socket from, Socket to) {
		try {
			InputStream in = from.getInputStream();
			OutputStream out = to.getOutputStream();
			in.transferTo(out);
			to.shutdownOutput();
		}
		catch (IOException ex) {
			// One side went away; close() ends the other.
		}
	}

	@Override
	public void close() throws IOException {
		this.server.close();
		for (Socket socket : this.open) {
			socket.close();
		}
	}

}
