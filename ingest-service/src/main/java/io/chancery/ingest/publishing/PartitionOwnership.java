package io.chancery.ingest.publishing;

import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.chancery.contracts.Topic;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Which replica writes which source partition. Every replica is a member of one consumer
 * group over the source topics, and the partitions Kafka's group protocol assigns to a
 * replica are the ones it writes, with their fenced producers; the others it passes on to
 * their owner. The member's client id carries the URL the other replicas reach it at, so
 * any replica can find a partition's owner in the group's description.
 * <p>
 * The group consumes nothing (every partition is paused): the {@link LedgerLoader} reads
 * the topics. A replica joins only once its ledger has caught up, so a partition handed
 * to it can be written at once; it leaves the group first thing when it stops, before the
 * web server drains: the changes still waiting then find their partition owned elsewhere
 * and are passed to the new owner, and so are the requests that arrive while it drains.
 * The cooperative assignor revokes a partition from its old owner before giving it to the
 * new one, and a revocation waits for the commit in progress, so two replicas never write
 * one partition in the routine; fencing still stops a zombie that lost its partitions
 * without hearing of it.
 */
@Component
class PartitionOwnership implements SmartLifecycle, ApplicationListener<WebServerInitializedEvent>, DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(PartitionOwnership.class);

	/** Prefix of the members' client ids; the rest is the member's URL. */
	private static final String CLIENT_ID_PREFIX = "ingest-service-owner ";

	/** How old a view of the group may be before a lookup reads it again. */
	private static final Duration DIRECTORY_AGE = Duration.ofSeconds(2);

	private final PartitionWriters writers;

	private final RevisionLedger ledger;

	private final PublishingProperties.Ownership properties;

	private final Map<String, Object> consumerConfig;

	private final Map<String, Object> adminConfig;

	private volatile @Nullable Admin admin;

	private final Set<TopicPartition> owned = ConcurrentHashMap.newKeySet();

	private volatile @Nullable ExecutorService warmer;

	private volatile @Nullable URI self;

	private volatile Directory directory = new Directory(Map.of(), Set.of(), 0);

	private volatile @Nullable KafkaConsumer<String, byte[]> consumer;

	private volatile @Nullable Thread thread;

	private volatile boolean running;

	private volatile boolean joined;

	PartitionOwnership(PartitionWriters writers, RevisionLedger ledger, PublishingProperties properties,
			KafkaProperties kafka) {
		this.writers = writers;
		this.ledger = ledger;
		this.properties = properties.ownership();
		Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
		config.put(ConsumerConfig.GROUP_ID_CONFIG, this.properties.group());
		config.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "classic");
		config.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
		config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) this.properties.sessionTimeout().toMillis());
		config.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) this.properties.heartbeatInterval().toMillis());
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
		config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1);
		config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
		this.consumerConfig = config;
		this.adminConfig = kafka.buildAdminProperties();
	}

	/** Whether this replica writes the partition now. */
	boolean owns(TopicPartition partition) {
		return this.owned.contains(partition);
	}

	/**
	 * The refusal to give a change to a partition this replica does not own: the owner to
	 * pass it to, or, when no replica owns it within the owner wait (ownership is
	 * moving), a 503.
	 */
	RuntimeException elsewhere(TopicPartition partition) {
		long deadline = System.nanoTime() + this.properties.ownerWait().toNanos();
		boolean fresh = false;
		while (true) {
			if (owns(partition)) {
				// Given to this replica while looking: the caller tries again here.
				return new OwnedElsewhere(partition, Objects.requireNonNull(this.self));
			}
			URI owner = directory(fresh).owners().get(partition);
			if (owner != null && !owner.equals(this.self)) {
				return new OwnedElsewhere(partition, owner);
			}
			if (System.nanoTime() > deadline) {
				return new WriteRefused("No replica writes " + partition
						+ " right now: the replicas are handing over their partitions. Nothing was stored; retry.",
						Duration.ofSeconds(1), null);
			}
			fresh = true;
			sleep(Duration.ofMillis(50));
		}
	}

	/**
	 * Whether this replica is in the group and has been given its partitions (possibly
	 * none), so that a write it takes finds an owner.
	 */
	boolean hasJoined() {
		return this.joined;
	}

	/** How many partitions this replica writes. */
	int ownedCount() {
		return this.owned.size();
	}

	/** The other replicas in the group, as Kafka describes it now. */
	Set<URI> others() {
		Set<URI> others = new java.util.HashSet<>(directory(true).members());
		URI current = this.self;
		if (current != null) {
			others.remove(current);
		}
		return others;
	}

	/** This replica's URL, once the web server has started. */
	Optional<URI> self() {
		return Optional.ofNullable(this.self);
	}

	/** Forgets the cached view of the group, so the next lookup reads it from Kafka. */
	void refresh() {
		this.directory = new Directory(Map.of(), Set.of(), 0);
	}

	private Directory directory(boolean fresh) {
		Directory current = this.directory;
		Admin kafka = this.admin;
		if (kafka == null || (!fresh && System.nanoTime() - current.readAt() < DIRECTORY_AGE.toNanos())) {
			return current;
		}
		try {
			ConsumerGroupDescription group = kafka.describeConsumerGroups(List.of(this.properties.group()))
				.describedGroups()
				.get(this.properties.group())
				.get(this.properties.ownerWait().toMillis(), TimeUnit.MILLISECONDS);
			Map<TopicPartition, URI> owners = new HashMap<>();
			Set<URI> members = new java.util.HashSet<>();
			for (MemberDescription member : group.members()) {
				if (member.clientId().startsWith(CLIENT_ID_PREFIX)) {
					URI url = URI.create(member.clientId().substring(CLIENT_ID_PREFIX.length()));
					members.add(url);
					member.assignment().topicPartitions().forEach((partition) -> owners.put(partition, url));
				}
			}
			Directory read = new Directory(Map.copyOf(owners), Set.copyOf(members), System.nanoTime());
			this.directory = read;
			return read;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return current;
		}
		catch (Exception ex) {
			logger.debug("Could not describe group {}: {}", this.properties.group(), ex.toString());
			return current;
		}
	}

	@Override
	public void onApplicationEvent(WebServerInitializedEvent event) {
		if (event.getApplicationContext().getServerNamespace() != null) {
			return; // the management server
		}
		this.self = URI.create("http://" + this.properties.advertisedHost() + ":" + event.getWebServer().getPort());
	}

	@Override
	public void start() {
		// Started again after a stop when a test context is resumed: what stop closed is
		// made anew. The admin client outlives a stop: requests still draining after it
		// look their partition's new owner up.
		if (this.admin == null) {
			this.admin = Admin.create(this.adminConfig);
		}
		this.warmer = Executors.newSingleThreadExecutor((task) -> {
			Thread thread = new Thread(task, "partition-warmer");
			thread.setDaemon(true);
			return thread;
		});
		this.running = true;
		Thread member = new Thread(this::run, "partition-ownership");
		member.setDaemon(true);
		this.thread = member;
		member.start();
	}

	private void run() {
		while (this.running && (!this.ledger.isCaughtUp() || this.self == null)) {
			sleep(Duration.ofMillis(20));
		}
		while (this.running) {
			try {
				member();
			}
			catch (RuntimeException ex) {
				logger.error("Partition ownership failed; leaving every partition and joining again", ex);
				release(Set.copyOf(this.owned));
				sleep(Duration.ofSeconds(1));
			}
		}
	}

	/** Is a member of the group until stopped. */
	private void member() {
		Map<String, Object> config = new HashMap<>(this.consumerConfig);
		config.put(ConsumerConfig.CLIENT_ID_CONFIG, CLIENT_ID_PREFIX + this.self);
		try (KafkaConsumer<String, byte[]> member = new KafkaConsumer<>(config, new StringDeserializer(),
				new ByteArrayDeserializer())) {
			this.consumer = member;
			member.subscribe(LedgerLoader.SOURCE_TOPICS.stream().map(Topic::wireName).toList(), new Listener(member));
			while (this.running) {
				member.poll(Duration.ofMillis(100));
			}
		}
		catch (WakeupException ex) {
			// Stopping; closing the consumer above left the group and revoked every
			// partition.
		}
		finally {
			this.consumer = null;
			this.joined = false;
		}
	}

	private void release(Collection<TopicPartition> partitions) {
		this.owned.removeAll(partitions);
		partitions.forEach(this.writers::surrender);
		refresh();
	}

	@Override
	public void stop() {
		this.running = false;
		KafkaConsumer<String, byte[]> member = this.consumer;
		if (member != null) {
			member.wakeup();
		}
		Thread current = this.thread;
		if (current != null) {
			try {
				current.join(this.properties.sessionTimeout().toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		this.thread = null;
		ExecutorService executor = this.warmer;
		if (executor != null) {
			executor.shutdownNow();
		}
	}

	@Override
	public void destroy() {
		Admin kafka = this.admin;
		this.admin = null;
		if (kafka != null) {
			kafka.close(Duration.ofSeconds(1));
		}
	}

	@Override
	public boolean isRunning() {
		return this.thread != null;
	}

	/**
	 * Above the web server's graceful shutdown: stopped before the web server drains, so
	 * the partitions move at once and what is in flight is passed to their new owners,
	 * rather than refused while this replica drains. Started after the web server.
	 */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE;
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private final class Listener implements ConsumerRebalanceListener {

		private final KafkaConsumer<String, byte[]> member;

		Listener(KafkaConsumer<String, byte[]> member) {
			this.member = member;
		}

		@Override
		public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
			PartitionOwnership.this.joined = true;
			if (partitions.isEmpty()) {
				return;
			}
			this.member.pause(partitions);
			PartitionOwnership.this.owned.addAll(partitions);
			refresh();
			logger.info("Writing {} more partitions, {} in all: {}", partitions.size(),
					PartitionOwnership.this.owned.size(), partitions);
			// Fencing the previous owner's producer and reading to the partition's end
			// happen now, not in the first
			// write.
			ExecutorService executor = Objects.requireNonNull(PartitionOwnership.this.warmer);
			partitions.forEach((partition) -> executor
				.execute(() -> PartitionOwnership.this.writers.warm(partition, PartitionOwnership.this::owns)));
		}

		@Override
		public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
			if (partitions.isEmpty()) {
				return;
			}
			release(partitions);
			logger.info("Handed over {} partitions, {} left: {}", partitions.size(),
					PartitionOwnership.this.owned.size(), partitions);
		}

		@Override
		public void onPartitionsLost(Collection<TopicPartition> partitions) {
			release(partitions);
			logger.warn("Lost {} partitions without handing them over: {}", partitions.size(), partitions);
		}

	}

	private record Directory(Map<TopicPartition, URI> owners, Set<URI> members, long readAt) {
	}

}
