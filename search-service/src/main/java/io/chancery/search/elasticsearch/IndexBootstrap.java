package io.chancery.search.elasticsearch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Puts the index template and makes sure the {@code content} alias points at an index,
 * creating {@code content-v1} on a first start. Runs as a lifecycle phase before the
 * Kafka bindings start, so nothing is indexed before the index exists. The requests begin
 * as soon as the client exists, in the background, and the lifecycle phase waits for
 * them: creating the first index of a new node takes Elasticsearch seconds while the
 * platform starts (7.5 s in a cold start measured in docs/performance.md), which overlap
 * the rest of the context's refresh instead of adding to it.
 */
@Component
class IndexBootstrap implements InitializingBean, SmartLifecycle {

	private static final String ALIAS = ContentIndex.ALIAS;

	private volatile boolean running;

	private static final Logger logger = LoggerFactory.getLogger(IndexBootstrap.class);

	private final ElasticsearchClient client;

	private CompletableFuture<Void> prepared = CompletableFuture.completedFuture(null);

	IndexBootstrap(ElasticsearchClient client) {
		this.client = client;
	}

	@Override
	public void afterPropertiesSet() {
		this.prepared = CompletableFuture.runAsync(() -> {
			try {
				bootstrap();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}, (task) -> Thread.ofVirtual().name("index-bootstrap").start(task));
	}

	@Override
	public void start() {
		try {
			this.prepared.join();
		}
		catch (CompletionException ex) {
			throw new IllegalStateException("Could not prepare the content index in Elasticsearch", ex.getCause());
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
