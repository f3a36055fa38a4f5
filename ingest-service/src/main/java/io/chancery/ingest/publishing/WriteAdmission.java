package io.chancery.ingest.publishing;

import java.util.concurrent.Semaphore;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * How many single writes this replica works on at once. Past the bound a write is refused
 * at once ({@link WriteRefused}, 503 with Retry-After) instead of joining the others: on
 * a saturated machine every admitted request shares the cores, so without a bound each
 * write slows down with every other and all of them end in the client's timeout, while
 * with one the admitted writes keep their usual latency and the rest hear "retry" within
 * milliseconds.
 */
@Component
public class WriteAdmission {

	private final Semaphore permits;

	private final int capacity;

	private final PublishingProperties properties;

	private final Counter refused;

	WriteAdmission(PublishingProperties properties, MeterRegistry meters) {
		this.capacity = properties.concurrentWrites();
		this.permits = new Semaphore(this.capacity);
		this.properties = properties;
		this.refused = Counter.builder("chancery.ingest.writes.refused")
			.description("Single writes refused at once because the replica worked on as many as it takes")
			.register(meters);
	}

	/**
	 * Takes a place for one write, to be given back with {@link #release()} when its
	 * answer is written.
	 * @throws WriteRefused if the replica already works on as many writes as it takes
	 */
	public void admit() {
		if (!this.permits.tryAcquire()) {
			this.refused.increment();
			throw new WriteRefused(
					"This replica is working on " + this.capacity
							+ " writes already. Nothing was stored; retry with the same Idempotency-Key.",
					this.properties.retryAfter(), null);
		}
	}

	public void release() {
		this.permits.release();
	}

}
