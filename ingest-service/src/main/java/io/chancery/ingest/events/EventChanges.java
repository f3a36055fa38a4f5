package io.chancery.ingest.events;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

import io.chancery.contracts.CounterDefinition;
import io.chancery.contracts.Event;
import io.chancery.contracts.EventType;
import io.chancery.contracts.Topic;
import io.chancery.contracts.WithdrawalNote;
import io.chancery.ingest.changes.ChangeNote;
import io.chancery.ingest.changes.ChangeRoutes;
import io.chancery.ingest.changes.Drafts;
import io.chancery.ingest.validation.ContentProperties;
import io.chancery.ingest.validation.HtmlSanitizer;
import io.chancery.ingest.validation.Violations;
import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * Turns an editor's request into the {@link Event} message, after checking every rule.
 */
@Component
class EventChanges {

	private static final LocalDate EARLIEST = LocalDate.of(1000, 1, 1);

	private static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

	private final Set<String> locales;

	private final Clock clock;

	EventChanges(ContentProperties properties, Clock clock) {
		this.locales = Set.copyOf(properties.locales());
		this.clock = clock;
	}

	/**
	 * This kind of content as the change workflow and the import see it: one description
	 * serves the routes and the import lines alike.
	 */
	@Bean("eventKind")
	ChangeRoutes.Kind<EventRequest, Event> kind() {
		return new ChangeRoutes.Kind<>("event", Topic.EVENTS, EventType.EVENT_PUBLISHED, EventType.EVENT_WITHDRAWN,
				EventRequest.class, Event.class, EventRequest::id, EventRequest::locale, this::validate, this::event,
				EventRequest::change, Event::stamped, Event::withdrawnAt);
	}

	void validate(EventRequest request, String id, String locale) {
		Violations violations = new Violations().requireId(id, "id")
			.requireLocale(locale, "locale", this.locales)
			.require(request.date() != null, "date", "is required, as YYYY-MM-DD")
			.require(inRange(request.date()), "date", "must lie between 1000-01-01 and 9999-12-31")
			.requireZone(request.timeZone(), "timeZone")
			.requireText(HtmlSanitizer.plain(request.title()), "title", 500)
			.optionalText(request.lead(), "lead", 5_000);
		if (request.relatedArticleId() != null) {
			violations.requireId(request.relatedArticleId(), "relatedArticleId");
		}
		EventRequest.CounterRequest counter = request.counter();
		if (counter != null) {
			violations.requireText(HtmlSanitizer.plain(counter.caption()), "counter.caption", 500)
				.requireZone(counter.timeZone(), "counter.timeZone")
				.require(counter.direction() == null || counter.direction().equals("since")
						|| counter.direction().equals("until"), "counter.direction", "must be since or until")
				.require(inRange(counter.countFrom()), "counter.countFrom",
						"must lie between 1000-01-01 and 9999-12-31")
				.require(inRange(counter.stoppedOn()), "counter.stoppedOn",
						"must lie between 1000-01-01 and 9999-12-31")
				.require(counter.milestones() == null || counter.milestones().size() <= 50, "counter.milestones",
						"has more than 50 entries")
				.require(
						counter.milestones() == null || counter.milestones()
							.stream()
							.allMatch((days) -> days != null && days > 0 && days < 3_000_000),
						"counter.milestones", "must be positive day counts");
		}
		if (request.withdrawal() != null) {
			violations.requireText(request.withdrawal().note(), "withdrawal.note", 5_000);
		}
		ChangeNote.validate(request.change(), violations);
		Drafts.validateDraft(request.draft(), request.withdrawal() != null, violations);
		violations.throwIfAny();
	}

	Event event(EventRequest request, String id, String locale, long revision) {
		EventRequest.WithdrawalRequest withdrawal = request.withdrawal();
		return new Event(id, locale, revision, Drafts.status(withdrawal != null, request.draft()),
				Objects.requireNonNull(request.date()), Objects.requireNonNull(request.timeZone()),
				Objects.requireNonNull(HtmlSanitizer.plain(request.title())), HtmlSanitizer.plain(request.lead()),
				request.relatedArticleId(), counter(request.counter()), request.publishAt(),
				(withdrawal != null) ? new WithdrawalNote(
						Objects.requireNonNull(HtmlSanitizer.plain(withdrawal.note())), this.clock.instant()) : null,
				this.clock.instant());
	}

	private static @Nullable CounterDefinition counter(EventRequest.@Nullable CounterRequest counter) {
		if (counter == null) {
			return null;
		}
		return new CounterDefinition(Objects.requireNonNull(HtmlSanitizer.plain(counter.caption())),
				Objects.requireNonNull(counter.timeZone()),
				"until".equals(counter.direction()) ? CounterDefinition.Direction.UNTIL
						: CounterDefinition.Direction.SINCE,
				counter.countFrom(), counter.stoppedOn(), counter.milestones(),
				Boolean.TRUE.equals(counter.anniversaries()));
	}

	private static boolean inRange(@Nullable LocalDate date) {
		return date == null || (!date.isBefore(EARLIEST) && !date.isAfter(LATEST));
	}

}
