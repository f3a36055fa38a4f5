package io.chancery.gateway.routing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import io.chancery.gateway.limits.RateLimits;
import io.chancery.gateway.security.SecurityHeaders;
import io.chancery.gateway.web.ProblemErrorHandler;
import io.chancery.gateway.web.ShortPaths;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpMethod;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.cloud.gateway.config.HttpClientProperties;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.HttpHandlerDecoratorFactory;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;

/**
 * The public reads' own path. Most requests are anonymous reads — the site's pages asking
 * for listings, items, counters and clocks — and they need none of what the rest of the
 * gateway does for a request: no credential to check, no role, no CORS, no choice among
 * routes with a dozen filters each. Measured, that chain was most of the gateway's CPU
 * per proxied read. Such a read goes straight to its service on the gateway's pooled HTTP
 * client and streams back with what the full path would add: the security headers, the
 * cache policy, the client's rate limit, the service's own ETag or 304, a problem when
 * the service is down or slow, and the {@code http.server.requests} timer.
 * <p>
 * Whatever is not plainly such a read takes the full path, which answers it as it always
 * has: a credential ({@code Authorization}, {@code X-Api-Key}), an {@code Origin} (CORS),
 * a body, a path with anything but plain segments (the firewall's business), the event
 * stream, exports, and a client with no reads left (the full path writes the 429).
 */
@Component
class PublicReads implements HttpHandlerDecoratorFactory, DisposableBean {

	/**
	 * Request headers that belong to one connection, or that this path leaves to the full
	 * one; those that say where a request came from are {@link ForwardingHeaders}'.
	 */
	private static final Set<String> NOT_PASSED_ON = Set.of("host", "connection", "keep-alive", "proxy-connection",
			"proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "expect", "content-length");

	/** Answer headers that belong to one connection. */
	private static final Set<String> NOT_PASSED_BACK = Set.of("connection", "keep-alive", "proxy-connection",
			"transfer-encoding", "trailer", "upgrade");

	private final PublicReadRoutes routes;

	/** The gateway's pooled client, by the route of the service it reaches. */
	private final Map<String, HttpClient> clients = new HashMap<>();

	/**
	 * For a read's second attempt, by route: a connection of its own, never one from the
	 * pool, which may hold others to the replica that did not answer.
	 */
	private final Map<String, HttpClient> fresh = new HashMap<>();

	private final LoopResources retryLoop = LoopResources.create("public-read-retry", 1, true);

	private final Duration timeout;

	private final RateLimits limits;

	private final SecurityHeaders securityHeaders;

	private final PublicCaching caching;

	private final ShortPaths timing;

	PublicReads(UpstreamProperties properties, HttpClient client, HttpClientProperties clientProperties,
			RateLimits limits, SecurityHeaders securityHeaders, PublicCaching caching, ShortPaths timing) {
		this.routes = new PublicReadRoutes(properties);
		// On an event loop of its own, closed with this bean, rather than on Reactor
		// Netty's global loops, whose life is the resource factory's.
		HttpClient fresh = HttpClient.create(ConnectionProvider.newConnection()).runOn(this.retryLoop);
		if (clientProperties.getConnectTimeout() != null) {
			fresh = fresh.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, clientProperties.getConnectTimeout());
		}
		for (PublicReadRoutes.Service service : this.routes.services()) {
			this.clients.put(service.route(), toService(client, service.uri()));
			this.fresh.put(service.route(), toService(fresh, service.uri()));
		}
		this.timeout = properties.readTimeout();
		this.limits = limits;
		this.securityHeaders = securityHeaders;
		this.caching = caching;
		this.timing = timing;
	}

	@Override
	public HttpHandler apply(HttpHandler fullPath) {
		return (request, response) -> {
			PublicReadRoutes.Service service = this.routes.serviceFor(request);
			if (service == null || !this.limits.takeAnonymous(request, response)) {
				return fullPath.handle(request, response);
			}
			return proxy(service, request, response);
		};
	}

