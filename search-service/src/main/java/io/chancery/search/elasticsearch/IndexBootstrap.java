package io.chancery.search.elasticsearch;

import java.io.IOException;
import java.io.InputStream;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Puts the index template and makes sure the {@code content} alias points at an index,
 * creating {@code content-v1} on a first start. Runs as a lifecycle phase before the
 * Kafka bindings start, so nothing is indexed before the index exists.
 */
@Component
class IndexBootstrap implements SmartLifecycle {

	private static final String ALIAS = ContentIndex.ALIAS;

	private volatile boolean running;

	private static final Logger logger = LoggerFactory.getLogger(IndexBootstrap.class);

	private final ElasticsearchClient client;

	IndexBootstrap(ElasticsearchClient client) {
		this.client = client;
	}

	@Override
	public void start() {
		try {
			bootstrap();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not prepare the content index in Elasticsearch", ex);
		}
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return 0;
	}

	private void bootstrap() throws IOException {
		try (InputStream template = new ClassPathResource(ContentIndices.TEMPLATE).getInputStream()) {
			this.client.indices().putIndexTemplate((request) -> request.name("content").withJson(template));
		}
		if (!this.client.indices().existsAlias((request) -> request.name(ALIAS)).value()) {
			this.client.indices().create((request) -> request.index("content-v1").aliases(ALIAS, (alias) -> alias));
			logger.info("Created index content-v1 behind alias {}", ALIAS);
		}
	}

}
