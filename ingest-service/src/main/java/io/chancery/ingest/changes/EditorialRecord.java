package io.chancery.ingest.changes;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.chancery.ingest.publishing.TraceHeaders;
import io.chancery.ingest.publishing.WriteRefused;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

/**
 * Earlier revisions of an item, read from the editorial record search-service keeps (its
 * index of {@code content-revisions}), for a restore. The caller's credential goes with
 * the request: search-service checks it again, as every service checks its own routes.
 */
@Component
public class EditorialRecord {

	private static final List<String> CARRIED = List.of(HttpHeaders.AUTHORIZATION, "X-Api-Key");

	private final HttpClient client;

	private final Properties properties;

	private final JsonMapper json;

	private final TraceHeaders traceHeaders;

	EditorialRecord(Properties properties, JsonMapper json, TraceHeaders traceHeaders) {
		this.properties = properties;
		this.json = json;
		this.traceHeaders = traceHeaders;
		this.client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(properties.timeout())
			.build();
	}

	/**
	 * One revision as it was published.
	 * @param collection {@code articles} or {@code events}
	 * @param request the caller's request, whose credential is carried
	 * @return the revision's event type and message; empty if the item never had it
	 * @throws WriteRefused if the record cannot be read now (nothing is stored; retry)
	 */
	public Optional<Revision> revision(String collection, String id, String locale, long revision,
			HttpServletRequest request) {
		URI uri = this.properties.searchUri()
			.resolve("/api/v1/editorial/" + collection + "/" + segment(id) + "/" + segment(locale) + "/revisions/"
					+ revision);
		HttpRequest.Builder outgoing = HttpRequest.newBuilder(uri).timeout(this.properties.timeout()).GET();
		for (String name : CARRIED) {
			String value = request.getHeader(name);
			if (value != null) {
				outgoing.header(name, value);
			}
		}
		this.traceHeaders.inject(outgoing::setHeader);
		HttpResponse<byte[]> answer;
		try {
			answer = this.client.send(outgoing.build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw unavailable(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw unavailable(ex);
		}
		if (answer.statusCode() == 404) {
			return Optional.empty();
		}
		if (answer.statusCode() != 200) {
			throw unavailable(new IOException("search-service answered " + answer.statusCode()));
		}
		JsonNode found = this.json.readTree(answer.body());
		return Optional.of(new Revision(found.path("eventType").asString(""), found.path("message")));
	}

	private WriteRefused unavailable(Exception cause) {
		return new WriteRefused("The editorial record (search-service) did not answer, so the revision to restore "
				+ "could not be read. Nothing was stored; retry.", Duration.ofSeconds(2), cause);
	}

	private static String segment(String value) {
		return UriUtils.encodePathSegment(value, java.nio.charset.StandardCharsets.UTF_8);
	}

	/**
	 * A revision as the record keeps it.
	 *
	 * @param eventType what it published
	 * @param message the message
	 */
	public record Revision(String eventType, JsonNode message) {
	}

	/**
	 * Where the editorial record is read.
	 *
	 * @param searchUri search-service's address
	 * @param timeout the longest wait for its answer, within the time a write may take
	 */
	@ConfigurationProperties("chancery.editorial")
	record Properties(@DefaultValue("http://127.0.0.1:8082") URI searchUri, @DefaultValue("1s") Duration timeout) {
	}

}
