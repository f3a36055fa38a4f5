package io.chancery.search.reading.search;

import java.util.List;

import io.chancery.search.reading.Dimension;
import io.chancery.search.reading.Order;
import io.chancery.search.reading.ReadRouteTest;
import io.chancery.search.reading.RecordingSearch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The search route's HTTP contract without Elasticsearch: what it accepts becomes the
 * query the index is asked, and anything it cannot use is refused as a problem before the
 * index is asked anything. What the index answers is SearchIntegrationTests' subject.
 */
@ReadRouteTest(SearchController.class)
class SearchControllerTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private RecordingSearch index;

	@AfterEach
	void forget() {
		this.index.forget();
	}

	@Test
	void whatTheRouteAcceptsIsTheQueryTheIndexIsAsked() throws Exception {
		this.mvc.perform(get("/api/v1/search").param("q", "treaty").param("kind", "speech,interview"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(0));

		assertThat(this.index.asked()).singleElement().satisfies((query) -> {
			assertThat(query.text()).isEqualTo("treaty");
			assertThat(query.filters()).containsEntry(Dimension.KIND, List.of("speech", "interview"));
			assertThat(query.order()).isEqualTo(Order.RELEVANCE);
		});
	}

	@Test
	void whatItCannotUseIsRefusedBeforeTheIndexIsAsked() throws Exception {
		this.mvc.perform(get("/api/v1/search").param("sort", "date"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.parameter").value("sort"))
			.andExpect(jsonPath("$.accepted", hasItem("q")));
		this.mvc.perform(get("/api/v1/search").param("order", "sideways"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.accepted", containsInAnyOrder("relevance", "newest", "oldest")));
		this.mvc.perform(get("/api/v1/search").param("page", "101").param("size", "100"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.parameter").value("page"));
		this.mvc.perform(get("/api/v1/search").param("cursor", "abc").param("q", "treaty"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.parameter").value("cursor"));
		this.mvc.perform(get("/api/v1/search").param("q", "a").param("q", "b"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.parameter").value("q"));
		this.mvc.perform(post("/api/v1/search").param("q", "treaty")).andExpect(status().isMethodNotAllowed());

		assertThat(this.index.asked()).isEmpty();
	}

}
