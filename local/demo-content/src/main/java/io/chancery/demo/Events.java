package io.chancery.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.chancery.contracts.ArticleKind;
import io.chancery.demo.Articles.Story;
import io.chancery.demo.ImportLines.EventLine;
import io.chancery.demo.Subjects.Topic;
import io.chancery.demo.Vocabulary.Official;
import io.chancery.demo.Vocabulary.Place;
import org.jspecify.annotations.Nullable;

/**
 * Writes the dated events of the "Latest events" list: the embassy's own occasions, the
 * yearly ones, and events that point to the speech or interview covering them.
 */
final class Events {

	/**
	 * A kind of occasion.
	 *
	 * @param key the id part of events of this kind
	 * @param title the headline template
	 * @param lead the list text template
	 */
	private record Happening(String key, Phrase title, Phrase lead) {
	}

	private static final List<Official> HOSTS = List.of(Vocabulary.AMBASSADOR, Vocabulary.AMBASSADOR,
			Vocabulary.AMBASSADOR, Vocabulary.MINISTER_COUNSELLOR);

	private static final List<Happening> HAPPENINGS = List.of(new Happening("consular-outreach",
			new Phrase("Consular outreach day {in.city}", "Выездной консульский приём {in.city}"),
			new Phrase(
					"Staff of the Consular Section receive applications for passports and certificates {in.city}; appointments are required.",
					"Сотрудники консульского отдела принимают заявления на оформление паспортов и справок {in.city}; необходима предварительная запись.")),
			new Happening("meeting",
					new Phrase("{who} met {counterpart}", "{who} [встретился|встретилась] с {counterpart}"),
					new Phrase("The conversation covered {topic} and the plans for the coming months.",
							"В ходе беседы обсуждались вопросы {topic.gen} и планы на ближайшие месяцы.")),
			new Happening("exhibition",
					new Phrase("Exhibition “{exhibit}” opens at the Embassy",
							"В Посольстве открылась выставка «{exhibit}»"),
					new Phrase(
							"The exhibition is open to visitors on weekdays until the end of the month; admission is free.",
							"Выставка открыта для посетителей по будним дням до конца месяца, вход свободный.")),
			new Happening("concert",
					new Phrase("Arvensk Chamber Orchestra in concert {in.city}",
							"Концерт Арвенского камерного оркестра {in.city}"),
					new Phrase("The programme featured works by Arvenian composers of the twentieth century.",
							"В программе прозвучали произведения арвенских композиторов XX века.")),
			new Happening("film-evening",
					new Phrase("Arvenian film evening: “{film}”", "Вечер арвенского кино: «{film}»"),
					new Phrase("The screening at the Embassy was followed by a conversation with the director.",
							"После показа в Посольстве состоялась беседа с режиссёром.")),
			new Happening("visit", new Phrase("{who} visits {city}", "Визит {whose} в {city}"), new Phrase(
					"The programme includes meetings with the local authorities, universities and the Arvenian community.",
					"Программа визита включает встречи с представителями местных властей, университетов и арвенской общины.")),
			new Happening("briefing", new Phrase("Press briefing by {who}", "Брифинг {whose}"),
					new Phrase("{who} answered journalists' questions on {topic}.",
							"{who} [ответил|ответила] на вопросы журналистов {topic.about}.")),
			new Happening("lecture",
					new Phrase("Lecture on {topic} at the Embassy", "Лекция {topic.about} в Посольстве"),
					new Phrase("Historians and diplomats discussed {topic} with an audience of students.",
							"Историки и дипломаты обсудили со студентами вопросы {topic.gen}.")),
			new Happening("language-courses",
					new Phrase("Enrolment opens for Arvenian language courses",
							"Открыта запись на курсы арвенского языка"),
					new Phrase(
							"Courses for beginners and advanced learners start next month at the Embassy's cultural centre.",
							"Занятия для начинающих и продолжающих начнутся в следующем месяце в культурном центре Посольства.")));

	private static final Happening NATIONAL_DAY = new Happening("national-day-reception",
			new Phrase("Reception marking the National Day of Arvenia", "Приём по случаю Национального дня Арвении"),
			new Phrase("Guests from political, business and cultural circles attended the reception at the Embassy.",
					"На приёме в Посольстве присутствовали представители политических, деловых и культурных кругов."));

