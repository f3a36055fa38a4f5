package io.chancery.gateway;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for one service behind the gateway: it answers fixed bodies by path (or
 * bodies made from the query), records what reached it, can be made slow or stopped, and
 * can hold server-sent event streams open to push events on demand. The gateway's tests
 * are about the gateway; the services themselves are tested on the real engines, and the
 * system tests run the whole stack.
 */
public final class Upstream implements AutoCloseable, AfterAllCallback {

	/** Tells a stream's writer that the stand-in is closing. */
	private static final String CLOSE = "\u0000close";

	private final HttpServer server;

	private final List<String> received = new CopyOnWriteArrayList<>();

	private final Map<String, Headers> headers = new ConcurrentHashMap<>();

	private final Map<String, String> bodies = new ConcurrentHashMap<>();

	private final Map<String, Function<Map<String, List<String>>, Reply>> replies = new ConcurrentHashMap<>();

	private final Map<String, List<BlockingQueue<String>>> streams = new ConcurrentHashMap<>();

	private volatile Duration delay = Duration.ZERO;

	public Upstream(String name) {
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		this.server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		this.server.createContext("/", (exchange) -> answer(name, exchange));
		this.server.start();
	}

	public String uri() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/** Answers {@code body} (JSON) at {@code path}, any method. */
	public Upstream answer(String path, String body) {
		return answer(path, (query) -> Reply.json(body));
	}

	/** Answers at {@code path} what {@code reply} makes of the query's parameters. */
	public Upstream answer(String path, Function<Map<String, List<String>>, Reply> reply) {
		this.replies.put(path, reply);
		return this;
	}

	/**
	 * Holds requests to {@code path} open as server-sent event streams, which
	 * {@link #push} writes to.
	 */
	public Upstream stream(String path) {
		this.streams.putIfAbsent(path, new CopyOnWriteArrayList<>());
		return this;
	}

	/** Sends an event to every stream open at {@code path}. */
	public void push(String path, String event, String data) {
		StringBuilder message = new StringBuilder("event:").append(event).append('\n');
		data.lines().forEach((line) -> message.append("data:").append(line).append('\n'));
		message.append('\n');
		for (BlockingQueue<String> subscriber : this.streams.getOrDefault(path, List.of())) {
			subscriber.add(message.toString());
		}
	}

	/** How many streams are open at {@code path}. */
	public int subscribers(String path) {
		return this.streams.getOrDefault(path, List.of()).size();
	}

	public void slow(Duration delay) {
		this.delay = delay;
	}

	/** What reached this service: "METHOD path?query". */
	public List<String> received() {
		return this.received;
	}

	/** The headers of the last request to reach this service as "METHOD path". */
	public Headers headersOf(String request) {
		return this.headers.getOrDefault(request, new Headers());
	}

	/** The body of the last request to reach this service as "METHOD path". */
	public String bodyOf(String request) {
		return this.bodies.getOrDefault(request, "");
	}

	private void answer(String name, HttpExchange exchange) throws IOException {
		String query = exchange.getRequestURI().getRawQuery();
		String path = exchange.getRequestURI().getPath();
		this.received.add(exchange.getRequestMethod() + " " + path + ((query != null) ? "?" + query : ""));
		this.headers.put(exchange.getRequestMethod() + " " + path, new Headers(exchange.getRequestHeaders()));
		try {
			Thread.sleep(this.delay.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.bodies.put(exchange.getRequestMethod() + " " + path,
				new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
		List<BlockingQueue<String>> subscribers = this.streams.get(path);
		if (subscribers != null) {
			hold(exchange, subscribers);
			return;
		}
		Function<Map<String, List<String>>, Reply> reply = this.replies.get(path);
		Reply answer = (reply != null) ? reply.apply(parameters(query))
				: Reply.json("{\"service\":\"" + name + "\",\"path\":\"" + path + "\"}");
		byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
		boolean stream = path.endsWith("/stream");
		exchange.getResponseHeaders().set("Content-Type", stream ? "text/event-stream" : answer.contentType());
		answer.headers().forEach(exchange.getResponseHeaders()::set);
		if (answer.status() == 200 && !stream && exchange.getRequestMethod().equals("GET")) {
			// As the services' reads do: a tag from the body, and 304 when the client has
			// it.
			String tag = "\"" + HexFormat.of().formatHex(sha256(bytes), 0, 16) + "\"";
			exchange.getResponseHeaders().set("ETag", tag);
			if (tag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
				exchange.sendResponseHeaders(304, -1);
				exchange.close();
				return;
			}
		}
		exchange.sendResponseHeaders(answer.status(), bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	/** Writes what is pushed until the client goes or the stand-in closes. */
	private void hold(HttpExchange exchange, List<BlockingQueue<String>> subscribers) throws IOException {
		BlockingQueue<String> queue = new LinkedBlockingQueue<>();
		exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
		exchange.getResponseHeaders().set("Cache-Control", "no-cache");
		exchange.sendResponseHeaders(200, 0);
		subscribers.add(queue);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write("event:subscribed\ndata:{}\n\n".getBytes(StandardCharsets.UTF_8));
			out.flush();
			while (true) {
				String message = queue.take();
				if (message == CLOSE) {
					return;
				}
				out.write(message.getBytes(StandardCharsets.UTF_8));
				out.flush();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (IOException ex) {
			// The client went away.
		}
		finally {
			subscribers.remove(queue);
		}
	}

	private static byte[] sha256(byte[] bytes) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(bytes);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Map<String, List<String>> parameters(String query) {
		Map<String, List<String>> parameters = new LinkedHashMap<>();
		if (query == null || query.isEmpty()) {
			return parameters;
		}
		for (String pair : query.split("&")) {
			int equals = pair.indexOf('=');
			String key = URLDecoder.decode((equals < 0) ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
			String value = (equals < 0) ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
			parameters.computeIfAbsent(key, (name) -> new ArrayList<>()).add(value);
		}
		return parameters;
	}

	/**
	 * Stops the stand-in after its test class, when registered as the class's extension
	 * ({@code @RegisterExtension static final Upstream}).
	 */
	@Override
	public void afterAll(ExtensionContext context) {
		close();
	}

	@Override
	public void close() {
		this.streams.values().forEach((subscribers) -> subscribers.forEach((queue) -> queue.add(CLOSE)));
		this.server.stop(0);
	}

	/**
	 * One answer.
	 *
	 * @param status the HTTP status
	 * @param contentType its media type
	 * @param body its body
	 * @param headers other headers of the answer
	 */
	public record Reply(int status, String contentType, String body, Map<String, String> headers) {

		public Reply(int status, String contentType, String body) {
			this(status, contentType, body, Map.of());
		}

		/** The same answer with one more header. */
		public Reply withHeader(String name, String value) {
			Map<String, String> more = new LinkedHashMap<>(this.headers);
			more.put(name, value);
			return new Reply(this.status, this.contentType, this.body, Map.copyOf(more));
		}

		public static Reply json(String body) {
			return new Reply(200, "application/json", body);
		}

		public static Reply problem(int status, String title, String detail) {
			return new Reply(status, "application/problem+json", "{\"type\":\"about:blank\",\"title\":\"" + title
					+ "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}");
		}

	}

}
