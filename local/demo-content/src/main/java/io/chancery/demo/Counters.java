package io.chancery.demo;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import io.chancery.contracts.ArticleKind;
import io.chancery.contracts.CounterDefinition.Direction;
import io.chancery.demo.Body.Block;
import io.chancery.demo.Body.Bullets;
import io.chancery.demo.Body.Paragraph;
import io.chancery.demo.ImportLines.ArticleLine;
import io.chancery.demo.ImportLines.Counter;
import io.chancery.demo.ImportLines.EventLine;
import org.jspecify.annotations.Nullable;

/**
 * The events that carry counters, in both languages: the incident off Harwick Point
 * ("days have passed since … — no credible response", with its statement), the request
 * for consular access that restarts with each reminder, the honorary consulate that
 * stayed closed for a while, and the centenary still to come. Their dates are drawn from
 * the seed within the catalog's span.
 */
final class Counters {

	private static final Phrase INCIDENT_TITLE = new Phrase("Incident off Harwick Point", "Инцидент у мыса Харвик");

	private static final Phrase INCIDENT_LEAD = new Phrase(
			"The crew of the Arvenian research vessel Severyanka was detained off Harwick Point. The Embassy has requested an explanation and consular access.",
			"У мыса Харвик задержан экипаж арвенского научно-исследовательского судна «Северянка». Посольство запросило разъяснения и консульский доступ.");

	private static final Phrase INCIDENT_CAPTION = new Phrase(
			"days have passed since the incident off Harwick Point — no credible response",
			"дней прошло после инцидента у мыса Харвик — внятного ответа нет");

	private static final Phrase STATEMENT_TITLE = new Phrase(
			"Statement by the Embassy on the incident off Harwick Point",
			"Заявление Посольства в связи с инцидентом у мыса Харвик");

	private static final Phrase STATEMENT_LEAD = new Phrase(
			"The Embassy demands an explanation of the detention of the crew of the research vessel Severyanka and immediate consular access.",
			"Посольство требует разъяснений в связи с задержанием экипажа научно-исследовательского судна «Северянка» и немедленного консульского доступа.");

	private static final List<Block> STATEMENT_BODY = List.of(new Paragraph(List.of(new Phrase(
			"Early this morning the Arvenian research vessel Severyanka was stopped off Harwick Point, and her crew of fourteen was taken ashore.",
			"Сегодня рано утром арвенское научно-исследовательское судно «Северянка» было остановлено у мыса Харвик, а четырнадцать членов его экипажа доставлены на берег."))),
			new Paragraph(List.of(
					new Phrase("The vessel was carrying out a survey agreed in advance with the competent authorities.",
							"Судно выполняло исследования, заранее согласованные с компетентными органами."),
					new Phrase("We have received <strong>no explanation</strong> of the grounds for the detention.",
							"<strong>Никаких объяснений</strong> причин задержания мы не получили."))),
			new Bullets(new Phrase("The Embassy requests:", "Посольство требует:"), List.of(
					new Phrase("an official explanation of what happened", "официальных разъяснений случившегося"),
					new Phrase("immediate consular access to the crew", "немедленного консульского доступа к экипажу"),
					new Phrase("the return of the vessel's logbooks and scientific data",
							"возвращения судовых журналов и научных данных"))),
			new Paragraph(List.of(new Phrase("We expect an answer on the merits, not silence.",
					"Мы ожидаем ответа по существу, а не молчания."))));

	private static final Phrase ACCESS_TITLE = new Phrase("Note requesting consular access to the Severyanka crew",
			"Нота с просьбой о консульском доступе к экипажу «Северянки»");

	private static final Phrase ACCESS_LEAD = new Phrase(
			"The Embassy has asked for consular access to the detained crew members. The count starts again with every reminder we send.",
			"Посольство запросило консульский доступ к задержанным членам экипажа. Отсчёт начинается заново с каждым нашим напоминанием.");

	private static final Phrase ACCESS_CAPTION = new Phrase(
			"days since our latest reminder about consular access — still no answer",
			"дней с момента нашего последнего напоминания о консульском доступе — ответа по-прежнему нет");

	private static final Phrase REMINDER_TITLE = new Phrase(
			"The Embassy repeats its request for consular access to the Severyanka crew",
			"Посольство повторно запросило консульский доступ к экипажу «Северянки»");

	private static final Phrase REMINDER_LEAD = new Phrase(
			"This is the latest of the reminders sent since the crew was detained.",
			"Это очередное напоминание с момента задержания экипажа.");

	private static final Phrase CLOSURE_TITLE = new Phrase("Honorary Consulate in Leeds closes",
			"Почётное консульство в Лидсе закрыто");

	private static final Phrase CLOSURE_LEAD = new Phrase(
			"The Honorary Consulate in Leeds has suspended its work after the lease of its premises was terminated. Residents of the region may apply to the Consular Section in London.",
			"Почётное консульство в Лидсе приостановило работу после расторжения договора аренды помещения. Жители региона могут обращаться в консульский отдел в Лондоне.");

	private static final Phrase CLOSURE_CAPTION = new Phrase("days the Honorary Consulate in Leeds stayed closed",
			"дней Почётное консульство в Лидсе оставалось закрытым");

	private static final Phrase REOPENING_TITLE = new Phrase("Honorary Consulate in Leeds reopens",
			"Почётное консульство в Лидсе возобновило работу");

