package io.chancery.gateway.routing;

import java.net.URI;
import java.util.List;
import java.util.Set;

import io.chancery.gateway.web.ShortPaths;
import org.jspecify.annotations.Nullable;

import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Which requests {@link PublicReads} may answer, and from which service: anonymous
 * {@code GET} of the public read routes ({@link Routes}), with plain paths and no body.
 * Everything else is the full path's.
 */
final class PublicReadRoutes {

	/** Under the read routes, but streams: the full path counts them per client. */
	private static final Set<String> FULL_PATH_ONLY = Set.of("/api/v1/counters/stream", "/api/v1/search/export");

	private final List<Service> services;

	PublicReadRoutes(UpstreamProperties upstreams) {
		this.services = List.of(Service.of("search-reads", upstreams.search(), Routes.SEARCH_READS),
				Service.of("counter-reads", upstreams.counter(), Routes.COUNTER_READS));
	}

	List<Service> services() {
		return this.services;
	}

	/**
	 * The service that answers {@code request}, or null for the full path.
	 */
	@Nullable Service serviceFor(ServerHttpRequest request) {
		if (!ShortPaths.anonymousPlainRead(request) || FULL_PATH_ONLY.contains(request.getURI().getRawPath())) {
			return null;
		}
		PathContainer container = request.getPath().pathWithinApplication();
		for (Service service : this.services) {
			if (service.serves(container)) {
				return service;
			}
		}
		return null;
	}

	/**
	 * A service and the public read paths it answers.
	 *
	 * @param route the id of the full path's route for the same reads ({@link Routes}),
	 * which the timer of an answer names
	 * @param uri the service's base URI
	 * @param paths the read paths
	 */
	record Service(String route, URI uri, List<PathPattern> paths) {

		static Service of(String route, URI uri, String[] paths) {
			String base = uri.toString();
			URI trimmed = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
			return new Service(route, trimmed,
					List.of(paths).stream().map(PathPatternParser.defaultInstance::parse).toList());
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
