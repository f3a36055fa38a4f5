package io.chancery.gateway.routing;

import java.util.Locale;
import java.util.Set;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Headers that say where a request came from ({@code Forwarded}, {@code X-Forwarded-*})
 * never reach a service: the gateway is the edge, and a client could write any of them to
 * pose as another address, host or scheme to a service that believes its proxies (as
 * Spring Boot's services do on Kubernetes). The gateway reads the client's address for
 * itself ({@code ClientAddresses}, behind trusted proxies only). Both paths drop them:
 * the full one through this filter, the public reads' one by name.
 */
@Component
class ForwardingHeaders implements HttpHeadersFilter {

	static final Set<String> NAMES = Set.of("forwarded", "x-forwarded-for", "x-forwarded-host", "x-forwarded-proto",
			"x-forwarded-port", "x-forwarded-prefix");

	@Override
	public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
		HttpHeaders kept = new HttpHeaders();
		input.forEach((name, values) -> {
			if (!NAMES.contains(name.toLowerCase(Locale.ROOT))) {
				kept.addAll(name, values);
			}
		});
		return kept;
	}

	@Override
	public boolean supports(Type type) {
		return type == Type.REQUEST;
	}

}