	private Mono<Void> proxy(PublicReadRoutes.Service service, ServerHttpRequest request, ServerHttpResponse response) {
		long start = System.nanoTime();
		String path = request.getURI().getRawPath();
		String query = request.getURI().getRawQuery();
		String target = (query != null) ? path + "?" + query : path;
		Optional<String> policy = this.caching.policy(path);
		// On every answer, a problem too, and over what the service sent, as on the full
		// path.
		response.beforeCommit(() -> {
			this.securityHeaders.writeTo(response.getHeaders());
			return Mono.empty();
		});
		AtomicBoolean answered = new AtomicBoolean();
		Mono<Void> exchange = send(this.clients.get(service.route()), target, request, response, policy, answered)
			.timeout(this.timeout)
			.onErrorResume((ex) -> !answered.get() && unanswered(ex),
					(ex) -> send(this.fresh.get(service.route()), target, request, response, policy, answered)
						.timeout(this.timeout))
			.onErrorResume((ex) -> ProblemErrorHandler.answer(request, response, ex));
		return exchange.doFinally((signal) -> this.timing.time(request, response, service.route(), start));
	}

	/**
	 * {@code client}, sending to the service at {@code uri}. Each read then names only
	 * its path and query, which Reactor Netty takes as it is, where a whole URI would be
	 * parsed with a regular expression on every read (a few percent of a proxied read's
	 * CPU, measured).
	 */
	private static HttpClient toService(HttpClient client, URI uri) {
		boolean secure = "https".equalsIgnoreCase(uri.getScheme());
		int port = (uri.getPort() != -1) ? uri.getPort() : secure ? 443 : 80;
		InetSocketAddress address = InetSocketAddress.createUnresolved(uri.getHost(), port);
		HttpClient toService = client.remoteAddress(() -> address);
		// Secured as configured when it is; a relative read is sent in the client's
		// scheme.
		return (secure && toService.configuration().sslProvider() == null) ? toService.secure() : toService;
	}

	@Override
	public void destroy() {
		this.retryLoop.dispose();
	}

	/**
	 * One attempt: the request sent on a connection of {@code client}, the answer
	 * streamed back; {@code answered} is set once the service's status arrived, after
	 * which the read cannot be sent again.
	 */
	private Mono<Void> send(HttpClient client, String target, ServerHttpRequest request, ServerHttpResponse response,
			Optional<String> policy, AtomicBoolean answered) {
		HttpHeaders incoming = request.getHeaders();
		return client.headers((headers) -> incoming.forEach((name, values) -> {
			String lower = name.toLowerCase(Locale.ROOT);
			if (!NOT_PASSED_ON.contains(lower) && !ForwardingHeaders.NAMES.contains(lower)) {
				headers.add(name, values);
			}
		}))
			.request(HttpMethod.valueOf(request.getMethod().name()))
			.uri(target)
			.responseConnection((answer, connection) -> {
				answered.set(true);
				int status = answer.status().code();
				response.setStatusCode(HttpStatusCode.valueOf(status));
				HttpHeaders headers = response.getHeaders();
				answer.responseHeaders().forEach((header) -> {
					if (!NOT_PASSED_BACK.contains(header.getKey().toLowerCase(Locale.ROOT))) {
						headers.add(header.getKey(), header.getValue());
					}
				});
				if (policy.isPresent() && (status == 200 || status == 304)) {
					headers.setCacheControl(policy.get());
					headers.remove(HttpHeaders.PRAGMA);
					headers.remove(HttpHeaders.EXPIRES);
				}
				NettyDataBufferFactory buffers = (NettyDataBufferFactory) response.bufferFactory();
				return response.writeWith(connection.inbound().receive().retain().map(buffers::wrap));
			})
			.then();
	}

	/**
	 * Whether the service gave no answer at all: none in time (a paused replica still
	 * accepts connections), or the connection failed or closed first. Sent once more on a
	 * new connection, such a read most likely reaches another replica, as a Kubernetes
	 * Service spreads connections; a read changes nothing, so sending it twice is safe.
	 */
	private static boolean unanswered(Throwable ex) {
		return ex instanceof TimeoutException || ex instanceof IOException;
	}

}
