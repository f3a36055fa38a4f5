package io.chancery.search;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import io.chancery.contracts.ArticleKind;
import io.chancery.contracts.Attribution;
import io.chancery.contracts.ChangeAction;
import io.chancery.contracts.ContentKey;
import io.chancery.contracts.EventType;
import io.chancery.contracts.MessageJson;
import io.chancery.infrastructure.Infrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Elasticsearch loses the editorial record's index; the next instance to start finds it
 * empty and reads {@code content-revisions} from its beginning, past the group's
 * committed offsets, so every revision is back: the topic is the record, the index
 * derived from it.
 */
class RevisionsRebuildIntegrationTests {

	private final String id = "rb-" + UUID.randomUUID().toString().substring(0, 8);

	private final String group = "rebuild-" + UUID.randomUUID().toString().substring(0, 8);

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void theRecordElasticsearchLostIsReadAgainFromTheTopicAtTheNextStart() throws Exception {
		String revisions = "/api/v1/editorial/articles/" + this.id + "/en/revisions";
		try (ConfigurableApplicationContext first = start(); Content content = new Content(port(first))) {
			for (long revision = 1; revision <= 2; revision++) {
				Attribution change = new Attribution("api-key:rebuild", "rebuild", Instant.now(),
						(revision == 1) ? ChangeAction.PUBLISHED : ChangeAction.CHANGED, null, false, null, null, null);
				content.keepRevision(EventType.ARTICLE_PUBLISHED, ContentKey.of(this.id, "en"),
						Content
							.article(this.id, "en", revision, ArticleKind.SPEECH, "Remarks " + revision, "A lead",
									"<p>Text</p>", "2026-12-01T12:00:00+03:00", List.of(), List.of())
							.stamped(revision, change, null));
			}
			content.flush();
			awaitRevisions(content, revisions, 2);
		}

		// What the first instance read is committed: without the replay, the next one
		// would
		// read on from there.
		try (Admin admin = Admin.create(
				Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.shared().kafkaBootstrapServers()))) {
			Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(this.group + "-revisions")
				.partitionsToOffsetAndMetadata()
				.get();
			assertThat(committed.values().stream().filter(Objects::nonNull).mapToLong(OffsetAndMetadata::offset).sum())
				.isPositive();
		}
		for (String index : revisionIndices()) {
			HttpResponse<String> deleted = this.http
				.send(HttpRequest.newBuilder(URI.create(Infrastructure.shared().elasticsearchUrl() + "/" + index))
					.DELETE()
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);
		}

		try (ConfigurableApplicationContext second = start(); Content content = new Content(port(second))) {
			JsonNode rebuilt = awaitRevisions(content, revisions, 2);
			assertThat(rebuilt.path("revisions").get(0).path("title").asString()).isEqualTo("Remarks 2");
		}
	}

	private JsonNode awaitRevisions(Content content, String revisions, int count) {
		return await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(() -> {
			HttpResponse<String> answer = content.send(revisions, "X-Api-Key", Content.ADMIN_KEY);
			return (answer.statusCode() == 200) ? MessageJson.mapper().readTree(answer.body()) : null;
		}, (answer) -> answer != null && answer.path("revisions").size() == count);
	}

	/** The indices behind the record's alias. */
	private List<String> revisionIndices() throws Exception {
		HttpResponse<String> aliases = this.http
			.send(HttpRequest.newBuilder(URI.create(Infrastructure.shared().elasticsearchUrl() + "/_alias/revisions"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(aliases.statusCode()).as(aliases.body()).isEqualTo(200);
		List<String> indices = new java.util.ArrayList<>();
		MessageJson.mapper().readTree(aliases.body()).propertyNames().forEach(indices::add);
		return indices;
	}

	private ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(SearchApplication.class).run(
				"--spring.kafka.bootstrap-servers=" + Infrastructure.shared().kafkaBootstrapServers(),
				"--spring.elasticsearch.uris=" + Infrastructure.shared().elasticsearchUrl(), "--server.port=0",
				"--management.server.port=0", "--spring.cloud.stream.bindings.indexContent-in-0.group=" + this.group,
				"--spring.cloud.stream.bindings.indexRevisions-in-0.group=" + this.group + "-revisions");
	}

	private static int port(ConfigurableApplicationContext context) {
		return Integer.parseInt(context.getEnvironment().getProperty("local.server.port", "0"));
	}

}
