package io.chancery.search.elasticsearch;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.OpType;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.GetResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Which instance may rebuild the content index, and which indices a replay built. Kept in
 * Elasticsearch itself, in the small index {@code content-state}, because that is what
 * every instance already shares and what the alias switch happens in: a lease that
 * expires unless its holder renews it (so a holder killed mid-replay frees it), taken and
 * renewed with Elasticsearch's optimistic concurrency ({@code op_type=create}, then
 * {@code if_seq_no}/{@code if_primary_term}), so two instances never both hold it.
 */
@Component
public class ReindexLease {

	static final String INDEX = "content-state";

	private static final String LEASE = "reindex-lease";

	private final ElasticsearchClient client;

	private final Clock clock;

	ReindexLease(ElasticsearchClient client, Clock clock) {
		this.client = client;
		this.clock = clock;
	}

	/** Takes the lease if nobody holds it or its holder let it expire. */
	public boolean tryAcquire(String owner, Duration ttl) throws IOException {
		Current current = current();
		Map<String, Object> lease = lease(owner, ttl);
		try {
			if (current == null) {
				this.client.index((request) -> request.index(INDEX)
					.id(LEASE)
					.opType(OpType.Create)
					.document(lease)
					.refresh(Refresh.True));
				return true;
			}
			if (!current.owner().equals(owner) && current.expiresAt() > this.clock.millis()) {
				return false;
			}
			replace(current, lease);
			return true;
		}
		catch (ElasticsearchException ex) {
			if (ex.status() == 409) {
				return false;
			}
			throw ex;
		}
	}

	/** Extends the lease; false when {@code owner} no longer holds it. */
	public boolean renew(String owner, Duration ttl) throws IOException {
		Current current = current();
		if (current == null || !current.owner().equals(owner)) {
			return false;
		}
		try {
			replace(current, lease(owner, ttl));
			return true;
		}
		catch (ElasticsearchException ex) {
			if (ex.status() == 409) {
				return false;
			}
			throw ex;
		}
	}

	public void release(String owner) throws IOException {
		Current current = current();
		if (current == null || !current.owner().equals(owner)) {
			return;
		}
		try {
			this.client.delete((request) -> request.index(INDEX)
				.id(LEASE)
				.ifSeqNo(current.seqNo())
				.ifPrimaryTerm(current.primaryTerm())
				.refresh(Refresh.True));
		}
		catch (ElasticsearchException ex) {
			if (ex.status() != 409 && ex.status() != 404) {
				throw ex;
			}
		}
	}

	/** The instance holding an unexpired lease, if any. */
	public Optional<String> holder() throws IOException {
		Current current = current();
		return (current != null && current.expiresAt() > this.clock.millis()) ? Optional.of(current.owner())
				: Optional.empty();
	}

	/** Records that a replay of the topics built {@code index}. */
	public void markReplayed(String index) throws IOException {
		prepare();
		this.client.index((request) -> request.index(INDEX)
			.id("replayed-" + index)
			.document(Map.of("index", index, "at", this.clock.instant().toString()))
			.refresh(Refresh.True));
	}

	/** Whether a replay of the topics built {@code index}. */
	public boolean replayed(String index) throws IOException {
		try {
			return this.client.exists((request) -> request.index(INDEX).id("replayed-" + index)).value();
		}
		catch (ElasticsearchException ex) {
			if (ex.status() == 404) {
				return false;
			}
			throw ex;
		}
	}

	private void replace(Current current, Map<String, Object> lease) throws IOException {
		this.client.index((request) -> request.index(INDEX)
			.id(LEASE)
			.ifSeqNo(current.seqNo())
			.ifPrimaryTerm(current.primaryTerm())
			.document(lease)
			.refresh(Refresh.True));
	}

	private Map<String, Object> lease(String owner, Duration ttl) {
		return Map.of("owner", owner, "expires-at", this.clock.millis() + ttl.toMillis());
	}

	@SuppressWarnings("rawtypes")
	private @Nullable Current current() throws IOException {
		prepare();
		GetResponse<Map> response = this.client.get((request) -> request.index(INDEX).id(LEASE).realtime(true),
				Map.class);
		Map<?, ?> source = response.source();
		if (!response.found() || source == null || response.seqNo() == null || response.primaryTerm() == null) {
			return null;
		}
		return new Current(String.valueOf(source.get("owner")), ((Number) source.get("expires-at")).longValue(),
				response.seqNo(), response.primaryTerm());
	}

	/**
	 * Creates the index on first use, with a replica wherever there is a second node (a
	 * fixed replica would leave a one-node cluster yellow).
	 */
	private void prepare() throws IOException {
		if (this.client.indices().exists((request) -> request.index(INDEX)).value()) {
			return;
		}
		try {
			this.client.indices()
				.create((request) -> request.index(INDEX)
					.settings((settings) -> settings.numberOfShards("1").autoExpandReplicas("0-1")));
		}
		catch (ElasticsearchException ex) {
			if (!"resource_already_exists_exception".equals(ex.error().type())) {
				throw ex;
			}
		}
	}

	private record Current(String owner, long expiresAt, long seqNo, long primaryTerm) {
	}

}