	private static final Happening REMEMBRANCE = new Happening("seafarers-remembrance",
			new Phrase("{who} laid a wreath at the Seafarers' Memorial",
					"{who} [возложил|возложила] венок к Мемориалу мореходам"),
			new Phrase(
					"Embassy staff, veterans' families and members of the community honoured the memory of the sailors lost in the northern seas.",
					"Сотрудники Посольства, семьи ветеранов и представители общины почтили память моряков, погибших в северных морях."));

	private static final Happening NEW_YEAR = new Happening("new-year-reception",
			new Phrase("New Year reception for compatriots", "Новогодний приём для соотечественников"),
			new Phrase("Children of Embassy staff and community families performed at a festive concert.",
					"Дети сотрудников Посольства и семей соотечественников выступили на праздничном концерте."));

	private static final Phrase SPOKE = new Phrase("{who} spoke {occasion}", "{who} [выступил|выступила] {occasion}");

	private static final Phrase SPEECH_PUBLISHED = new Phrase(
			"The full text of the speech is published in the Speeches section.",
			"Полный текст выступления опубликован в разделе «Выступления».");

	private static final Phrase GAVE_INTERVIEW = new Phrase("{who} gave an interview to {outlet}",
			"{who} [дал|дала] интервью {outlet}");

	private static final Phrase INTERVIEW_PUBLISHED = new Phrase("The interview is published in full on this website.",
			"Полный текст интервью опубликован на сайте.");

	private final Dice dice;

	private final Ids ids;

	Events(Dice dice, Ids ids) {
		this.dice = dice;
		this.ids = ids;
	}

	/** One of the embassy's ordinary occasions. */
	List<EventLine> occasion(LocalDate date, List<Language> languages) {
		return write(date, this.dice.pick(HAPPENINGS), languages, null);
	}

	/** The occasions that come back every year on the same date, or none. */
	List<EventLine> yearly(LocalDate date, @Nullable String relatedArticleId) {
		Happening happening = switch (date.getMonthValue() * 100 + date.getDayOfMonth()) {
			case 524 -> NATIONAL_DAY;
			case 909 -> REMEMBRANCE;
			case 1218 -> NEW_YEAR;
			default -> null;
		};
		return (happening != null) ? write(date, happening, List.of(Language.values()), relatedArticleId) : List.of();
	}

	static boolean isNationalDay(LocalDate date) {
		return date.getMonthValue() == 5 && date.getDayOfMonth() == 24;
	}

	/** The event that points to a speech or an interview, in the same languages. */
	List<EventLine> about(Story story) {
		boolean speech = story.kind() == ArticleKind.SPEECH;
		String id = this.ids.claim(story.id() + "-event");
		List<EventLine> lines = new ArrayList<>();
		for (Language language : story.languages()) {
			Slots slots = new Slots(language);
			if (story.speaker() != null) {
				story.speaker().fill(slots);
			}
			if (story.occasion() != null) {
				slots.put("occasion", story.occasion().at());
			}
			if (story.outlet() != null) {
				story.outlet().fill(slots);
			}
			lines.add(new EventLine(id, language.tag(), story.date().toString(), story.place().timeZone(),
					slots.sentence(speech ? SPOKE : GAVE_INTERVIEW),
					slots.sentence(speech ? SPEECH_PUBLISHED : INTERVIEW_PUBLISHED), story.id(), null));
		}
		return lines;
	}

	private List<EventLine> write(LocalDate date, Happening happening, List<Language> languages,
			@Nullable String relatedArticleId) {
		Official host = this.dice.pick(HOSTS);
		Place city = this.dice.pick(Vocabulary.REGIONS);
		Topic topic = this.dice.pick(Subjects.TOPICS);
		Phrase counterpart = this.dice.pick(Vocabulary.COUNTERPARTS);
		Phrase exhibit = this.dice.pick(Vocabulary.EXHIBITIONS);
		Phrase film = this.dice.pick(Vocabulary.FILMS);
		String id = this.ids.claim(date + "-" + happening.key());
		List<EventLine> lines = new ArrayList<>();
		for (Language language : languages) {
			Slots slots = new Slots(language).put("counterpart", counterpart).put("exhibit", exhibit).put("film", film);
			host.fill(slots);
			city.fill(slots);
			topic.fill(slots);
			lines.add(new EventLine(id, language.tag(), date.toString(), Vocabulary.LONDON_ZONE,
					slots.sentence(happening.title()), slots.sentence(happening.lead()), relatedArticleId, null));
		}
		return lines;
	}

}
