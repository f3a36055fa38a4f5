package io.chancery.counter.stream;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import io.chancery.contracts.Event;
import io.chancery.counter.clocks.Clocks;
import io.chancery.counter.counters.CounterDefinitionChanged;
import io.chancery.counter.counters.CounterEvaluator;
import io.chancery.counter.counters.CounterRegistry;
import io.chancery.counter.counters.EventChanged;
import io.chancery.counter.counters.CounterView;

import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Keeps the open streams and tells them what changed. A look every 200 ms finds rollovers
 * and offset changes that are due, so a page hears of a midnight within a second of it.
 */
@Component
class CounterStream {

	private static final long STREAM_TIMEOUT_MILLIS = 30 * 60 * 1000L;

	private final CounterRegistry registry;

	private final Clock clock;

	private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();

	private final ConcurrentMap<String, Instant> nextRollover = new ConcurrentHashMap<>();

	private final ConcurrentMap<String, Instant> nextOffsetChange = new ConcurrentHashMap<>();

	CounterStream(CounterRegistry registry, Clock clock) {
		this.registry = registry;
		this.clock = clock;
	}

	SseEmitter subscribe(String locale) {
		SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT_MILLIS);
		Subscriber subscriber = new Subscriber(emitter, locale);
		this.subscribers.add(subscriber);
		emitter.onCompletion(() -> this.subscribers.remove(subscriber));
		emitter.onTimeout(() -> this.subscribers.remove(subscriber));
		emitter.onError((ex) -> this.subscribers.remove(subscriber));
		send(subscriber, "subscribed", Map.of("locale", locale, "at", this.clock.instant().toString()));
		return emitter;
	}

	@EventListener
	void definitionChanged(CounterDefinitionChanged change) {
		this.nextRollover.remove(change.id() + ":" + change.locale());
		for (Subscriber subscriber : this.subscribers) {
			if (subscriber.locale().equals(change.locale())) {
				send(subscriber, "counter-changed", change);
			}
		}
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

	private void broadcast(String locale, String name, Object data) {
		for (Subscriber subscriber : this.subscribers) {
			if (subscriber.locale().equals(locale)) {
				send(subscriber, name, data);
			}
		}
	}

	private void send(Subscriber subscriber, String name, Object data) {
		try {
			subscriber.emitter().send(SseEmitter.event().name(name).data(data));
		}
		catch (IOException | IllegalStateException ex) {
			this.subscribers.remove(subscriber);
		}
	}

	private record Subscriber(SseEmitter emitter, String locale) {
	}

}
