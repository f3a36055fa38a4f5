package io.chancery.ingest.site;

import io.chancery.contracts.EventType;
import io.chancery.contracts.SiteDetails;
import io.chancery.contracts.Topic;
import io.chancery.ingest.WriteRouteTest;
import io.chancery.ingest.publishing.ContentPublisher;
import io.chancery.ingest.publishing.Payload;
import io.chancery.ingest.publishing.Previous;
import io.chancery.ingest.publishing.Publication;
import io.chancery.ingest.publishing.Published;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItems;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The site details route's HTTP contract without Kafka: a locale's details become the
 * message the publisher stamps, keyed by the locale and conditional on If-Match, and
 * details that break a rule are refused before the publisher is asked anything.
 */
@WriteRouteTest
class SiteControllerTests {

	private static final String DETAILS = """
			{"name":"Embassy <b>of</b> the Republic","featuredArticleId":"remarks",
			 "contacts":[{"title":"Consular section","phones":["+44 20 7000 0000"],"emails":["consul@example.org"]}],
			 "clocks":[{"name":"London","timeZone":"Europe/London"}]}
			""";

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ContentPublisher publisher;

	@Test
	void aLocalesDetailsBecomeTheMessageKeyedByTheLocale() throws Exception {
		given(this.publisher.publish(any(), any()))
			.willReturn(new Published("en", EventType.SITE_DETAILS_UPDATED, 5, false));

		this.mvc
			.perform(put("/api/v1/site/en").contentType(MediaType.APPLICATION_JSON)
				.header("If-Match", "\"4\"")
				.content(DETAILS))
			.andExpect(status().isOk())
			.andExpect(header().string("ETag", "\"5\""))
			.andExpect(jsonPath("$.eventType").value("site-details-updated"));

		ArgumentCaptor<Publication> publication = ArgumentCaptor.forClass(Publication.class);
		ArgumentCaptor<Payload> payload = ArgumentCaptor.forClass(Payload.class);
		verify(this.publisher).requireWritable(Topic.SITE_DETAILS, "en");
		verify(this.publisher).publish(publication.capture(), payload.capture());
		assertThat(publication.getValue().key()).isEqualTo("en");
		assertThat(publication.getValue().expectedRevision()).isEqualTo(4L);
		SiteDetails details = (SiteDetails) payload.getValue().at(5, new Previous(4, null, false));
		assertThat(details.revision()).isEqualTo(5);
		assertThat(details.name()).isEqualTo("Embassy of the Republic");
		assertThat(details.featuredArticleId()).isEqualTo("remarks");
		assertThat(details.clocks()).extracting(SiteDetails.ClockCity::timeZone).containsExactly("Europe/London");
	}

	@Test
	void detailsThatBreakARuleAreA422NamingEachFieldAndNothingIsPublished() throws Exception {
		String broken = DETAILS.replace("Europe/London", "Mars/Olympus")
			.replace("consul@example.org", "not an address")
			.replace("\"remarks\"", "\"Not An Id\"");
		this.mvc.perform(put("/api/v1/site/de").contentType(MediaType.APPLICATION_JSON).content(broken))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[*].field")
				.value(hasItems("locale", "clocks[0].timeZone", "contacts[0].emails[0]", "featuredArticleId")));
		verify(this.publisher, never()).publish(any(), any());
	}

}
