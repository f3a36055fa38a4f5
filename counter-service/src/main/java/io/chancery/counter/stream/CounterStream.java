package io.chancery.counter.stream;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import io.chancery.contracts.Event;
import io.chancery.counter.clocks.Clocks;
import io.chancery.counter.counters.CounterDefinitionChanged;
import io.chancery.counter.counters.CounterEvaluator;
import io.chancery.counter.counters.CounterRegistry;
import io.chancery.counter.counters.EventChanged;
import io.chancery.counter.counters.CounterView;
import org.jspecify.annotations.Nullable;

import org.springframework.context.event.EventListener;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Keeps the open streams and tells them what changed. A look every 200 ms finds rollovers
 * and offset changes that are due, so a page hears of a midnight within a second of it.
 */
@Component
class CounterStream {

	private static final long STREAM_TIMEOUT_MILLIS = 30 * 60 * 1000L;

	/** How many past events each locale keeps for pages that reconnect. */
	private static final int KEPT = 256;

	private final CounterRegistry registry;

	private final Clock clock;

	private final StreamProperties properties;

	private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();

	/**
	 * Event ids are this instance's start and a sequence: a page that reconnects to
	 * another instance, or after a restart, is told to reload instead of being sent
	 * another instance's events as if they followed.
	 */
	private final String epoch = Long.toString(System.currentTimeMillis(), 36);

	private final AtomicLong sequence = new AtomicLong();

	private final ConcurrentMap<String, Kept> recent = new ConcurrentHashMap<>();

	private final ConcurrentMap<String, Instant> nextRollover = new ConcurrentHashMap<>();

	private final ConcurrentMap<String, Instant> nextOffsetChange = new ConcurrentHashMap<>();

	CounterStream(CounterRegistry registry, Clock clock, StreamProperties properties) {
		this.registry = registry;
		this.clock = clock;
		this.properties = properties;
	}

