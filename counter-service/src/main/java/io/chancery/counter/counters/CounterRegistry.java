package io.chancery.counter.counters;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.chancery.contracts.ContentKey;
import io.chancery.contracts.ContentStatus;
import io.chancery.contracts.Event;
import io.chancery.contracts.SiteDetails;
import io.chancery.contracts.Withdrawal;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The counters and clock cities the topics define, newest revision first: an event with a
 * counter definition creates or replaces its counter, an event without one or a
 * withdrawal removes it. Nothing is configured by hand.
 */
@Component
public class CounterRegistry {

	private final ConcurrentMap<String, Event> counters = new ConcurrentHashMap<>();

	private final ConcurrentMap<String, Long> removedAt = new ConcurrentHashMap<>();

	private final ConcurrentMap<String, SiteDetails> sites = new ConcurrentHashMap<>();

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private volatile boolean caughtUp;

	public CounterRegistry(ApplicationEventPublisher events, Clock clock) {
		this.events = events;
		this.clock = clock;
	}

	public void apply(Event event) {
		String key = ContentKey.of(event.id(), event.locale());
		synchronized (this.counters) {
			if (isOlder(key, event.revision())) {
				return;
			}
			announce(event);
			if (event.counter() == null || event.status() == ContentStatus.WITHDRAWN) {
				Event existed = this.counters.remove(key);
				this.removedAt.put(key, event.revision());
				if (existed != null && isPublic(existed)) {
					changed(event.id(), event.locale(), true);
				}
			}
			else {
				this.counters.put(key, event);
				this.removedAt.remove(key);
				if (isPublic(event)) {
					changed(event.id(), event.locale(), false);
				}
			}
		}
	}

	public void apply(Withdrawal withdrawal) {
		String key = ContentKey.of(withdrawal.id(), withdrawal.locale());
		synchronized (this.counters) {
			if (!isOlder(key, withdrawal.revision())) {
				Event existed = this.counters.remove(key);
				this.removedAt.put(key, withdrawal.revision());
				if (existed != null && isPublic(existed)) {
					changed(withdrawal.id(), withdrawal.locale(), true);
				}
				if (this.caughtUp) {
					this.events.publishEvent(new EventChanged(withdrawal.id(), withdrawal.locale(),
							withdrawal.revision(), true, null, null, null, null));
				}
			}
		}
	}

	private void announce(Event event) {
		// Embargoed events are not news yet; a page shows them once they are listed.
		if (!this.caughtUp || !isPublic(event)) {
			return;
		}
		boolean withdrawn = event.status() == ContentStatus.WITHDRAWN;
		this.events.publishEvent(new EventChanged(event.id(), event.locale(), event.revision(), withdrawn,
				withdrawn ? null : event.date(), withdrawn ? null : event.title(), withdrawn ? null : event.lead(),
				withdrawn ? null : event.relatedArticleId()));
	}

	public void apply(SiteDetails details) {
		this.sites.merge(details.locale(), details, (old, added) -> (added.revision() >= old.revision()) ? added : old);
	}

	private void changed(String id, String locale, boolean removed) {
		// Changes read while catching up after a start are the past, not news.
		if (this.caughtUp) {
			this.events.publishEvent(new CounterDefinitionChanged(id, locale, removed));
		}
	}

	/**
	 * The events whose counters are visible at an instant in a locale, newest event
	 * first. An instant in the future moves the evaluation, never the embargo: what is
	 * not public by the server's clock is not listed.
	 */
	public List<Event> counters(String locale, Instant at) {
		Instant visibleAt = earlier(at);
		return this.counters.values()
			.stream()
			.filter((event) -> event.locale().equals(locale))
			.filter((event) -> isVisible(event, visibleAt))
			.sorted(Comparator.comparing(Event::date).reversed().thenComparing(Event::id))
			.toList();
	}

	Optional<Event> counter(String id, String locale, Instant at) {
		Instant visibleAt = earlier(at);
		return Optional.ofNullable(this.counters.get(ContentKey.of(id, locale)))
			.filter((event) -> isVisible(event, visibleAt));
	}

	/**
	 * One definition per counter visible at an instant, for work that is not about a
	 * locale (milestones): the definition of the first locale in alphabetical order.
	 */
	public List<Event> definitions(Instant at) {
		Instant visibleAt = earlier(at);
		return this.counters.values()
			.stream()
			.filter((event) -> isVisible(event, visibleAt))
			.collect(java.util.stream.Collectors.toMap(Event::id, (event) -> event,
					(a, b) -> (a.locale().compareTo(b.locale()) <= 0) ? a : b))
			.values()
			.stream()
			.sorted(Comparator.comparing(Event::id))
			.toList();
	}

	private boolean isPublic(Event event) {
		return isVisible(event, this.clock.instant());
	}

	private Instant earlier(Instant at) {
		Instant now = this.clock.instant();
		return at.isBefore(now) ? at : now;
	}

	/** Public at {@code at}: not a draft, and not scheduled for later. */
	private static boolean isVisible(Event event, Instant at) {
		return event.status() != ContentStatus.DRAFT && (event.publishAt() == null || !event.publishAt().isAfter(at));
	}

	/** Whether the source topics have been read up to where they ended at start. */
	public boolean isCaughtUp() {
		return this.caughtUp;
	}

	public void markCaughtUp() {
		this.caughtUp = true;
	}

	public Optional<SiteDetails> site(String locale) {
		return Optional.ofNullable(this.sites.get(locale));
	}

	Map<String, Integer> size() {
		return Map.of("counters", this.counters.size(), "sites", this.sites.size());
	}

	private boolean isOlder(String key, long revision) {
		Event current = this.counters.get(key);
		long known = Math.max((current != null) ? current.revision() : 0, this.removedAt.getOrDefault(key, 0L));
		return revision < known;
	}

}
