package io.chancery.gateway.routing;

import java.net.ConnectException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.List;

import io.chancery.contracts.ContentKey;
import io.chancery.contracts.PartitionOwner;
import io.netty.channel.ConnectTimeoutException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.RouteToRequestUrlFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * Sends a change of an article or an event straight to the ingest-service replica that
 * writes its partition, when this gateway knows it: otherwise the replica behind the
 * service's address would read it, find it owned elsewhere and pass it on, a second full
 * request on the busiest path. The owners are learned from the owners' own answers (the
 * {@link PartitionOwner} header, removed before the answer leaves); a replica that no
 * longer owns the partition still passes the change on, and one that cannot be reached is
 * forgotten and the change goes to the service's address instead (nothing was sent to it,
 * so nothing is written twice).
 * <p>
 * The item's key is in the path of a replacement or withdrawal; a create carries it in
 * its body, which is read here (its length is bounded and declared) and sent on as read.
 */
@Component
class OwnerRouting implements GlobalFilter, Ordered {

	private static final String PREFIX = "/api/v1/";

	private static final JsonFactory JSON = new JsonFactory();

	private final WriteOwners owners;

	OwnerRouting(WriteOwners owners) {
		this.owners = owners;
	}

	/** Once the route's URL is set, before the request is sent. */
	@Override
	public int getOrder() {
		return RouteToRequestUrlFilter.ROUTE_TO_URL_FILTER_ORDER + 1;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
		if (route == null || !route.getId().startsWith("ingest-")) {
			return chain.filter(exchange);
		}
		exchange.getResponse().beforeCommit(() -> {
			learnFrom(exchange);
			return Mono.empty();
		});
		String topic = topicOf(exchange);
		if (!Routes.INGEST_WRITES.equals(route.getId()) || topic == null || !this.owners.knows(topic)) {
			return chain.filter(exchange);
		}
		return ServerWebExchangeUtils.cacheRequestBody(exchange, (request) -> {
			ServerWebExchange cached = exchange.mutate().request(request).build();
			DataBuffer body = cached.getAttribute(ServerWebExchangeUtils.CACHED_REQUEST_BODY_ATTR);
			String key = keyOf(exchange.getRequest().getMethod(), exchange.getRequest().getPath().value(), body);
			URI owner = (key != null) ? this.owners.ownerOf(topic, key) : null;
			return (owner != null) ? direct(cached, chain, owner) : chain.filter(cached);
		});
	}

	private Mono<Void> direct(ServerWebExchange exchange, GatewayFilterChain chain, URI owner) {
		URI service = exchange.getRequiredAttribute(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR);
		URI direct = UriComponentsBuilder.fromUri(service)
			.scheme(owner.getScheme())
			.host(owner.getHost())
			.port(owner.getPort())
			.build(true)
			.toUri();
		exchange.getAttributes().put(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR, direct);
		return chain.filter(exchange)
			.doOnSuccess((done) -> this.owners.count("direct"))
			.onErrorResume((ex) -> unreachable(ex) && !exchange.getResponse().isCommitted(), (ex) -> {
				// The owner went away (a replica stopped or was killed): the change never
				// reached it, so the service's address can take it.
				this.owners.forget(owner);
				this.owners.count("unreachable");
				ServerWebExchangeUtils.reset(exchange);
				exchange.getAttributes().put(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR, service);
				return chain.filter(exchange);
			});
	}

	private void learnFrom(ServerWebExchange exchange) {
		List<String> hints = exchange.getResponse().getHeaders().remove(PartitionOwner.HEADER);
		if (hints != null) {
			for (String hint : hints) {
				PartitionOwner.parse(hint).ifPresent(this.owners::learn);
			}
		}
	}

	private static @Nullable String topicOf(ServerWebExchange exchange) {
		return topicOf(exchange.getRequest().getPath().value());
	}

	/** articles or events, from a change's path. */
	static @Nullable String topicOf(String path) {
		if (!path.startsWith(PREFIX)) {
			return null;
		}
		int end = path.indexOf('/', PREFIX.length());
		String topic = path.substring(PREFIX.length(), (end < 0) ? path.length() : end);
		return ("articles".equals(topic) || "events".equals(topic)) ? topic : null;
	}

	/**
	 * The record key of the item a change is for: {@code id:locale} from the path of a
	 * replacement or withdrawal, or from the body of a create; null when the request does
	 * not name one (ingest-service will say what is wrong with it).
	 */
	static @Nullable String keyOf(@Nullable HttpMethod method, String path, @Nullable DataBuffer body) {
		byte[] bytes = null;
		if (body != null) {
			bytes = new byte[body.readableByteCount()];
			body.toByteBuffer(body.readPosition(), ByteBuffer.wrap(bytes), 0, bytes.length);
		}
		return keyOf(method, path, bytes);
	}

	/** The same, from a body read whole. */
	static @Nullable String keyOf(@Nullable HttpMethod method, String path, byte @Nullable [] body) {
		String[] segments = path.substring(1).split("/", -1);
		// api, v1, topic, id, locale
		if (segments.length == 5 && (HttpMethod.PUT.equals(method) || HttpMethod.DELETE.equals(method))) {
			String id = UriUtils.decode(segments[3], java.nio.charset.StandardCharsets.UTF_8);
			String locale = UriUtils.decode(segments[4], java.nio.charset.StandardCharsets.UTF_8);
			return (id.isEmpty() || locale.isEmpty()) ? null : ContentKey.of(id, locale);
		}
		if (segments.length == 3 && HttpMethod.POST.equals(method) && body != null) {
			return keyOf(body);
		}
		return null;
	}

	/**
	 * The key from a create's body: its top-level {@code id} and {@code locale}, without
	 * reading the rest into objects.
	 */
	static @Nullable String keyOf(byte[] body) {
		String id = null;
		String locale = null;
		try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), body)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				return null;
			}
			while ((id == null || locale == null) && parser.nextToken() == JsonToken.PROPERTY_NAME) {
				String name = parser.currentName();
				JsonToken value = parser.nextToken();
				if (value == JsonToken.VALUE_STRING && "id".equals(name)) {
					id = parser.getString();
				}
				else if (value == JsonToken.VALUE_STRING && "locale".equals(name)) {
					locale = parser.getString();
				}
				else {
					parser.skipChildren();
				}
			}
		}
		catch (JacksonException ex) {
			return null;
		}
		return (id == null || locale == null) ? null : ContentKey.of(id, locale);
	}

	static boolean unreachable(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof ConnectException || cause instanceof ConnectTimeoutException) {
				return true;
			}
		}
		return false;
	}

}
