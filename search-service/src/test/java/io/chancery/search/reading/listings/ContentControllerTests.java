package io.chancery.search.reading.listings;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.chancery.search.reading.Dimension;
import io.chancery.search.reading.Order;
import io.chancery.search.reading.ReadRouteTest;
import io.chancery.search.reading.RecordingSearch;
import io.chancery.search.reading.StoredContent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The listings' and item pages' HTTP contract without Elasticsearch: each listing asks
 * the index for its own type and the archive for every type, a month of the archive is
 * that month in the site's zone, and an item is shown only while readers may see it — a
 * draft or an item scheduled for later answers exactly as one that does not exist, one
 * withdrawn for good is 410. What the index holds and answers is SearchIntegrationTests'
 * subject.
 */
@ReadRouteTest(ContentController.class)
class ContentControllerTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private RecordingSearch index;

	@Autowired
	private Stored stored;

	@AfterEach
	void forget() {
		this.index.forget();
		this.stored.items.clear();
	}

	@Test
	void eachListingAsksForItsOwnTypeAndTheArchiveForEveryType() throws Exception {
		this.mvc.perform(get("/api/v1/articles").param("kind", "speech")).andExpect(status().isOk());
		this.mvc.perform(get("/api/v1/events")).andExpect(status().isOk());
		this.mvc.perform(get("/api/v1/archive").param("year", "2026").param("month", "2")).andExpect(status().isOk());

		assertThat(this.index.asked()).satisfiesExactly((articles) -> {
			assertThat(articles.filters()).containsEntry(Dimension.TYPE, List.of("article"))
				.containsEntry(Dimension.KIND, List.of("speech"));
			assertThat(articles.order()).isEqualTo(Order.NEWEST);
		}, (events) -> assertThat(events.filters()).containsEntry(Dimension.TYPE, List.of("event")), (archive) -> {
			assertThat(archive.filters()).doesNotContainKey(Dimension.TYPE);
			// February 2026 in the site's zone (UTC by default), its end excluded.
			assertThat(archive.from()).isEqualTo(Instant.parse("2026-02-01T00:00:00Z"));
			assertThat(archive.to()).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
		});
	}

	@Test
	void aParameterAListingDoesNotTakeIsRefusedBeforeTheIndexIsAsked() throws Exception {
		// Facets are search's; a listing's type is its own, never the caller's.
		this.mvc.perform(get("/api/v1/articles").param("facets", "kind"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.parameter").value("facets"));
		this.mvc.perform(get("/api/v1/articles").param("type", "event"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.parameter").value("type"));
		this.mvc.perform(get("/api/v1/archive").param("month", "13").param("year", "2026"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.parameter").value("month"));
		assertThat(this.index.asked()).isEmpty();
	}

	@Test
	void anItemIsShownOnlyWhileReadersMaySeeIt() throws Exception {
		this.stored.put(item("public", "published", null));
		this.stored.put(item("draft", "draft", null));
		this.stored.put(item("scheduled", "published", Instant.now().plusSeconds(3600)));
		this.stored.put(item("was-scheduled", "published", Instant.now().minusSeconds(60)));
		this.stored.put(item("gone", "gone", null));

		this.mvc.perform(get("/api/v1/articles/public").param("locale", "en"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.title").value("Title of public"));
		this.mvc.perform(get("/api/v1/articles/was-scheduled")).andExpect(status().isOk());
		String unknown = this.mvc.perform(get("/api/v1/articles/never"))
			.andExpect(status().isNotFound())
			.andReturn()
			.getResponse()
			.getContentAsString();
		for (String hidden : List.of("draft", "scheduled")) {
			String answer = this.mvc.perform(get("/api/v1/articles/" + hidden))
				.andExpect(status().isNotFound())
				.andReturn()
				.getResponse()
				.getContentAsString();
			// Nothing tells a hidden item from one that does not exist but its id.
			assertThat(answer.replace(hidden, "never")).isEqualTo(unknown);
		}
		this.mvc.perform(get("/api/v1/articles/gone"))
			.andExpect(status().isGone())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"));
		// An article is not an event.
		this.mvc.perform(get("/api/v1/events/public")).andExpect(status().isNotFound());
	}

	private static StoredContent item(String id, String status, Instant publishAt) {
		return new StoredContent("article", id, "en", 1, status, "speech", "Title of " + id, null, null, null, null,
				OffsetDateTime.parse("2026-02-01T10:00:00Z"), null, Instant.parse("2026-02-01T10:00:00Z"), "UTC",
				publishAt, null, List.of(), List.of(), null, null, null, null, null, null, null);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Index {

		@Bean
		Stored stored() {
			return new Stored();
		}

	}

	/** The items the test put, by type, id and locale; none has a translation. */
	static class Stored extends Items {

		final Map<String, StoredContent> items = new ConcurrentHashMap<>();

		Stored() {
			// No client: every read below answers by itself.
			super(null, null);
		}

		void put(StoredContent content) {
			this.items.put(content.type() + ":" + content.id() + ":" + content.locale(), content);
		}

		@Override
		Optional<StoredContent> item(String type, String id, String locale) {
			return Optional.ofNullable(this.items.get(type + ":" + id + ":" + locale));
		}

		@Override
		List<String> translations(String type, String id, String locale) {
			return List.of();
		}

	}

}
