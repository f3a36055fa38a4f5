package io.chancery.gateway.routing;

import io.micrometer.common.KeyValue;

import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.server.reactive.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;

/**
 * Tags {@code http.server.requests} of a proxied request with the route that carried it
 * ({@code uri="search-reads"}, {@code "ingest-writes"}, …): a proxied request matches no
 * handler pattern, so the default tag is {@code UNKNOWN} for all of them, and no
 * objective could be set per route. The gateway's own pages and data keep their
 * templates. {@link PublicReads} tags its answers with the same route names.
 */
@Component
class RouteObservations extends DefaultServerRequestObservationConvention {

	@Override
	protected KeyValue uri(ServerRequestObservationContext context) {
		if (context.getPathPattern() == null
				&& context.getAttributes().get(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR) instanceof Route route) {
			return KeyValue.of("uri", route.getId());
		}
		return super.uri(context);
	}

}
