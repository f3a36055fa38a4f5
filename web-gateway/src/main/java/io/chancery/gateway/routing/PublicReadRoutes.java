package io.chancery.gateway.routing;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Which requests {@link PublicReads} may answer, and from which service: anonymous
 * {@code GET} and {@code HEAD} of the public read routes ({@link Routes}), with plain
 * paths and no body. Everything else is the full path's.
 */
final class PublicReadRoutes {

	/** Plain segments only: no encoded characters, no dot segments, no empty segment. */
	private static final Pattern PLAIN_PATH = Pattern.compile("(/[A-Za-z0-9_~-][A-Za-z0-9._~-]*)+");

	/** Under the read routes, but streams: the full path counts them per client. */
	private static final Set<String> FULL_PATH_ONLY = Set.of("/api/v1/counters/stream", "/api/v1/search/export");

	/** Headers that mean a credential, CORS, a body or another protocol. */
	private static final List<String> FULL_PATH_HEADERS = List.of(HttpHeaders.AUTHORIZATION, "X-Api-Key",
			HttpHeaders.ORIGIN, HttpHeaders.CONTENT_LENGTH, HttpHeaders.TRANSFER_ENCODING, HttpHeaders.UPGRADE);

	private final List<Service> services;

	PublicReadRoutes(UpstreamProperties upstreams) {
		this.services = List.of(Service.of(upstreams.search(), Routes.SEARCH_READS),
				Service.of(upstreams.counter(), Routes.COUNTER_READS));
	}

	/**
	 * The base URI of the service that answers {@code request}, or null for the full
	 * path.
	 */
	@Nullable URI serviceFor(ServerHttpRequest request) {
		HttpMethod method = request.getMethod();
		if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
			return null;
		}
		HttpHeaders headers = request.getHeaders();
		for (String header : FULL_PATH_HEADERS) {
			if (headers.containsHeader(header)) {
				return null;
			}
		}
		String path = request.getURI().getRawPath();
		if (path == null || FULL_PATH_ONLY.contains(path) || !PLAIN_PATH.matcher(path).matches()) {
			return null;
		}
		PathContainer container = request.getPath().pathWithinApplication();
		for (Service service : this.services) {
			if (service.serves(container)) {
				return service.uri();
			}
		}
		return null;
	}

	/** A service and the public read paths it answers. */
	private record Service(URI uri, List<PathPattern> paths) {

		static Service of(URI uri, String[] paths) {
			String base = uri.toString();
			URI trimmed = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
			return new Service(trimmed, List.of(paths).stream().map(PathPatternParser.defaultInstance::parse).toList());
		}

		boolean serves(PathContainer path) {
			for (PathPattern pattern : this.paths) {
				if (pattern.matches(path)) {
					return true;
				}
			}
			return false;
		}

	}

}
