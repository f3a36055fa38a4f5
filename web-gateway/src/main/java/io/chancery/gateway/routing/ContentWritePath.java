package io.chancery.gateway.routing;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.chancery.contracts.PartitionOwner;
import io.chancery.gateway.limits.LimitProperties;
import io.chancery.gateway.limits.RateLimits;
import io.chancery.gateway.limits.WriteAdmission;
import io.chancery.gateway.security.EditorKeys;
import io.chancery.gateway.security.SecurityHeaders;
import io.chancery.gateway.web.ProblemErrorHandler;
import io.chancery.gateway.web.ShortPaths;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpMethod;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.HttpHandlerDecoratorFactory;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;

/**
 * The content writes' own path. An editor's or importer's change of an article or an
 * event with an API key is the busiest write, and the full path spent several times an
 * anonymous read's CPU on it (Spring Security's chain, a route chosen among many, a dozen
 * gateway filters, an observation per filter): at 200 writes a second that was the
 * largest cost of the gateway. Such a write is checked here for what the full path checks
 * — the key and its role, the client's write limit, the gateway's write bound, the
 * declared size — read whole (a few kilobytes, at most the body limit), and sent to the
 * ingest-service replica that owns its partition ({@link OwnerRouting}'s rule), with the
 * answer read whole and passed back with the security headers and timed under the route's
 * id.
 * <p>
 * Anything else takes the full path, which answers it as it always has: a bearer token, a
 * key that is unknown or may not write, a client with no writes left (the full path
 * writes the 401, 403 or 429), an {@code Origin} (CORS), a body of undeclared length or
 * over the limit (411, 413), a path with anything but plain segments, the site's details
 * and imports.
 */
@Component
class ContentWritePath implements HttpHandlerDecoratorFactory {

	/** A create, or a replacement or withdrawal of one item in one locale. */
	private static final Pattern CHANGE = Pattern
		.compile("/api/v1/(articles|events)(/[A-Za-z0-9_~-][A-Za-z0-9._~-]*/[A-Za-z0-9_~-][A-Za-z0-9._~-]*)?");

	/** Headers that send a write to the full path. */
	private static final Set<String> FULL_PATH_HEADERS = Set.of(HttpHeaders.AUTHORIZATION, HttpHeaders.ORIGIN,
			HttpHeaders.TRANSFER_ENCODING, HttpHeaders.UPGRADE, HttpHeaders.EXPECT);

	/**
	 * Request headers that belong to one connection or say where a request came from
	 * ({@link ForwardingHeaders}), and the one ingest-service replicas pass writes on
	 * with.
	 */
	private static final Set<String> NOT_PASSED_ON = Set.of("host", "connection", "keep-alive", "proxy-connection",
			"proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "expect",
			Routes.REPLICA_HEADER.toLowerCase(Locale.ROOT));

	/** Answer headers that belong to one connection, and the owner's hint. */
	private static final byte[] NO_BYTES = new byte[0];

	private static final Set<String> NOT_PASSED_BACK = Set.of("connection", "keep-alive", "proxy-connection",
			"transfer-encoding", "trailer", "upgrade", PartitionOwner.HEADER.toLowerCase(Locale.ROOT));

	private final URI service;

	private final HttpClient client;

	private final Duration timeout;

	private final long maxBodySize;

	private final EditorKeys keys;

	private final RateLimits limits;

	private final WriteAdmission admission;

	private final WriteOwners owners;

	private final SecurityHeaders securityHeaders;

	private final ShortPaths timing;

	ContentWritePath(UpstreamProperties upstreams, HttpClient client, LimitProperties limitProperties, EditorKeys keys,
			RateLimits limits, WriteAdmission admission, WriteOwners owners, SecurityHeaders securityHeaders,
			ShortPaths timing) {
		String base = upstreams.ingest().toString();
		this.service = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
		this.client = client;
		this.timeout = upstreams.timeout();
		this.maxBodySize = limitProperties.maxBodySize().toBytes();
		this.keys = keys;
		this.limits = limits;
		this.admission = admission;
		this.owners = owners;
		this.securityHeaders = securityHeaders;
		this.timing = timing;
	}

	@Override
	public HttpHandler apply(HttpHandler fullPath) {
		return (request, response) -> {
			String writer = writer(request);
			if (writer == null || !this.limits.takeWrite(writer, response)) {
				return fullPath.handle(request, response);
			}
			if (!this.admission.admit()) {
				return this.admission.refuse(request, response);
			}
			long start = System.nanoTime();
			return write(request, response).doFinally((signal) -> this.admission.release())
				.doFinally((signal) -> this.timing.time(request, response, Routes.INGEST_WRITES, start));
		};
	}

