package io.chancery.system;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.chancery.client.search.SearchApi;
import io.chancery.client.search.SearchApi.APISearchRequest;
import io.chancery.client.search.invoker.ApiClient;
import io.chancery.client.search.invoker.ApiException;
import io.chancery.client.search.model.ContentSummary;
import io.chancery.client.search.model.FacetValue;
import io.chancery.client.search.model.SearchPage;
import io.chancery.contracts.MessageJson;
import io.chancery.localrun.LocalPlatform;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A client generated from search-service's API document (openapi-generator's Java client,
 * made by the build from {@code src/test/openapi/search-service.json}) compiles and
 * searches through the gateway with filters, facets and a cursor. The file is the
 * document the gateway serves at {@code /api-docs/search}: the first test holds them
 * equal, so the client is always generated from what the platform describes.
 */
class GeneratedClientTests {

	private static final Path DOCUMENT = Path.of("src/test/openapi/search-service.json");

	@Test
	void theClientIsGeneratedFromTheDocumentTheGatewayServes() throws Exception {
		LocalPlatform platform = Stack.get();
		Gateway gateway = new Gateway(platform.gatewayUrl(), platform.editorKey(), platform.adminKey());
		ObjectNode live = (ObjectNode) gateway.get("/api-docs/search");
		// Where the service says it is depends on the request; the client is given the
		// gateway's address.
		live.remove("servers");
		if (Boolean.getBoolean("chancery.openapi.update")) {
			Files.writeString(DOCUMENT,
					MessageJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(live) + "\n",
					StandardCharsets.UTF_8);
		}
		JsonNode kept = MessageJson.mapper().readTree(Files.readString(DOCUMENT));
		assertThat(live)
			.as("search-service's API document changed: run the system tests once with "
					+ "-Dchancery.openapi.update=true to write it to system-tests/" + DOCUMENT
					+ ", then review and commit it; the client is generated from that file")
			.isEqualTo(kept);
	}

	@Test
	void searchesWithFiltersFacetsAndACursor() throws Exception {
		LocalPlatform platform = Stack.get();
		Gateway gateway = new Gateway(platform.gatewayUrl(), platform.editorKey(), platform.adminKey());
		String tag = "client" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		publish(gateway, tag, "s1", "en", "speech");
		publish(gateway, tag, "s2", "en", "speech");
		publish(gateway, tag, "s3", "ru", "speech");
		publish(gateway, tag, "i1", "en", "interview");

		ApiClient client = new ApiClient();
		client.updateBaseUri(platform.gatewayUrl());
		SearchApi search = new SearchApi(client);
		SystemTests.awaitWithin(Duration.ofSeconds(10), "the client's articles searchable",
				() -> total(search, tag) == 4);

		// Filters and facets: each facet is counted without its own filter.
		SearchPage english = search.search(APISearchRequest.newBuilder()
			.tag(List.of(tag))
			.type(List.of("article"))
			.rejectLocale(List.of("ru"))
			.facets(List.of("kind", "locale"))
			.build());
		assertThat(english.getTotal()).isEqualTo(3);
		assertThat(english.getResults()).extracting(ContentSummary::getLocale).containsOnly("en");
		Map<String, List<FacetValue>> facets = english.getFacets();
		assertThat(facets.get("kind")).extracting(FacetValue::getValue, FacetValue::getCount)
			.containsExactlyInAnyOrder(tuple("speech", 2L), tuple("interview", 1L));
		assertThat(facets.get("locale")).extracting(FacetValue::getValue, FacetValue::getCount)
			.containsExactlyInAnyOrder(tuple("en", 3L), tuple("ru", 1L));

		// A cursor walks every speech once, a page at a time.
		SearchPage page = search.search(APISearchRequest.newBuilder()
			.tag(List.of(tag))
			.kind(List.of("speech"))
			.order("oldest")
			.paging("cursor")
			.size(1)
			.build());
		List<String> seen = new ArrayList<>();
		while (true) {
			page.getResults().forEach((result) -> seen.add(result.getId()));
			if (page.getNextCursor() == null) {
				break;
			}
			page = search.search(APISearchRequest.newBuilder().cursor(page.getNextCursor()).build());
		}
		assertThat(seen).containsExactlyInAnyOrder(tag + "-s1", tag + "-s2", tag + "-s3");
	}

	private static long total(SearchApi search, String tag) {
		try {
			return search.search(APISearchRequest.newBuilder().tag(List.of(tag)).build()).getTotal();
		}
		catch (ApiException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void publish(Gateway gateway, String tag, String suffix, String locale, String kind) {
		String article = MessageJson.mapper()
			.writeValueAsString(Map.of("id", tag + "-" + suffix, "locale", locale, "kind", kind, "title",
					"Statement " + suffix, "lead", "A lead", "body", "<p>The ambassador spoke.</p>", "publishedAt",
					"2024-05-01T10:00:00+03:00", "timeZone", "Europe/London", "tags", List.of(tag)));
		HttpResponse<String> created = gateway.send("POST", "/api/v1/articles", article);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
	}

}
