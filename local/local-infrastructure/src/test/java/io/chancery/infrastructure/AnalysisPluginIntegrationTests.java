package io.chancery.infrastructure;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.chancery.contracts.MessageJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analysis plugin as the shared Elasticsearch runs it: installed, loaded, and
 * analysing with the settings the search index uses, one analyzer for Russian and English
 * text and one exact analyzer.
 */
class AnalysisPluginIntegrationTests {

	/** The analysis settings the search index is meant to carry. */
	private static final String SETTINGS = """
			{"settings": {"number_of_shards": 1, "number_of_replicas": 0,
			  "analysis": {
			    "filter": {
			      "chancery_stop": {"type": "stop", "stopwords": ["_english_", "_russian_"]}
			    },
			    "analyzer": {
			      "chancery_text": {"type": "custom", "tokenizer": "standard",
			        "filter": ["lowercase", "chancery_yo_fold", "chancery_stop", "chancery_russian_stem",
			                   "chancery_english_stem"]},
			      "chancery_exact": {"type": "custom", "tokenizer": "standard",
			        "filter": ["lowercase", "chancery_yo_fold"]}
			    }
			  }},
			 "mappings": {"dynamic": "strict", "properties": {
			   "title": {"type": "text", "analyzer": "chancery_text",
			     "fields": {"exact": {"type": "text", "analyzer": "chancery_exact"}}}}}}""";

	private static final HttpClient http = HttpClient.newHttpClient();

	private static final String index = "it-analysis-" + Long.toString(System.nanoTime(), 36);

	private static String base = "";

	@BeforeAll
	static void createIndex() throws Exception {
		base = Infrastructure.shared().elasticsearchUrl();
		HttpResponse<String> created = send("PUT", "/" + index, SETTINGS);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
	}

	@AfterAll
	static void deleteIndex() throws Exception {
		send("DELETE", "/" + index, null);
	}

	@Test
	void pluginIsInstalled() throws Exception {
		HttpResponse<String> plugins = send("GET", "/_cat/plugins?h=component", null);
		assertThat(plugins.statusCode()).isEqualTo(200);
		assertThat(plugins.body().lines().map(String::strip)).contains(AnalysisPlugin.NAME);
	}

	@Test
	void russianInflectionsAreOneTerm() throws Exception {
		assertThat(text("кандидат кандидаты кандидатов")).hasSize(3).containsOnly(text("кандидат").get(0));
		assertThat(text("выборы выборов")).hasSize(2).containsOnly(text("выборы").get(0));
	}

	@Test
	void englishInflectionsAreOneTerm() throws Exception {
		assertThat(text("speech speeches")).hasSize(2).containsOnly(text("speech").get(0));
		assertThat(text("candidate candidates")).hasSize(2).containsOnly(text("candidate").get(0));
		assertThat(text("negotiation negotiations")).hasSize(2).containsOnly(text("negotiation").get(0));
	}

	@Test
	void yoAndYeAreOneTermInBothAnalyzers() throws Exception {
		assertThat(text("Ёлка елка")).hasSize(2).containsOnly(text("елка").get(0));
		assertThat(analyze("chancery_exact", "Ёлка елка")).containsExactly("елка", "елка");
	}

	@Test
	void stopWordsOfBothLanguagesAreRemoved() throws Exception {
		assertThat(text("the ambassador и посол")).hasSize(2).doesNotContain("the", "и");
	}

	@Test
	void eachStemmerLeavesTheOtherScriptAlone() throws Exception {
		assertThat(chain(List.of("lowercase", "chancery_russian_stem"), "Speeches candidates"))
			.containsExactly("speeches", "candidates");
		assertThat(chain(List.of("lowercase", "chancery_english_stem"), "Кандидаты выборов"))
			.containsExactly("кандидаты", "выборов");
	}

	@Test
	void filtersWorkByNameWithoutAnIndex() throws Exception {
		// An inline chain, as _analyze takes it, with the stop filter defined in place.
		String request = MessageJson.mapper()
			.writeValueAsString(Map.of("tokenizer", "standard", "filter",
					List.of("lowercase", "chancery_yo_fold",
							Map.of("type", "stop", "stopwords", List.of("_english_", "_russian_")),
							"chancery_russian_stem", "chancery_english_stem"),
					"text", "Учёные и кандидаты the speeches"));
		assertThat(tokens(send("POST", "/_analyze", request))).containsExactly("учен", "кандидат", "speech");
	}

	@Test
	void documentsAreFoundAcrossInflectionsAndSpellings() throws Exception {
		String bulk = """
				{"index": {"_id": "ru"}}
				{"title": "Ёлка для кандидатов на выборах"}
				{"index": {"_id": "en"}}
				{"title": "Speeches of the candidates"}
				""";
		HttpResponse<String> indexed = http
			.send(HttpRequest.newBuilder(URI.create(base + "/" + index + "/_bulk?refresh=wait_for"))
				.header("Content-Type", "application/x-ndjson")
				.POST(HttpRequest.BodyPublishers.ofString(bulk))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(indexed.body()).contains("\"errors\":false");

		assertThat(search("елка кандидат выборы")).containsExactly("ru");
		assertThat(search("speech candidate")).containsExactly("en");
	}

	private static List<String> text(String text) throws IOException, InterruptedException {
		return analyze("chancery_text", text);
	}

	private static List<String> analyze(String analyzer, String text) throws IOException, InterruptedException {
		String request = MessageJson.mapper().writeValueAsString(Map.of("analyzer", analyzer, "text", text));
		return tokens(send("POST", "/" + index + "/_analyze", request));
	}

	private static List<String> chain(List<String> filters, String text) throws IOException, InterruptedException {
		String request = MessageJson.mapper()
			.writeValueAsString(Map.of("tokenizer", "standard", "filter", filters, "text", text));
		return tokens(send("POST", "/_analyze", request));
	}

	private static List<String> tokens(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return values(MessageJson.mapper().readTree(response.body()).path("tokens"), "token");
	}

	private static List<String> search(String query) throws IOException, InterruptedException {
		String request = MessageJson.mapper()
			.writeValueAsString(
					Map.of("query", Map.of("match", Map.of("title", Map.of("query", query, "operator", "and")))));
		HttpResponse<String> response = send("POST", "/" + index + "/_search", request);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return values(MessageJson.mapper().readTree(response.body()).path("hits").path("hits"), "_id");
	}

	private static List<String> values(JsonNode array, String field) {
		List<String> values = new ArrayList<>();
		for (JsonNode element : array) {
			values.add(element.path(field).asString());
		}
		return values;
	}

	private static HttpResponse<String> send(String method, String path, String body)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
		if (body != null) {
			request.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(body));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
