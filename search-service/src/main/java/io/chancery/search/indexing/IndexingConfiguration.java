package io.chancery.search.indexing;

import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** The Spring Cloud Stream functions; the work is in {@link ContentIndexer}. */
@Configuration(proxyBeanMethods = false)
class IndexingConfiguration {

	@Bean
	Consumer<Message<List<byte[]>>> indexContent(ContentIndexer indexer) {
		return (batch) -> indexer.index(IncomingRecord.from(batch));
	}

	@Bean
	Consumer<Message<List<byte[]>>> indexRevisions(ContentIndexer indexer) {
		return (batch) -> indexer.indexRevisions(IncomingRecord.from(batch));
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
