package io.chancery.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import io.chancery.contracts.ArticleKind;
import io.chancery.demo.Articles.Story;

/**
 * Produces the catalog's lines day by day, so that only one day is ever held: the site
 * details first, then each day's counters, yearly occasions, articles and events, and
 * last the countdown to a date after the catalog's end. Weekdays are busier than
 * weekends.
 */
final class CatalogLines implements Iterator<String> {

	private static final List<ArticleKind> KINDS = List.of(ArticleKind.SPEECH, ArticleKind.INTERVIEW,
			ArticleKind.ARTICLE, ArticleKind.STATEMENT);

	private static final List<List<Language>> LANGUAGES = List.of(List.of(Language.EN, Language.RU),
			List.of(Language.EN), List.of(Language.RU));

	private final Dice dice;

	private final Articles articles;

	private final Events events;

	private final Counters counters;

	private final LocalDate until;

	private final Deque<String> pending = new ArrayDeque<>();

	private LocalDate day;

	private boolean finished;

	CatalogLines(long seed, LocalDate from, LocalDate until) {
		this.dice = new Dice(seed);
		Ids ids = new Ids();
		this.articles = new Articles(this.dice, ids);
		this.events = new Events(this.dice, ids);
		this.counters = new Counters(this.dice, ids, from, until);
		this.until = until;
		this.day = from;
		SiteDetailsLines.lines().forEach(this::emit);
	}

	@Override
	public boolean hasNext() {
		while (this.pending.isEmpty() && !this.finished) {
			advance();
		}
		return !this.pending.isEmpty();
	}

	@Override
	public String next() {
		if (!hasNext()) {
			throw new NoSuchElementException();
		}
		return this.pending.removeFirst();
	}

	private void advance() {
		if (this.day.isAfter(this.until)) {
			this.counters.afterwards().forEach(this::emit);
			this.finished = true;
			return;
		}
		write(this.day);
		this.day = this.day.plusDays(1);
	}

	private void write(LocalDate date) {
		this.counters.on(date).forEach(this::emit);
		if (Events.isNationalDay(date)) {
			Story speech = this.articles.speech(date, Vocabulary.AMBASSADOR, Vocabulary.NATIONAL_DAY_RECEPTION,
					this.dice.pick(Subjects.TOPICS), LANGUAGES.get(0));
			speech.lines().forEach(this::emit);
			this.events.yearly(date, speech.id()).forEach(this::emit);
		}
		else {
			this.events.yearly(date, null).forEach(this::emit);
		}
		boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
		int count = weekend ? (this.dice.chance(0.2) ? 1 : 0) : this.dice.weighted(0.30, 0.45, 0.20, 0.05);
		for (int i = 0; i < count; i++) {
			ArticleKind kind = KINDS.get(this.dice.weighted(0.28, 0.17, 0.20, 0.35));
			Story story = this.articles.write(kind, date, languages());
			story.lines().forEach(this::emit);
			if ((kind == ArticleKind.SPEECH && this.dice.chance(0.5))
					|| (kind == ArticleKind.INTERVIEW && this.dice.chance(0.2))) {
				this.events.about(story).forEach(this::emit);
			}
		}
		if (this.dice.chance(weekend ? 0.15 : 0.30)) {
			this.events.occasion(date, languages()).forEach(this::emit);
		}
	}

	/** Most items in both languages, some in one only. */
	private List<Language> languages() {
		return LANGUAGES.get(this.dice.weighted(0.70, 0.15, 0.15));
	}

	private void emit(Object line) {
		this.pending.addLast(ImportLines.json(line));
	}

}
