package io.chancery.search.elasticsearch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.json.JsonData;
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
		if (createBehindAlias(this.client, "content-v1", ALIAS)) {
			logger.info("Created index content-v1 behind alias {}", ALIAS);
		}
		try (InputStream template = new ClassPathResource(RevisionsIndex.TEMPLATE).getInputStream()) {
			this.client.indices().putIndexTemplate((request) -> request.name("revisions").withJson(template));
		}
		if (createBehindAlias(this.client, RevisionsIndex.FIRST, RevisionsIndex.ALIAS)) {
			logger.info("Created index {} behind alias {}", RevisionsIndex.FIRST, RevisionsIndex.ALIAS);
		}
		else {
			refreshWhenRead(this.client, RevisionsIndex.ALIAS);
		}
	}

	/**
	 * Gives an index Elasticsearch's default refresh: every second while it is searched,
	 * none after 30 s without a search, and the first search after that waits for a
	 * refresh, so it still sees every write made before it. The editorial record is
	 * written with every change and read only when an editor opens a history; refreshing
	 * it every second regardless cost Elasticsearch refreshes and merges of a second
	 * index under a stream of writes. Indices created before their template said so were
	 * given an explicit {@code 1s}, which this removes.
	 */
	static void refreshWhenRead(ElasticsearchClient client, String index) throws IOException {
		client.indices()
			.putSettings((request) -> request.index(index)
				.settings((settings) -> settings.otherSettings("index.refresh_interval", JsonData.fromJson("null"))));
	}

	/**
	 * Creates {@code index} with {@code alias} pointing at it, unless the alias exists.
	 * Replicas that start together race here: the one whose request comes second is told
	 * the index exists, which another replica has just created with the alias in the same
	 * request, so that is success too (found by the clustered drill: a second
	 * search-service replica stopped starting on it).
	 * @return whether this call created the index
	 */
	static boolean createBehindAlias(ElasticsearchClient client, String index, String alias) throws IOException {
		if (client.indices().existsAlias((request) -> request.name(alias)).value()) {
			return false;
		}
		try {
			client.indices().create((request) -> request.index(index).aliases(alias, (aliased) -> aliased));
			return true;
		}
		catch (ElasticsearchException ex) {
			if ("resource_already_exists_exception".equals(ex.error().type())) {
				return false;
			}
			throw ex;
		}
	}

}
