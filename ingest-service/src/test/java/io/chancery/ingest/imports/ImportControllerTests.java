package io.chancery.ingest.imports;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.chancery.contracts.EventType;
import io.chancery.ingest.WriteRouteTest;
import io.chancery.ingest.publishing.ContentPublisher;
import io.chancery.ingest.publishing.ContentPublisher.BatchItem;
import io.chancery.ingest.publishing.ContentPublisher.BatchOutcome;
import io.chancery.ingest.publishing.Published;
import io.chancery.ingest.publishing.WriteRefused;
import io.chancery.ingest.web.Forwarding;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The import's HTTP contract without Kafka: each line is read with its kind's own rules
 * and only the lines that keep them reach the publisher, each refused line is reported by
 * its number, lines another replica writes are passed to it under the same import, and an
 * import that stored nothing or that Kafka stopped is answered as such. What the lines
 * become on the broker is ImportIntegrationTests' subject.
 */
@WriteRouteTest
class ImportControllerTests {

	private static final String ARTICLE = """
			{"type":"article","id":"remarks","locale":"en","kind":"speech","title":"Remarks","lead":"On trade.",\
			"body":"<p>Text</p>","publishedAt":"2026-11-30T10:00:00Z","timeZone":"Europe/London"}""";

	private static final String EVENT = """
			{"type":"event","id":"visit","locale":"en","title":"A visit","date":"2026-11-30",\
			"timeZone":"Europe/London"}""";

	private static final String SITE = """
			{"type":"site","locale":"en","name":"The Embassy","clocks":[]}""";

	private static final URI OTHER = URI.create("http://ingest-service-1.internal:8081");

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ContentPublisher publisher;

	@Autowired
	private Forwarding forwarding;

	@Test
	void linesThatKeepTheirKindsRulesArePublishedAndEachRefusedLineIsReportedByItsNumber() throws Exception {
		List<BatchItem> published = new ArrayList<>();
		given(this.publisher.publishAll(anyList())).willAnswer((call) -> {
			List<BatchItem> items = call.getArgument(0);
			// The import reuses its batch list once the publisher has answered.
			published.addAll(items);
			return items.stream()
				.map((item) -> new BatchOutcome(new Published(item.key(), item.type(), 1, false), null, null))
				.toList();
		});

		this.mvc
			.perform(ndjson(post("/api/v1/import").header("Import-Id", "catalog-1"), ARTICLE, "", "not json",
					EVENT.replace("Europe/London", "Mars/Olympus"), "{\"type\":\"poem\"}", EVENT, SITE))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.importId").value("catalog-1"))
			.andExpect(jsonPath("$.state").value("completed"))
			.andExpect(jsonPath("$.lines").value(7))
			.andExpect(jsonPath("$.accepted").value(3))
			.andExpect(jsonPath("$.rejected").value(3))
			.andExpect(jsonPath("$.rejections[*].line").value(org.hamcrest.Matchers.contains(3, 4, 5)))
			.andExpect(jsonPath("$.rejections[1].reason").value(org.hamcrest.Matchers.containsString("timeZone")));

		assertThat(published).extracting(BatchItem::key, BatchItem::type)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("remarks:en", EventType.ARTICLE_PUBLISHED),
					org.assertj.core.groups.Tuple.tuple("visit:en", EventType.EVENT_PUBLISHED),
					org.assertj.core.groups.Tuple.tuple("en", EventType.SITE_DETAILS_UPDATED));
		// The report stays readable by its id while the replica keeps it.
		this.mvc.perform(get("/api/v1/imports/catalog-1"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.accepted").value(3));
	}

	@Test
	void anImportThatStoredNothingIsAProblemCarryingItsReport() throws Exception {
		this.mvc.perform(ndjson(post("/api/v1/import"), "", " "))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.title").value("Empty import"));
		this.mvc.perform(ndjson(post("/api/v1/import"), "not json", "{\"type\":\"poem\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.title").value("Nothing imported"))
			.andExpect(jsonPath("$.rejected").value(2))
			.andExpect(jsonPath("$.rejections[*].line").value(org.hamcrest.Matchers.contains(1, 2)));
		verifyNoInteractions(this.publisher);
	}

	@Test
	void aRequestTheImportCannotTakeIsRefusedBeforeAnyLineIsRead() throws Exception {
		this.mvc.perform(ndjson(post("/api/v1/import").header("If-Match", "\"1\""), ARTICLE))
			.andExpect(status().isPreconditionFailed());
		this.mvc.perform(ndjson(post("/api/v1/import").header("Import-Id", "no spaces please"), ARTICLE))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"));
		this.mvc.perform(post("/api/v1/import").contentType(MediaType.APPLICATION_JSON).content(ARTICLE))
			.andExpect(status().isUnsupportedMediaType());
		verifyNoInteractions(this.publisher);
	}

	@Test
	void whenKafkaStopsAcknowledgingTheImportStopsAndSaysWhichLinesToSendAgain() throws Exception {
		given(this.publisher.publishAll(anyList())).willAnswer((call) -> List.of(
				new BatchOutcome(new Published("remarks:en", EventType.ARTICLE_PUBLISHED, 1, false), null, null),
				new BatchOutcome(null, new WriteRefused("Kafka did not answer", Duration.ofSeconds(5), null), null)));

		this.mvc.perform(ndjson(post("/api/v1/import"), ARTICLE, EVENT))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string("Retry-After", "5"))
			.andExpect(jsonPath("$.state").value("interrupted"))
			.andExpect(jsonPath("$.accepted").value(1))
			.andExpect(jsonPath("$.rejections[0].line").value(2))
			.andExpect(jsonPath("$.rejections[0].reason").value(org.hamcrest.Matchers.containsString("again")));
	}

	@Test
	void linesAnotherReplicaWritesArePassedToItAsPartOfTheSameImport() throws Exception {
		given(this.publisher.publishAll(anyList())).willAnswer((call) -> List.of(
				new BatchOutcome(new Published("remarks:en", EventType.ARTICLE_PUBLISHED, 1, false), null, null),
				new BatchOutcome(null, null, OTHER)));
		given(this.forwarding.forward(any(), eq(OTHER), any(), any(), any())).willAnswer((call) -> ResponseEntity.ok()
			.body("""
					{"importId":"catalog-2","state":"completed","lines":1,"accepted":0,"rejected":1,
					 "rejections":[{"line":1,"reason":"the owner refused it"}],"rejectionsTruncated":false}"""
				.getBytes()));

		this.mvc.perform(ndjson(post("/api/v1/import").header("Import-Id", "catalog-2"), ARTICLE, EVENT))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.accepted").value(1))
			.andExpect(jsonPath("$.rejections[0].line").value(2))
			.andExpect(jsonPath("$.rejections[0].reason").value("the owner refused it"));

		ArgumentCaptor<byte[]> relayed = ArgumentCaptor.captor();
		verify(this.forwarding).forward(any(), eq(OTHER), relayed.capture(), any(),
				eq(Map.of(Forwarding.IMPORT_OF, "catalog-2")));
		assertThat(new String(relayed.getValue())).isEqualTo(EVENT);
	}

	@Test
	void anImportNoReplicaKnowsIsNotFound() throws Exception {
		given(this.publisher.otherReplicas()).willReturn(Set.of());
		this.mvc.perform(get("/api/v1/imports/never"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"));
	}

	private static MockHttpServletRequestBuilder ndjson(MockHttpServletRequestBuilder request, String... lines) {
		return request.contentType("application/x-ndjson").content(String.join("\n", lines));
	}

}
