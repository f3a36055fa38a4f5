package io.chancery.search.indexing;

import java.io.IOException;
import java.util.Optional;

import io.chancery.search.elasticsearch.ContentIndices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * When this build's mapping is newer than the live index's, rebuilds the index by replay
 * before the live consumer starts, so that no document with a new field meets an old
 * strict mapping. Instances still running the old build keep serving and writing to the
 * old index meanwhile; the replay covers what they write (see {@link Reindexer}).
 */
@Component
class MappingUpgrade implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(MappingUpgrade.class);

	private final ContentIndices indices;

	private final Reindexer reindexer;

	private volatile boolean running;

	MappingUpgrade(ContentIndices indices, Reindexer reindexer) {
		this.indices = indices;
		this.reindexer = reindexer;
	}

	@Override
	public void start() {
		try {
			Optional<String> live = this.indices.live();
			int wanted = ContentIndices.templateMappingVersion();
			if (live.isPresent() && this.indices.mappingVersion(live.get()) < wanted) {
				logger.info("Index {} has mapping version {}, this build needs {}: reindexing by replay", live.get(),
						this.indices.mappingVersion(live.get()), wanted);
				ReindexStatus status = this.reindexer.runNow();
				if (!status.state().equals("done")) {
					throw new IllegalStateException("The upgrade reindex failed: " + status.error());
				}
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not check the content index's mapping version", ex);
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

	/** After {@code IndexBootstrap} (phase 0), before the bindings start. */
	@Override
	public int getPhase() {
		return 1;
	}

}
