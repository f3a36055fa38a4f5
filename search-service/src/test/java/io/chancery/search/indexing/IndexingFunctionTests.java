package io.chancery.search.indexing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.chancery.contracts.EventType;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.stream.binder.Binding;
import org.springframework.cloud.stream.binder.test.EnableTestBinder;
import org.springframework.cloud.stream.binder.test.InputDestination;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;

/**
 * The indexing functions as the service binds them ({@code application.yml}: the function
 * definition, batch mode, native decoding, the content binding started by the index
 * upgrade), driven through Spring Cloud Stream's test binder with the headers the Kafka
 * binder sets on a batch. What the records become in Elasticsearch is shown on the real
 * engines ({@code IndexingIntegrationTests}); here the indexer only records what it was
 * given.
 */
@SpringBootTest(classes = IndexingFunctionTests.Functions.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
class IndexingFunctionTests {

	@MockitoBean
	ContentIndexer indexer;

	@Autowired
	InputDestination input;

	@Autowired
	BindingsLifecycleController bindings;

	@Test
	void aBatchOfContentReachesTheIndexerAsRecordsInTheirOrderOnceTheUpgradeStartsTheBinding() {
		Message<List<byte[]>> batch = batch("articles", List.of("article-1:en", "article-2:fr"),
				List.of(EventType.HEADER, EventType.HEADER), "article-published", "article-withdrawn");
		// One binding per destination of the content binding, stopped until the upgrade
		// starts them.
		assertThat(this.bindings.queryState("indexContent-in-0")).extracting(Binding::getName)
			.containsExactlyInAnyOrder("articles", "events");
		assertThat(this.bindings.queryState("indexContent-in-0")).noneMatch(Binding::isRunning);
		this.bindings.start("indexContent-in-0");
		try {
			this.input.send(batch, "articles");
			ArgumentCaptor<List<IncomingRecord>> records = captor();
			verify(this.indexer, timeout(5_000)).index(records.capture());
			assertThat(records.getValue()).satisfiesExactly((first) -> {
				assertThat(first.topic()).isEqualTo("articles");
				assertThat(first.partition()).isEqualTo(2);
				assertThat(first.offset()).isEqualTo(40L);
				assertThat(first.key()).isEqualTo("article-1:en");
				assertThat(first.eventType()).isEqualTo("article-published");
				assertThat(first.timestamp()).isEqualTo(1_700_000_000_000L);
				assertThat(new String(first.value(), StandardCharsets.UTF_8)).isEqualTo("{\"n\":0}");
			}, (second) -> {
				assertThat(second.offset()).isEqualTo(41L);
				assertThat(second.key()).isEqualTo("article-2:fr");
				assertThat(second.eventType()).isEqualTo("article-withdrawn");
				assertThat(second.value()).isEmpty();
			});
		}
		finally {
			this.bindings.stop("indexContent-in-0");
		}
	}

	@Test
	void eventsShareTheContentBindingAndARecordWithoutAnEventTypeKeepsItsPlace() {
		this.bindings.start("indexContent-in-0");
		try {
			this.input.send(batch("events", List.of("event-1:en", "event-2:en"), List.of(EventType.HEADER, "other"),
					"event-published", "ignored"), "events");
			ArgumentCaptor<List<IncomingRecord>> records = captor();
			verify(this.indexer, timeout(5_000)).index(records.capture());
			assertThat(records.getValue()).extracting(IncomingRecord::topic, IncomingRecord::eventType)
				.containsExactly(tuple("events", "event-published"), tuple("events", null));
		}
		finally {
			this.bindings.stop("indexContent-in-0");
		}
	}

	@Test
	void revisionsGoToTheEditorialRecordAndNeverToTheContentIndex() {
		this.input.send(
				batch("content-revisions", List.of("articles/article-1:en", "articles/article-1:en"),
						List.of(EventType.HEADER, EventType.HEADER), "article-published", "article-published"),
				"content-revisions");
		ArgumentCaptor<List<IncomingRecord>> records = captor();
		verify(this.indexer, timeout(5_000)).indexRevisions(records.capture());
		assertThat(records.getValue()).extracting(IncomingRecord::topic, IncomingRecord::key)
			.containsOnly(tuple("content-revisions", "articles/article-1:en"));
		verify(this.indexer, never()).index(any());
	}

	/**
	 * A batch as the Kafka binder delivers it in batch mode with native decoding: the
	 * payload is the records' values and every header a list in record order. The second
	 * value is a tombstone.
	 */
	private static Message<List<byte[]>> batch(String topic, List<String> keys, List<String> headerNames,
			String... eventTypes) {
		List<byte[]> values = new ArrayList<>();
		values.add("{\"n\":0}".getBytes(StandardCharsets.UTF_8));
		values.add(null);
		return MessageBuilder.withPayload(values)
			.setHeader(KafkaHeaders.RECEIVED_TOPIC, List.of(topic, topic))
			.setHeader(KafkaHeaders.RECEIVED_PARTITION, List.of(2, 2))
			.setHeader(KafkaHeaders.OFFSET, List.of(40L, 41L))
			.setHeader(KafkaHeaders.RECEIVED_KEY,
					keys.stream().map((key) -> key.getBytes(StandardCharsets.UTF_8)).toList())
			.setHeader(KafkaHeaders.RECEIVED_TIMESTAMP, List.of(1_700_000_000_000L, 1_700_000_000_001L))
			.setHeader(KafkaHeaders.BATCH_CONVERTED_HEADERS,
					List.of(Map.of(headerNames.get(0), eventTypes[0].getBytes(StandardCharsets.UTF_8)),
							Map.of(headerNames.get(1), eventTypes[1].getBytes(StandardCharsets.UTF_8))))
			.build();
	}

	@SuppressWarnings("unchecked")
	private static ArgumentCaptor<List<IncomingRecord>> captor() {
		return ArgumentCaptor.forClass((Class<List<IncomingRecord>>) (Class<?>) List.class);
	}

	/** The service's functions alone, on the test binder instead of Kafka's. */
	@SpringBootConfiguration
	@EnableAutoConfiguration
	@EnableTestBinder
	@Import(IndexingConfiguration.class)
	static class Functions {

	}

}
