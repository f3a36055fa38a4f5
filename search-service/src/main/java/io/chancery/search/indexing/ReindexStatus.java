package io.chancery.search.indexing;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * Where a reindex by replay stands.
 *
 * @param state {@code idle}, {@code copying} (replaying into the new index while the old
 * one serves), {@code finishing} (the alias switched; replaying what arrived meanwhile),
 * {@code done} or {@code failed}
 * @param source the index that served before
 * @param target the index being built
 * @param startedAt when it started
 * @param finishedAt when it ended
 * @param recordsRead records replayed from the topics
 * @param remaining records still to replay before the next step
 * @param skipped records that could not be indexed (already dead-lettered by the live
 * consumer)
 * @param error why it failed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ReindexStatus(String state, @Nullable String source, @Nullable String target, @Nullable Instant startedAt,
		@Nullable Instant finishedAt, long recordsRead, long remaining, long skipped, @Nullable String error) {

	static final ReindexStatus IDLE = new ReindexStatus("idle", null, null, null, null, 0, 0, 0, null);

	boolean running() {
		return this.state.equals("copying") || this.state.equals("finishing");
	}

	ReindexStatus progress(String state, long recordsRead, long remaining, long skipped) {
		return new ReindexStatus(state, this.source, this.target, this.startedAt, null, recordsRead, remaining, skipped,
				null);
	}

	ReindexStatus done(Instant at) {
		return new ReindexStatus("done", this.source, this.target, this.startedAt, at, this.recordsRead, 0,
				this.skipped, null);
	}

	ReindexStatus failed(Instant at, String error) {
		return new ReindexStatus("failed", this.source, this.target, this.startedAt, at, this.recordsRead,
				this.remaining, this.skipped, error);
	}

}
