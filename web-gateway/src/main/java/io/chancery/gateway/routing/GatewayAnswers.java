package io.chancery.gateway.routing;

import java.util.List;
import java.util.Set;

import io.chancery.gateway.limits.ContentWrites;
import io.chancery.web.ProblemDocumentation;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpMethod;

/**
 * Adds to a service's API document the answers the gateway gives itself on the routes it
 * passes on, so that a client generated from the document knows them: 429 when the client
 * is over its rate limit, 503 when the service cannot be reached, did not answer in time
 * (not on the routes without a timeout) or, for a content write, when this gateway passes
 * on as many as it takes, 411 for a content write without a length. An answer the service
 * documents under the same status keeps its description, with the gateway's reason after
 * it. A document that is not one is passed on as it came.
 */
final class GatewayAnswers {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final List<String> METHODS = List.of("get", "head", "post", "put", "patch", "delete");

	/** The routes the gateway waits on without a timeout (see {@link Routes}). */
	private static final Set<String> UNTIMED = Set.of("/api/v1/search/export", "/api/v1/import",
			"/api/v1/counters/stream", "/api/v1/stream", "/api/v1/admin/export");

	private GatewayAnswers() {
	}

	static byte[] addTo(byte[] document) {
		JsonNode root;
		try {
			root = json.readTree(document);
		}
		catch (JacksonException ex) {
			return document;
		}
		if (!(root instanceof ObjectNode top) || !(top.get("paths") instanceof ObjectNode paths)) {
			return document;
		}
		for (String path : paths.propertyNames()) {
			if ((!path.startsWith("/api/") && !path.startsWith("/feeds/"))
					|| !(paths.get(path) instanceof ObjectNode item)) {
				continue;
			}
			for (String method : METHODS) {
				if (item.get(method) instanceof ObjectNode operation) {
					describe(path, HttpMethod.valueOf(method.toUpperCase(java.util.Locale.ROOT)), operation);
				}
			}
		}
		ObjectNode schemas = object(object(top, "components"), "schemas");
		if (!schemas.has(ProblemDocumentation.SCHEMA)) {
			schemas.putObject(ProblemDocumentation.SCHEMA)
				.put("type", "object")
				.put("description", "An RFC 9457 problem");
		}
		return json.writeValueAsBytes(top);
	}

	private static void describe(String path, HttpMethod method, ObjectNode operation) {
		ObjectNode responses = object(operation, "responses");
		add(responses, "429", "This client is over its rate limit at the gateway (a RateLimit header says how many "
				+ "it has left); Retry-After says when to try again");
		boolean write = ContentWrites.isContentWrite(method, path);
		String unavailable = write
				? "The gateway cannot reach the service, or passes on as many writes as it takes (Retry-After); "
						+ "nothing was stored"
				: "The gateway cannot reach the service; try again later";
		if (!UNTIMED.contains(path) && !path.startsWith("/api/v1/admin/")) {
			boolean read = method == HttpMethod.GET || method == HttpMethod.HEAD;
			unavailable += read ? ". Or the service did not answer twice within the gateway's read timeout"
					: ". Or the service did not answer within the gateway's timeout: a change may or may not be "
							+ "stored; retry with the same Idempotency-Key";
		}
		add(responses, "503", unavailable);
		if (write && method != HttpMethod.DELETE) {
			add(responses, "411", "The body came without a Content-Length");
		}
	}

	private static void add(ObjectNode responses, String status, String description) {
		if (responses.get(status) instanceof ObjectNode documented) {
			JsonNode own = documented.get("description");
			String service = (own != null) ? own.asString() : "";
			documented.put("description", service.isEmpty() ? "At the gateway: " + description
					: service + ". At the gateway: " + description);
			return;
		}
		ObjectNode response = responses.putObject(status).put("description", description);
		response.putObject("content")
			.putObject("application/problem+json")
			.putObject("schema")
			.put("$ref", ProblemDocumentation.REF);
	}

	private static ObjectNode object(ObjectNode parent, String name) {
		if (parent.get(name) instanceof ObjectNode child) {
			return child;
		}
		return parent.putObject(name);
	}

}