	private static final Phrase REOPENING_LEAD = new Phrase(
			"The consulate receives visitors in its new premises on Wednesdays and Fridays.",
			"Консульство принимает посетителей в новом помещении по средам и пятницам.");

	private static final Phrase CENTENARY_TITLE = new Phrase(
			"Centenary of diplomatic relations between Arvenia and the United Kingdom",
			"100-летие установления дипломатических отношений между Арвенией и Соединённым Королевством");

	private static final Phrase CENTENARY_LEAD = new Phrase(
			"The anniversary will be marked with concerts, exhibitions and a conference of historians in both capitals.",
			"Юбилей будет отмечен концертами, выставками и конференцией историков в обеих столицах.");

	private static final Phrase CENTENARY_CAPTION = new Phrase(
			"days remain until the centenary of diplomatic relations",
			"дней осталось до 100-летия установления дипломатических отношений");

	private final Ids ids;

	private final LocalDate incident;

	private final LocalDate accessRequested;

	private final LocalDate lastReminder;

	private final LocalDate closure;

	private final LocalDate reopening;

	private final LocalDate centenary;

	Counters(Dice dice, Ids ids, LocalDate from, LocalDate until) {
		this.ids = ids;
		int span = (int) ChronoUnit.DAYS.between(from, until);
		this.incident = from.plusDays(dice.between(span / 20, span / 6));
		this.accessRequested = this.incident.plusDays(2);
		this.lastReminder = this.accessRequested.plusDays(dice.between(span / 10, span / 5));
		this.closure = from.plusDays(dice.between(span / 4, span / 3));
		this.reopening = this.closure.plusDays(dice.between(span / 15, span / 8));
		this.centenary = LocalDate.of(until.getYear() + 1, 3, 18);
	}

	/** The lines of the counters' story that fall on this date. */
	List<Object> on(LocalDate date) {
		List<Object> lines = new ArrayList<>();
		if (date.equals(this.incident)) {
			String statementId = this.ids.claim(this.incident + "-statement-harwick-point");
			for (Language language : Language.values()) {
				Slots slots = new Slots(language);
				lines.add(new ArticleLine(statementId, language.tag(), ArticleKind.STATEMENT,
						slots.sentence(STATEMENT_TITLE), slots.sentence(STATEMENT_LEAD),
						Body.html(STATEMENT_BODY, slots), null,
						ImportLines.dateTime(date.atTime(LocalTime.of(17, 40))
							.atZone(ZoneId.of(Vocabulary.LONDON_ZONE))
							.toOffsetDateTime()),
						Vocabulary.LONDON_ZONE, Vocabulary.LONDON.name().in(language),
						List.of(Vocabulary.SPOKESPERSON.name().in(language)),
						List.of(Subjects.CONSULAR.tag().in(language), Subjects.LAW.tag().in(language)), null, null));
			}
			lines.addAll(event("incident-off-harwick-point", date, INCIDENT_TITLE, INCIDENT_LEAD, statementId,
					INCIDENT_CAPTION, Direction.SINCE, null, null, List.of(100, 365, 500, 1000, 1500, 2000), true));
		}
		if (date.equals(this.accessRequested)) {
			lines.addAll(event("consular-access-request", date, ACCESS_TITLE, ACCESS_LEAD, null, ACCESS_CAPTION,
					Direction.SINCE, this.lastReminder, null, null, false));
		}
		if (date.equals(this.lastReminder)) {
			lines.addAll(event("consular-access-reminder", date, REMINDER_TITLE, REMINDER_LEAD, null, null, null, null,
					null, null, false));
		}
		if (date.equals(this.closure)) {
			lines.addAll(event("honorary-consulate-leeds-closed", date, CLOSURE_TITLE, CLOSURE_LEAD, null,
					CLOSURE_CAPTION, Direction.SINCE, null, this.reopening, List.of(100, 200), false));
		}
		if (date.equals(this.reopening)) {
			lines.addAll(event("honorary-consulate-leeds-reopened", date, REOPENING_TITLE, REOPENING_LEAD, null, null,
					null, null, null, null, false));
		}
		return lines;
	}

	/** The counter that counts down to a date after the catalog's last day. */
	List<Object> afterwards() {
		return new ArrayList<>(event("centenary-of-diplomatic-relations", this.centenary, CENTENARY_TITLE,
				CENTENARY_LEAD, null, CENTENARY_CAPTION, Direction.UNTIL, null, null, List.of(365, 100, 30, 7), false));
	}

	private List<EventLine> event(String name, LocalDate date, Phrase title, Phrase lead,
			@Nullable String relatedArticleId, @Nullable Phrase caption, @Nullable Direction direction,
			@Nullable LocalDate countFrom, @Nullable LocalDate stoppedOn, @Nullable List<Integer> milestones,
			boolean anniversaries) {
		String id = this.ids.claim(date + "-" + name);
		List<EventLine> lines = new ArrayList<>();
		for (Language language : Language.values()) {
			Counter counter = (caption != null && direction != null) ? new Counter(caption.in(language),
					Vocabulary.LONDON_ZONE, direction, (countFrom != null) ? countFrom.toString() : null,
					(stoppedOn != null) ? stoppedOn.toString() : null, milestones, anniversaries) : null;
			lines.add(new EventLine(id, language.tag(), date.toString(), Vocabulary.LONDON_ZONE, title.in(language),
					lead.in(language), relatedArticleId, counter));
		}
		return lines;
	}

}
