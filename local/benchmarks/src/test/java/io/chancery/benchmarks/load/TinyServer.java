package io.chancery.benchmarks.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;

/**
 * A loopback HTTP server that answers every request with a small JSON body and remembers
 * it.
 */
final class TinyServer implements AutoCloseable {

	private final HttpServer server;

	final List<String> requests = new CopyOnWriteArrayList<>();

	TinyServer(String cacheControl) {
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.setExecutor(Executors.newFixedThreadPool(4));
		this.server.createContext("/", (exchange) -> {
			byte[] body = exchange.getRequestBody().readAllBytes();
			this.requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
					+ exchange.getRequestHeaders().getFirst("Host") + " " + new String(body, StandardCharsets.UTF_8));
			byte[] answer = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.getResponseHeaders().add("Cache-Control", cacheControl);
			exchange.sendResponseHeaders(200, answer.length);
			exchange.getResponseBody().write(answer);
			exchange.close();
		});
		this.server.start();
	}

	int port() {
		return this.server.getAddress().getPort();
	}

	String url() {
		return "http://127.0.0.1:" + port();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