	/**
	 * Opens a stream; with the id of the last event a page saw, first sends what it
	 * missed, as far as this instance still has it.
	 * @throws ErrorResponseException 503 with Retry-After when as many streams are open
	 * as this instance holds
	 */
	SseEmitter subscribe(String locale, @Nullable String lastEventId) {
		if (this.subscribers.size() >= this.properties.maxConnections()) {
			ErrorResponseException full = new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE,
					ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
							"As many streams are open as this service holds (" + this.properties.maxConnections()
									+ "); try again shortly."),
					null);
			full.getBody().setTitle("Too busy");
			full.getHeaders().set(HttpHeaders.RETRY_AFTER, "30");
			throw full;
		}
		SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT_MILLIS);
		Subscriber subscriber = new Subscriber(emitter, locale);
		this.subscribers.add(subscriber);
		emitter.onCompletion(() -> this.subscribers.remove(subscriber));
		emitter.onTimeout(() -> this.subscribers.remove(subscriber));
		emitter.onError((ex) -> this.subscribers.remove(subscriber));
		send(subscriber, null, "subscribed", Map.of("locale", locale, "at", this.clock.instant().toString()));
		if (lastEventId != null) {
			resume(subscriber, lastEventId);
		}
		return emitter;
	}

	private void resume(Subscriber subscriber, String lastEventId) {
		String[] parts = lastEventId.strip().split("-", 2);
		long last = -1;
		if (parts.length == 2 && parts[0].equals(this.epoch)) {
			try {
				last = Long.parseLong(parts[1]);
			}
			catch (NumberFormatException ex) {
				// Not one of ours: the page reloads.
			}
		}
		List<Sent> missed = (last >= 0) ? kept(subscriber.locale()).since(last) : null;
		if (missed == null) {
			send(subscriber, null, "stream-reset",
					Map.of("reason", "the events after " + lastEventId + " are not kept here; reload the page's data"));
			return;
		}
		for (Sent sent : missed) {
			send(subscriber, sent.id(), sent.name(), sent.data());
		}
	}

	private Kept kept(String locale) {
		return this.recent.computeIfAbsent(locale, (key) -> new Kept());
	}

	/**
	 * A comment on every open stream, so that proxies that cut idle connections (often
	 * after 60 s) keep them open.
	 */
	@Scheduled(fixedRateString = "${chancery.stream.heartbeat:20s}")
	void heartbeat() {
		for (Subscriber subscriber : this.subscribers) {
			try {
				subscriber.emitter().send(SseEmitter.event().comment("heartbeat"));
			}
			catch (IOException | IllegalStateException ex) {
				this.subscribers.remove(subscriber);
			}
		}
	}

	@EventListener
	void definitionChanged(CounterDefinitionChanged change) {
		this.nextRollover.remove(change.id() + ":" + change.locale());
		broadcast(change.locale(), "counter-changed", change);
	}

	@EventListener
	void eventChanged(EventChanged change) {
		broadcast(change.locale(), change.withdrawn() ? "event-withdrawn" : "event-published", change);
	}

	@Scheduled(fixedDelay = 200)
	void announceDue() {
		if (this.subscribers.isEmpty()) {
			return;
		}
		Instant now = this.clock.instant();
		Set<String> locales = this.subscribers.stream().map(Subscriber::locale).collect(Collectors.toSet());
		for (String locale : locales) {
			for (Event event : this.registry.counters(locale, now)) {
				rollOverIfDue(event, locale, now);
			}
			this.registry.site(locale)
				.ifPresent((site) -> site.clocks()
					.forEach((city) -> offsetChangeIfDue(city.name(), city.timeZone(), locale, now)));
		}
	}

	private void rollOverIfDue(Event event, String locale, Instant now) {
		String key = event.id() + ":" + locale;
		CounterView view = CounterEvaluator.evaluate(event, now);
		Instant due = this.nextRollover.putIfAbsent(key,
				(view.nextChangeAt() != null) ? view.nextChangeAt() : Instant.MAX);
		if (due != null && !now.isBefore(due)) {
			this.nextRollover.put(key, (view.nextChangeAt() != null) ? view.nextChangeAt() : Instant.MAX);
			broadcast(locale, "counter-rolled-over", view);
		}
	}

	private void offsetChangeIfDue(String name, String zoneId, String locale, Instant now) {
		ZoneId zone = ZoneId.of(zoneId);
		String key = zoneId + ":" + locale;
		ZoneOffsetTransition next = zone.getRules().nextTransition(now);
		Instant upcoming = (next != null) ? next.getInstant() : Instant.MAX;
		Instant due = this.nextOffsetChange.putIfAbsent(key, upcoming);
		if (due != null && !now.isBefore(due)) {
			this.nextOffsetChange.put(key, upcoming);
			broadcast(locale, "clock-offset-changed", Clocks.read(name, zone, now, Locale.forLanguageTag(locale)));
		}
	}

	/**
	 * Sends an event to a locale's streams, with an id, and keeps it for reconnections.
	 */
	private void broadcast(String locale, String name, Object data) {
		long number = this.sequence.incrementAndGet();
		Sent sent = new Sent(number, this.epoch + "-" + number, name, data);
		kept(locale).add(sent);
		for (Subscriber subscriber : this.subscribers) {
			if (subscriber.locale().equals(locale)) {
				send(subscriber, sent.id(), name, data);
			}
		}
	}

	private void send(Subscriber subscriber, @Nullable String id, String name, Object data) {
		try {
			// The id first: a page reading line by line knows the event's id before its
			// data.
			SseEmitter.SseEventBuilder event = SseEmitter.event();
			if (id != null) {
				event.id(id);
			}
			subscriber.emitter().send(event.name(name).data(data));
		}
		catch (IOException | IllegalStateException ex) {
			this.subscribers.remove(subscriber);
		}
	}

	private record Subscriber(SseEmitter emitter, String locale) {
	}

	/** An event sent to a locale's streams. */
	private record Sent(long sequence, String id, String name, Object data) {
	}

	/** A locale's latest events, and how far the ones it let go of reached. */
	private static final class Kept {

		private final Deque<Sent> events = new ArrayDeque<>();

		private long dropped;

		synchronized void add(Sent sent) {
			this.events.addLast(sent);
			if (this.events.size() > KEPT) {
				this.dropped = this.events.removeFirst().sequence();
			}
		}

		/** The events after {@code last}, or null when some of them were let go of. */
		synchronized @Nullable List<Sent> since(long last) {
			if (last < this.dropped) {
				return null;
			}
			return this.events.stream().filter((sent) -> sent.sequence() > last).toList();
		}

	}

}
