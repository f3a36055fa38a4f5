package io.chancery.counter.counters;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import io.chancery.contracts.ContentStatus;
import io.chancery.contracts.CounterDefinition;
import io.chancery.contracts.Event;
import io.chancery.counter.web.ContentProperties;
import io.chancery.web.StrictQueryAutoConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItems;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The counters' HTTP contract, without Kafka: the registry is fed directly, as its
 * follower feeds it, and the web layer (the shared strict query, the problem answers) is
 * the service's own.
 */
@WebMvcTest(CounterController.class)
@Import({ CounterRegistry.class, CounterControllerTests.Fixed.class })
@ImportAutoConfiguration(StrictQueryAutoConfiguration.class)
@EnableConfigurationProperties(ContentProperties.class)
class CounterControllerTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private CounterRegistry registry;

	@BeforeEach
	void anIncident() {
		this.registry.apply(new Event("incident", "en", 1, ContentStatus.PUBLISHED, LocalDate.of(2020, 2, 29),
				"Europe/London", "The incident", null, null,
				new CounterDefinition("days have passed since the incident", "Europe/London",
						CounterDefinition.Direction.SINCE, null, null, List.of(), false),
				null, null, Instant.parse("2020-03-01T00:00:00Z")));
	}

	@Test
	void countersAreEvaluatedAtTheInstantAsked() throws Exception {
		this.mvc.perform(get("/api/v1/counters").param("locale", "en").param("at", "2021-03-01T00:00:00.050Z"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.locale").value("en"))
			.andExpect(jsonPath("$.counters[0].id").value("incident"))
			.andExpect(jsonPath("$.counters[0].value").value(366))
			.andExpect(jsonPath("$.counters[0].text").value("366 days have passed since the incident"));
		this.mvc.perform(get("/api/v1/counters/incident").param("at", "2020-03-01T12:00:00Z"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.value").value(1));
	}

	@Test
	void anUnknownParameterIsRefusedWithWhatTheRouteAccepts() throws Exception {
		this.mvc.perform(get("/api/v1/counters").param("sort", "value"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.parameter").value("sort"))
			.andExpect(jsonPath("$.accepted", containsInAnyOrder("locale", "at")));
	}

	@Test
	void aLocaleOrAnInstantTheServiceCannotUseIsRefused() throws Exception {
		this.mvc.perform(get("/api/v1/counters").param("locale", "fr"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.parameter").value("locale"))
			.andExpect(jsonPath("$.accepted", hasItems("en", "ru")));
		this.mvc.perform(get("/api/v1/counters").param("at", "yesterday"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.parameter").value("at"));
	}

	@Test
	void anUnknownCounterIsAProblem404() throws Exception {
		this.mvc.perform(get("/api/v1/counters/nothing"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"));
	}

	static class Fixed {

		/** Beside the application's own clock, and chosen over it. */
		@Bean
		@Primary
		Clock fixedClock() {
			return Clock.fixed(Instant.parse("2026-12-05T12:00:00Z"), ZoneOffset.UTC);
		}

	}

}
