package io.chancery.search.reading.feeds;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.chancery.search.reading.ReadRouteTest;
import io.chancery.search.reading.StoredContent;
import org.jspecify.annotations.Nullable;
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
 * The feeds' HTTP contract without Elasticsearch: each feed asks for its own type (and
 * kind) in the chosen locale a page at a time, links on the public site's address rather
 * than the one the request reached, and refuses a kind, page or locale it cannot serve
 * before the index is asked. What the index holds is SearchIntegrationTests' subject, the
 * XML itself AtomFeedTests'.
 */
@ReadRouteTest(value = FeedController.class,
		properties = { "chancery.reading.site-url=https://www.example.org", "chancery.reading.feed-size=2" })
class FeedControllerTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private RecordingEntries entries;

	@AfterEach
	void forget() {
		this.entries.asked.clear();
	}

	@Test
	void eachFeedAsksForItsOwnTypeAndKindInTheChosenLocaleAPageAtATime() throws Exception {
		this.mvc.perform(get("/feeds/events.atom")).andExpect(status().isOk());
		this.mvc.perform(get("/feeds/articles.atom").param("locale", "ru").param("page", "3"))
			.andExpect(status().isOk());
		this.mvc.perform(get("/feeds/articles/interview.atom")).andExpect(status().isOk());

		assertThat(this.entries.asked).containsExactly(new Asked("event", null, "en", 1, 2),
				new Asked("article", null, "ru", 3, 2), new Asked("article", "interview", "en", 1, 2));
	}

	@Test
	void aFeedLinksOnThePublicSiteAndToTheNextPageWhileThereIsOne() throws Exception {
		String feed = this.mvc.perform(get("http://search-service.internal:8082/feeds/articles.atom"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("application/atom+xml"))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(feed).contains("<id>https://www.example.org/feeds/articles.atom?locale=en</id>")
			.contains("href=\"https://www.example.org/feeds/articles.atom?locale=en&amp;page=2\"")
			.contains("<title>A speech</title>")
			.contains("href=\"https://www.example.org/articles/a-speech?locale=en\"")
			.doesNotContain("search-service.internal");
		assertThat(this.mvc.perform(get("/feeds/articles.atom").param("page", "3"))
			.andReturn()
			.getResponse()
			.getContentAsString()).doesNotContain("rel=\"next\"");
	}

	@Test
	void aKindPageOrLocaleTheFeedCannotServeIsRefusedBeforeTheIndexIsAsked() throws Exception {
		this.mvc.perform(get("/feeds/articles/Not_A_Kind.atom"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.parameter").value("kind"));
		for (String page : List.of("0", "501", "two")) {
			this.mvc.perform(get("/feeds/events.atom").param("page", page))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.parameter").value("page"));
		}
		this.mvc.perform(get("/feeds/events.atom").param("locale", "xx"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.parameter").value("locale"))
			.andExpect(jsonPath("$.accepted[0]").value("en"));
		// A feed takes a locale and a page, nothing a search takes.
		this.mvc.perform(get("/feeds/events.atom").param("q", "treaty"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.parameter").value("q"));
		this.mvc.perform(get("/feeds/events.atom").param("page", "1").param("page", "2"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.parameter").value("page"));
		assertThat(this.entries.asked).isEmpty();
	}

	record Asked(String type, @Nullable String kind, String locale, int page, int size) {
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Index {

		@Bean
		RecordingEntries entries() {
			return new RecordingEntries();
		}

	}

	/**
	 * Answers every page with one article of five in all, remembering what it was asked.
	 */
	static class RecordingEntries extends FeedEntries {

		final List<Asked> asked = new CopyOnWriteArrayList<>();

		RecordingEntries() {
			// No index: every page answers by itself.
			super(null);
		}

		@Override
		Page page(String type, @Nullable String kind, String locale, int page, int size) {
			this.asked.add(new Asked(type, kind, locale, page, size));
			StoredContent speech = new StoredContent("article", "a-speech", locale, 1, "published", "speech",
					"A speech", null, null, "<p>Text</p>", null, null, null, Instant.parse("2026-02-01T10:00:00Z"),
					"UTC", null, null, List.of(), List.of(), null, null, null, null, null,
					Instant.parse("2026-02-01T10:00:00Z"), null);
			return new Page(List.of(speech), 5);
		}

	}

}
