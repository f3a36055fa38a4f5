package io.chancery.search.indexing;

import java.time.Duration;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Starts this instance's consumer once the live index is one it may write to, rebuilding
 * it first when it is not: when this build's mapping is newer (no document with a new
 * field may meet an old strict mapping), or when it is missing or empty while the topics
 * are not (Elasticsearch lost its data, and the consumer group's committed offsets would
 * skip everything before them). It keeps checking while the instance consumes, so an
 * Elasticsearch that loses its data at run time is rebuilt too.
 *
 * <p>
 * All of it runs in the background: the instance serves reads from the live index
 * meanwhile, and its startup and readiness do not wait for a replay of any length. One
 * instance replays (the {@link Reindexer}'s lease); the others wait for its switch, and
 * take over if it dies. Until then their consumers stay stopped, and instances still
 * running the previous build keep indexing into the old index; the replay carries what
 * they write over.
 */
@Component
class IndexUpgrade implements SmartLifecycle {

	static final String BINDING = "indexContent-in-0";

	private static final Logger logger = LoggerFactory.getLogger(IndexUpgrade.class);

	/** How often an instance waiting for another's replay looks again. */
	private static final Duration WAIT = Duration.ofSeconds(2);

	private final Reindexer reindexer;

	private final BindingsLifecycleController bindings;

	private final Duration checkInterval;

	private volatile boolean running;

	private volatile boolean consuming;

	private volatile @Nullable Thread worker;

	/**
	 * The consumer group of the binding, whose committed offsets tell what was indexed.
	 */
	private final String group;

	private final ConfigurableApplicationContext context;

	IndexUpgrade(Reindexer reindexer, BindingsLifecycleController bindings, IndexingProperties properties,
			BindingServiceProperties bindingProperties, ConfigurableApplicationContext context) {
		this.context = context;
		this.reindexer = reindexer;
		this.bindings = bindings;
		this.checkInterval = properties.indexCheckInterval();
		this.group = bindingProperties.getBindingProperties(BINDING).getGroup();
	}

	@Override
	public void start() {
		this.running = true;
		this.worker = Thread.ofVirtual().name("index-upgrade").start(this::keepTheLiveIndexWhole);
	}

	private void keepTheLiveIndexWhole() {
		String waitingFor = null;
		while (this.running) {
			try {
				Optional<String> reason = this.reindexer.rebuildReason(this.group);
				if (reason.isEmpty()) {
					waitingFor = null;
					if (!this.consuming) {
						awaitTheContextRunning();
						startConsuming();
					}
				}
				else if (this.reindexer.runNowUnlessElsewhere().isPresent()) {
					logger.info("Rebuilt the index because {}", reason.get());
					continue;
				}
				else if (!reason.get().equals(waitingFor)) {
					logger.info("Rebuild needed ({}); another instance is rebuilding, waiting for its switch",
							reason.get());
					waitingFor = reason.get();
				}
			}
			catch (Exception ex) {
				logger.warn("Could not check or rebuild the live index; trying again: {}", ex.toString());
			}
			try {
				Thread.sleep(this.consuming ? this.checkInterval : WAIT);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	/**
	 * Under the lock {@link #stop()} takes: a binding started after the context stopped
	 * would receive records Spring Integration refuses to pass on, and they would be
	 * discarded.
	 */
	private synchronized void startConsuming() {
		if (this.running && !this.consuming) {
			this.bindings.start(BINDING);
			this.consuming = true;
			logger.info("The live index is current; consuming");
		}
	}

	/**
	 * Spring Integration refuses to pass on a message until every lifecycle bean of the
	 * context has started (the consumer's records would be discarded), so the consumer
	 * starts only then.
	 */
	private void awaitTheContextRunning() throws InterruptedException {
		while (!this.context.isRunning()) {
			Thread.sleep(50);
		}
	}

	/** Whether this instance's consumer runs (the live index is one it may write to). */
	boolean consuming() {
		return this.consuming;
	}

	@Override
	public void stop() {
		synchronized (this) {
			this.running = false;
			// The bindings this started stop here, before the context's other lifecycle
			// beans: a restart (tests pause cached contexts) starts them here again.
			if (this.consuming) {
				this.bindings.stop(BINDING);
				this.consuming = false;
			}
		}
		Thread thread = this.worker;
		if (thread != null) {
			thread.interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * After {@code IndexBootstrap} (phase 0) made sure the alias exists, and after Spring
	 * Cloud Stream's input bindings (phase {@code Integer.MAX_VALUE - 3000}) bound the
	 * consumer it starts: starting a binding that does not exist yet does nothing.
	 */
	@Override
	public int getPhase() {
		return Integer.MAX_VALUE - 2500;
	}

}