	/**
	 * The credential's name when {@code request} is a change this path takes: a plain
	 * change path, an editor's or admin's API key and nothing that is the full path's.
	 */
	private @Nullable String writer(ServerHttpRequest request) {
		org.springframework.http.HttpMethod method = request.getMethod();
		boolean create = method == org.springframework.http.HttpMethod.POST;
		if (!create && method != org.springframework.http.HttpMethod.PUT
				&& method != org.springframework.http.HttpMethod.DELETE) {
			return null;
		}
		String path = request.getURI().getRawPath();
		Matcher change = (path != null) ? CHANGE.matcher(path) : null;
		// A create names no item in its path; a replacement or withdrawal names one.
		if (change == null || !change.matches() || create != (change.group(2) == null)) {
			return null;
		}
		HttpHeaders headers = request.getHeaders();
		for (String header : FULL_PATH_HEADERS) {
			if (headers.containsHeader(header)) {
				return null;
			}
		}
		long length = headers.getContentLength();
		if (method != org.springframework.http.HttpMethod.DELETE && (length < 0 || length > this.maxBodySize)) {
			return null;
		}
		String key = headers.getFirst("X-Api-Key");
		return (key != null) ? this.keys.writer(key) : null;
	}

	private Mono<Void> write(ServerHttpRequest request, ServerHttpResponse response) {
		response.beforeCommit(() -> {
			this.securityHeaders.writeTo(response.getHeaders());
			return Mono.empty();
		});
		String path = request.getURI().getRawPath();
		String query = request.getURI().getRawQuery();
		String target = path + ((query != null) ? "?" + query : "");
		return DataBufferUtils.join(request.getBody(), (int) this.maxBodySize)
			.map(ContentWritePath::bytes)
			.defaultIfEmpty(new byte[0])
			.flatMap((body) -> {
				URI owner = owner(request, path, body);
				if (owner == null) {
					return send(this.service, target, request, response, body);
				}
				return send(owner, target, request, response, body).doOnSuccess((done) -> this.owners.count("direct"))
					.onErrorResume((ex) -> OwnerRouting.unreachable(ex) && !response.isCommitted(), (ex) -> {
						// The owner went away: the change never reached it, so the
						// service's address can take it.
						this.owners.forget(owner);
						this.owners.count("unreachable");
						return send(this.service, target, request, response, body);
					});
			})
			.onErrorResume((ex) -> ProblemErrorHandler.answer(request, response, ex));
	}

	private @Nullable URI owner(ServerHttpRequest request, String path, byte[] body) {
		String topic = OwnerRouting.topicOf(path);
		if (topic == null || !this.owners.knows(topic)) {
			return null;
		}
		String key = OwnerRouting.keyOf(request.getMethod(), path, body);
		return (key != null) ? this.owners.ownerOf(topic, key) : null;
	}

	/**
	 * One attempt: the change sent to {@code base}, the answer passed back whole; the
	 * owner's hint is learned and kept from the client.
	 */
	private Mono<Void> send(URI base, String target, ServerHttpRequest request, ServerHttpResponse response,
			byte[] body) {
		HttpHeaders incoming = request.getHeaders();
		return this.client.headers((headers) -> incoming.forEach((name, values) -> {
			String lower = name.toLowerCase(Locale.ROOT);
			if (!NOT_PASSED_ON.contains(lower) && !ForwardingHeaders.NAMES.contains(lower)) {
				headers.add(name, values);
			}
		}))
			.request(HttpMethod.valueOf(request.getMethod().name()))
			.uri(base + target)
			.send((outbound, out) -> (body.length > 0) ? out.send(Mono.just(Unpooled.wrappedBuffer(body))) : out.then())
			// The whole answer is read before any of it is passed back: a replica killed
			// halfway through its answer is then a 503 to retry, not a response cut off
			// after its status (a change's answer is one item, a few kilobytes).
			.responseSingle((answer, content) -> content.asByteArray().defaultIfEmpty(NO_BYTES).flatMap((bytes) -> {
				response.setStatusCode(HttpStatusCode.valueOf(answer.status().code()));
				HttpHeaders headers = response.getHeaders();
				answer.responseHeaders().forEach((header) -> {
					String name = header.getKey();
					if (PartitionOwner.HEADER.equalsIgnoreCase(name)) {
						PartitionOwner.parse(header.getValue()).ifPresent(this.owners::learn);
					}
					else if (!NOT_PASSED_BACK.contains(name.toLowerCase(Locale.ROOT))) {
						headers.add(name, header.getValue());
					}
				});
				return (bytes.length > 0) ? response.writeWith(Mono.just(response.bufferFactory().wrap(bytes)))
						: response.setComplete();
			}))
			.timeout(this.timeout);
	}

	private static byte[] bytes(DataBuffer buffer) {
		try {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			return bytes;
		}
		finally {
			DataBufferUtils.release(buffer);
		}
	}

}
