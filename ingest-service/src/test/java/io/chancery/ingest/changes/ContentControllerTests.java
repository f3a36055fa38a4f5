package io.chancery.ingest.changes;

import io.chancery.contracts.Article;
import io.chancery.contracts.ChangeAction;
import io.chancery.contracts.Event;
import io.chancery.contracts.EventType;
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
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The article and event routes' HTTP contract without Kafka: what an editor sends becomes
 * the message handed to the publisher, and what breaks a rule is answered as a problem
 * before the publisher is asked anything, so bad input never reaches the topic. What the
 * publisher does with a message on the real broker is PublishingIntegrationTests'
 * subject; the security chain's, the gateway's and the service's own engine tests.
 */
@WriteRouteTest
class ContentControllerTests {

	private static final String ARTICLE = """
			{"id":"remarks","locale":"en","kind":"speech","title":"Remarks <b>at</b> the forum",
			 "lead":"On cultural exchange.","body":"<p>Text<script>alert(1)</script></p>",
			 "publishedAt":"2026-11-30T10:00:00Z","timeZone":"Europe/London",
			 "change":{"note":"First version","major":false}}
			""";

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ContentPublisher publisher;

	@Test
	void anArticleBecomesTheMessageThePublisherStampsAndTheAnswerCarriesItsRevision() throws Exception {
		given(this.publisher.publish(any(), any()))
			.willReturn(new Published("remarks:en", EventType.ARTICLE_PUBLISHED, 1, false));

		this.mvc.perform(post("/api/v1/articles").contentType(MediaType.APPLICATION_JSON).content(ARTICLE))
			.andExpect(status().isCreated())
			.andExpect(header().string("ETag", "\"1\""))
			.andExpect(header().string("Location", "/api/v1/articles/remarks/en"))
			.andExpect(jsonPath("$.revision").value(1))
			.andExpect(jsonPath("$.eventType").value("article-published"));

		ArgumentCaptor<Publication> publication = ArgumentCaptor.forClass(Publication.class);
		ArgumentCaptor<Payload> payload = ArgumentCaptor.forClass(Payload.class);
		verify(this.publisher).requireWritable(Topic.ARTICLES, "remarks:en");
		verify(this.publisher).publish(publication.capture(), payload.capture());
		assertThat(publication.getValue().key()).isEqualTo("remarks:en");
		assertThat(publication.getValue().type()).isEqualTo(EventType.ARTICLE_PUBLISHED);
		assertThat(publication.getValue().mustNotExist()).isTrue();
		Article article = (Article) payload.getValue().at(1, new Previous(0, null, false));
		assertThat(article.revision()).isEqualTo(1);
		assertThat(article.title()).isEqualTo("Remarks at the forum");
		assertThat(article.body()).doesNotContain("script");
		assertThat(article.change().author()).isEqualTo("api-key:test-editor");
		assertThat(article.change().action()).isEqualTo(ChangeAction.PUBLISHED);
		assertThat(article.change().note()).isEqualTo("First version");
	}

	@Test
	void contentThatBreaksARuleIsA422NamingEachFieldAndNothingIsPublished() throws Exception {
		String broken = ARTICLE.replace("\"speech\"", "\"podcast\"")
			.replace("Europe/London", "Mars/Olympus")
			.replace("\"locale\":\"en\"", "\"locale\":\"xx\"");
		this.mvc.perform(post("/api/v1/articles").contentType(MediaType.APPLICATION_JSON).content(broken))
			.andExpect(status().isUnprocessableContent())
			.andExpect(header().string("Content-Type", "application/problem+json"))
			.andExpect(jsonPath("$.errors[*].field").value(hasItems("kind", "timeZone", "locale")));
		verify(this.publisher, never()).publish(any(), any());
	}

	@Test
	void aBodyThatIsNotJsonOrHasAWrongTypeIsA400NamingTheField() throws Exception {
		this.mvc.perform(post("/api/v1/articles").contentType(MediaType.APPLICATION_JSON).content("{\"id\":"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.title").value("Unreadable request body"));
		this.mvc
			.perform(post("/api/v1/articles").contentType(MediaType.APPLICATION_JSON)
				.content(ARTICLE.replace("\"title\":\"Remarks <b>at</b> the forum\"", "\"title\":[1]")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("title"));
		verifyNoInteractions(this.publisher);
	}

	@Test
	void aCreateWithIfMatchIsRefusedAsItsConditionCannotHold() throws Exception {
		this.mvc
			.perform(post("/api/v1/events").contentType(MediaType.APPLICATION_JSON)
				.header("If-Match", "\"3\"")
				.content("{}"))
			.andExpect(status().isPreconditionFailed())
			.andExpect(jsonPath("$.detail")
				.value(containsString("to change an existing event, PUT /api/v1/events/{id}/{locale} with If-Match")));
		verifyNoInteractions(this.publisher);
	}

	@Test
	void anEventTakesTheEventsRequestAndItsPathMustNameTheSameItem() throws Exception {
		String event = """
				{"id":"wreath","locale":"en","date":"2026-02-31","timeZone":"Europe/London","title":"Wreath"}
				""";
		this.mvc.perform(put("/api/v1/events/wreath/en").contentType(MediaType.APPLICATION_JSON).content(event))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("date"));
		this.mvc
			.perform(put("/api/v1/events/other/en").contentType(MediaType.APPLICATION_JSON)
				.content(event.replace("2026-02-31", "2026-02-28")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("id"));
		verify(this.publisher, never()).publish(any(), any());
	}

	@Test
	void aValidEventIsStampedAsAnEvent() throws Exception {
		given(this.publisher.publish(any(), any()))
			.willReturn(new Published("wreath:en", EventType.EVENT_PUBLISHED, 4, false));
		this.mvc
			.perform(put("/api/v1/events/wreath/en").contentType(MediaType.APPLICATION_JSON)
				.header("If-Match", "\"3\"")
				.content("""
						{"date":"2026-02-28","timeZone":"Europe/London","title":"Wreath laying"}
						"""))
			.andExpect(status().isOk())
			.andExpect(header().string("ETag", "\"4\""));
		ArgumentCaptor<Publication> publication = ArgumentCaptor.forClass(Publication.class);
		ArgumentCaptor<Payload> payload = ArgumentCaptor.forClass(Payload.class);
		verify(this.publisher).publish(publication.capture(), payload.capture());
		assertThat(publication.getValue().expectedRevision()).isEqualTo(3L);
		Event stamped = (Event) payload.getValue().at(4, new Previous(3, null, false));
		assertThat(stamped.title()).isEqualTo("Wreath laying");
		assertThat(stamped.change().action()).isEqualTo(ChangeAction.CHANGED);
	}

}
