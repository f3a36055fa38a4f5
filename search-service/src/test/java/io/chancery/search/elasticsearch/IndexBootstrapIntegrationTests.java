package io.chancery.search.elasticsearch;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Time;
import co.elastic.clients.elasticsearch.indices.IndexSettings;
import io.chancery.search.SearchIntegrationTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replicas that start at the same moment each find no index behind the alias and each
 * create it: exactly one creates it, and the others start too (the second used to fail
 * with "already exists" and stop the replica's start). On names of its own, so the live
 * index is left alone.
 */
@SearchIntegrationTest
class IndexBootstrapIntegrationTests {

	@Autowired
	private ElasticsearchClient client;

	@Test
	void replicasStartingTogetherShareOneIndex() throws Exception {
		for (int round = 0; round < 5; round++) {
			String name = "race-" + UUID.randomUUID().toString().substring(0, 8);
			CyclicBarrier together = new CyclicBarrier(3);
			List<CompletableFuture<Boolean>> replicas = new ArrayList<>();
			for (int replica = 0; replica < 3; replica++) {
				replicas.add(CompletableFuture.supplyAsync(() -> {
					try {
						together.await();
						return IndexBootstrap.createBehindAlias(this.client, name + "-v1", name);
					}
					catch (Exception ex) {
						throw new IllegalStateException(ex);
					}
				}));
			}
			List<Boolean> created = replicas.stream().map(CompletableFuture::join).toList();
			assertThat(created).containsOnlyOnce(true);
			assertThat(this.client.indices().getAlias((request) -> request.name(name)).aliases())
				.containsOnlyKeys(name + "-v1");
			this.client.indices().delete((request) -> request.index(name + "-v1"));
		}
	}

	@Test
	void theEditorialRecordRefreshesOnlyWhileItIsRead() throws Exception {
		// The live record, as the context's bootstrap left it: no interval of its own.
		assertThat(refreshInterval(RevisionsIndex.ALIAS)).isNull();

		// One created before the template said so keeps an explicit second until a start
		// resets it.
		String name = "record-" + UUID.randomUUID().toString().substring(0, 8);
		this.client.indices()
			.create((request) -> request.index(name + "-v1")
				.aliases(name, (aliased) -> aliased)
				.settings((settings) -> settings.refreshInterval((interval) -> interval.time("1s"))));
		assertThat(refreshInterval(name)).isEqualTo("1s");
		IndexBootstrap.refreshWhenRead(this.client, name);
		assertThat(refreshInterval(name)).isNull();

		this.client.indices().delete((request) -> request.index(name + "-v1"));
	}

	private @Nullable String refreshInterval(String alias) throws IOException {
		IndexSettings settings = this.client.indices()
			.getSettings((request) -> request.index(alias))
			.settings()
			.values()
			.iterator()
			.next()
			.settings();
		IndexSettings index = (settings != null && settings.index() != null) ? settings.index() : settings;
		Time interval = (index != null) ? index.refreshInterval() : null;
		return (interval != null) ? interval.time() : null;
	}

}
