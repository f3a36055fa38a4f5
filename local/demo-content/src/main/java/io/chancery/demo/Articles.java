package io.chancery.demo;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.chancery.contracts.ArticleKind;
import io.chancery.demo.Body.Block;
import io.chancery.demo.Body.Bullets;
import io.chancery.demo.Body.Exchange;
import io.chancery.demo.Body.Note;
import io.chancery.demo.Body.Paragraph;
import io.chancery.demo.ImportLines.ArticleLine;
import io.chancery.demo.ImportLines.Withdrawal;
import io.chancery.demo.Subjects.Issue;
import io.chancery.demo.Subjects.Topic;
import io.chancery.demo.Vocabulary.Occasion;
import io.chancery.demo.Vocabulary.Official;
import io.chancery.demo.Vocabulary.Outlet;
import io.chancery.demo.Vocabulary.Place;
import org.jspecify.annotations.Nullable;

/**
 * Writes speeches, interviews, opinion articles and statements. Every choice is drawn
 * once, then the text is written in each of the story's languages from the same choices.
 */
final class Articles {

	private static final List<Official> SPEAKERS = List.of(Vocabulary.AMBASSADOR, Vocabulary.AMBASSADOR,
			Vocabulary.AMBASSADOR, Vocabulary.MINISTER, Vocabulary.MINISTER_COUNSELLOR, Vocabulary.DEPUTY_MINISTER);

	private static final List<Official> INTERVIEWEES = List.of(Vocabulary.AMBASSADOR, Vocabulary.AMBASSADOR,
			Vocabulary.MINISTER, Vocabulary.SPOKESPERSON, Vocabulary.CONSUL);

	private static final List<Official> AUTHORS = List.of(Vocabulary.AMBASSADOR, Vocabulary.AMBASSADOR,
			Vocabulary.MINISTER, Vocabulary.MINISTER_COUNSELLOR);

	/** Who issues statements; null is the Embassy itself. */
	private static final List<@Nullable Official> STATEMENT_VOICES = Arrays.asList(null, null, Vocabulary.SPOKESPERSON,
			Vocabulary.SPOKESPERSON, Vocabulary.MINISTER, Vocabulary.CONSUL);

	private static final List<Topic> CONSULAR_TOPICS = List.of(Subjects.CONSULAR, Subjects.COMPATRIOTS);

	private static final List<Phrase> SPEECH_TITLES = List.of(
			new Phrase("Speech by {who} {occasion}", "Выступление {whose} {occasion}"),
			new Phrase("Remarks by {who} on {topic} {occasion}", "Выступление {whose} {topic.about} {occasion}"),
			new Phrase("{who}: “{headline}”", "{who}: «{headline}»"));

	private static final List<Phrase> SPEECH_LEADS = List.of(
			new Phrase("{who} spoke {occasion}, focusing on {topic}.",
					"{who} [выступил|выступила] {occasion}, уделив особое внимание теме {topic.gen}."),
			new Phrase("Speaking {occasion}, {who} set out Arvenia's view of {topic}.",
					"Выступая {occasion}, {who} [изложил|изложила] позицию Арвении по вопросам {topic.gen}."),
			new Phrase("{who} addressed the guests {occasion} and called for a calm conversation on {topic}.",
					"{who} [обратился|обратилась] к гостям {occasion} и [призвал|призвала] к спокойному разговору {topic.about}."));

	private static final List<Phrase> SALUTATIONS = List.of(
			new Phrase("Distinguished guests, dear friends,", "Уважаемые гости, дорогие друзья!"),
			new Phrase("Ladies and gentlemen,", "Дамы и господа!"),
			new Phrase("Dear colleagues,", "Уважаемые коллеги!"), new Phrase("Dear friends,", "Дорогие друзья!"));

	private static final List<Phrase> WELCOMES = List.of(
			new Phrase("It is a pleasure to be with you {occasion}.", "[Рад|Рада] приветствовать вас {occasion}."),
			new Phrase("Thank you for the invitation to speak {occasion}.",
					"Благодарю за приглашение выступить {occasion}."),
			new Phrase("I am grateful to the organisers for bringing us together today.",
					"Благодарю организаторов за то, что собрали нас сегодня."));

	private static final List<Phrase> SPEECH_CLOSINGS = List.of(
			new Phrase("Thank you for your attention.", "Благодарю за внимание."),
			new Phrase("I wish you all good health, peace and success.", "Желаю всем здоровья, мира и успехов."),
			new Phrase("Thank you, and I look forward to your questions.",
					"Спасибо, буду [рад|рада] ответить на ваши вопросы."));

	private static final List<Phrase> LIST_INTRODUCTIONS = List.of(
			new Phrase("Let me name three priorities:", "Позвольте назвать три приоритета:"),
			new Phrase("Three things matter most:", "Важнее всего три вещи:"),
			new Phrase("Our proposals are simple:", "Наши предложения просты:"));

	private static final List<Phrase> INTERVIEW_TITLES = List.of(
			new Phrase("{who}'s interview with {outlet}", "Интервью {whose} {outlet}"),
			new Phrase("{who} on {topic}: interview with {outlet}", "{who} {topic.about}: интервью {outlet}"),
			new Phrase("{who} answers questions from {outlet}", "{who} отвечает на вопросы {outlet.gen}"));

	private static final List<Phrase> INTERVIEW_LEADS = List.of(new Phrase(
			"{who} told {outlet} about {topic} and answered questions on current bilateral issues.",
			"{who} [рассказал|рассказала] {outlet} {topic.about} и [ответил|ответила] на вопросы о текущей двусторонней повестке."),
			new Phrase("{who} gave an interview to {outlet}, speaking about {topic} and the plans for the coming year.",
					"{who} [дал|дала] интервью {outlet}, в котором [рассказал|рассказала] {topic.about} и о планах на предстоящий год."));

	private static final List<Phrase> QUESTIONS = List.of(
			new Phrase("How would you describe the situation in the field of {topic} today?",
					"Как вы оцениваете сегодняшнее положение дел в сфере {topic.gen}?"),
			new Phrase("What is the Embassy doing in this area?", "Что делает Посольство в этой области?"),
			new Phrase("Many of our readers ask about {topic}. What would you tell them?",
					"Многих наших читателей интересуют вопросы {topic.gen}. Что бы вы им ответили?"),
			new Phrase("Are you optimistic about the coming year?", "Смотрите ли вы в предстоящий год с оптимизмом?"),
			new Phrase("What would you like to say to our audience?", "Что бы вы хотели сказать нашей аудитории?"),
			new Phrase("Critics say that dialogue is pointless at the moment. Do you agree?",
					"Критики говорят, что сейчас диалог бессмыслен. Вы согласны?"));

	private static final List<Phrase> OPINION_TITLES = List.of(new Phrase("{who}: “{headline}”", "{who}: «{headline}»"),
			new Phrase("“{headline}”: an article by {who} for {outlet}",
					"«{headline}»: статья {whose} для {outlet.gen}"),
			new Phrase("Article by {who} on {topic} for {outlet}", "Статья {whose} {topic.about} для {outlet.gen}"));

	private static final List<Phrase> OPINION_LEADS = List.of(
			new Phrase("In an article for {outlet}, {who} argues that {topic} deserves a calm and honest conversation.",
					"В статье для {outlet.gen} {who} призывает к спокойному и честному разговору {topic.about}."),
			new Phrase("{who} writes for {outlet} about {topic} and about what both countries stand to lose.",
					"{who} пишет для {outlet.gen} {topic.about} и о том, что могут потерять обе страны."));

	private static final List<Phrase> OPINION_CLOSINGS = List.of(
			new Phrase("The choice between dialogue and estrangement is still ours to make.",
					"Выбор между диалогом и отчуждением по-прежнему за нами."),
			new Phrase("History will judge us by what we built, not by what we broke.",
					"История будет судить нас по тому, что мы построили, а не по тому, что разрушили."),
			new Phrase("It is not too late to change course.", "Изменить курс ещё не поздно."));

	private static final List<Phrase> EMBASSY_STATEMENT_TITLES = List.of(
			new Phrase("Statement by the Embassy on {issue}", "Заявление Посольства {issue.about}"),
			new Phrase("Embassy statement regarding {issue}", "Заявление Посольства по поводу {issue.gen}"));

	private static final List<Phrase> STATEMENT_TITLES = List.of(
			new Phrase("Statement by {who} on {issue}", "Заявление {whose} {issue.about}"),
			new Phrase("Comment by {who} on {issue}", "Комментарий {whose} {issue.about}"));

	private static final List<Phrase> EMBASSY_STATEMENT_LEADS = List.of(
			new Phrase("The Embassy sets out its position on {issue}.",
					"Посольство излагает свою позицию по поводу {issue.gen}."),
			new Phrase("Journalists have asked the Embassy about {issue}; our answer follows.",
					"В Посольство поступают вопросы журналистов {issue.about}; публикуем наш ответ."));

	private static final List<Phrase> STATEMENT_LEADS = List.of(
			new Phrase("{who} answered a media question about {issue}.",
					"{who} [ответил|ответила] на вопрос СМИ {issue.about}."),
			new Phrase("{who} commented on {issue}.", "{who} [высказался|высказалась] {issue.about}."));

	private static final List<Phrase> STATEMENT_OPENINGS = List.of(
			new Phrase("We have received questions about {issue}.", "К нам поступают вопросы {issue.about}."),
			new Phrase("We consider it necessary to comment on {issue}.",
					"Считаем необходимым прокомментировать ситуацию вокруг {issue.gen}."),
			new Phrase("Our attention has been drawn to {issue}.",
					"Наше внимание привлекла ситуация вокруг {issue.gen}."));

	private static final List<Phrase> STATEMENT_CLOSINGS = List.of(
			new Phrase("We expect an answer on the merits.", "Мы ожидаем ответа по существу."),
			new Phrase("The Embassy will continue to follow the matter closely.",
					"Посольство продолжит внимательно следить за развитием ситуации."),
			new Phrase("Arvenian citizens who need help may contact the Consular Section.",
					"Граждане Арвении, которым нужна помощь, могут обратиться в консульский отдел."));

	private static final Phrase CALL_FOR = new Phrase("We call for:", "Мы выступаем за:");

	private static final Phrase WITHDRAWAL_NOTE = new Phrase(
			"This statement has been withdrawn: a later statement on the same subject replaces it.",
			"Заявление отозвано: его заменяет более позднее заявление на ту же тему.");

	private final Dice dice;

	private final Ids ids;

	Articles(Dice dice, Ids ids) {
		this.dice = dice;
		this.ids = ids;
	}

	/**
	 * One published article with its translations, and what an event about it needs to
	 * know.
	 */
	record Story(String id, ArticleKind kind, LocalDate date, @Nullable Official speaker, @Nullable Occasion occasion,
			@Nullable Outlet outlet, Place place, List<Language> languages, List<ArticleLine> lines) {
	}

	Story write(ArticleKind kind, LocalDate date, List<Language> languages) {
		return switch (kind) {
			case SPEECH -> speech(date, this.dice.pick(SPEAKERS), this.dice.pick(Vocabulary.OCCASIONS),
					this.dice.pick(Subjects.TOPICS), languages);
			case INTERVIEW -> interview(date, languages);
			case ARTICLE -> opinion(date, languages);
			case STATEMENT -> statement(date, languages);
			default -> throw new IllegalArgumentException("The demo catalog writes no " + kind);
		};
	}

	Story speech(LocalDate date, Official speaker, Occasion occasion, Topic topic, List<Language> languages) {
		Phrase title = this.dice.pick(SPEECH_TITLES);
		Phrase lead = this.dice.pick(SPEECH_LEADS);
		Phrase headline = this.dice.pick(topic.headlines());
		List<Block> body = new ArrayList<>();
		body.add(new Paragraph(List.of(this.dice.pick(SALUTATIONS))));
		body.add(new Paragraph(List.of(this.dice.pick(WELCOMES))));
		body.addAll(discussion(topic, 2));
		if (this.dice.chance(0.5)) {
			body.add(new Bullets(this.dice.pick(LIST_INTRODUCTIONS), topic.points()));
		}
		body.add(new Paragraph(List.of(this.dice.pick(SPEECH_CLOSINGS))));
		OffsetDateTime delivered = at(date, this.dice.between(10, 17), occasion.place().timeZone());
		OffsetDateTime published = delivered.plusHours(this.dice.between(1, 4))
			.plusMinutes(5L * this.dice.between(0, 11));
		String id = this.ids.claim(date + "-speech-" + topic.key());
		List<Topic> tagged = tagged(topic);
		List<ArticleLine> lines = new ArrayList<>();
		for (Language language : languages) {
			Slots slots = slots(language, speaker, topic).put("occasion", occasion.at()).put("headline", headline);
			occasion.place().fill(slots);
			lines.add(new ArticleLine(id, language.tag(), ArticleKind.SPEECH, slots.sentence(title),
					slots.sentence(lead), Body.html(body, slots), ImportLines.dateTime(delivered),
					ImportLines.dateTime(published), occasion.place().timeZone(), occasion.place().name().in(language),
					List.of(speaker.name().in(language)), tags(tagged, language), null, null));
		}
		return new Story(id, ArticleKind.SPEECH, date, speaker, occasion, null, occasion.place(), languages, lines);
	}

	private Story interview(LocalDate date, List<Language> languages) {
		Official speaker = this.dice.pick(INTERVIEWEES);
		Topic topic = (speaker == Vocabulary.CONSUL) ? this.dice.pick(CONSULAR_TOPICS)
				: this.dice.pick(Subjects.TOPICS);
		Outlet outlet = this.dice.pick(Vocabulary.OUTLETS);
		Phrase title = this.dice.pick(INTERVIEW_TITLES);
		Phrase lead = this.dice.pick(INTERVIEW_LEADS);
		List<Block> body = new ArrayList<>();
		body.add(new Note(lead));
		for (Phrase question : this.dice.sample(QUESTIONS, this.dice.between(2, 4))) {
			body.add(new Exchange(question, sentences(topic, this.dice.between(2, 3))));
		}
		Place place = (speaker == Vocabulary.MINISTER) ? Vocabulary.ARVENSK : Vocabulary.LONDON;
		OffsetDateTime given = at(date.minusDays(this.dice.between(1, 3)), this.dice.between(10, 18), place.timeZone());
		OffsetDateTime published = at(date, this.dice.between(8, 20), place.timeZone());
		String id = this.ids.claim(date + "-interview-" + topic.key());
		String sourceUrl = this.dice.chance(0.6) ? sourceUrl(outlet, date, id) : null;
		List<Topic> tagged = tagged(topic);
		List<ArticleLine> lines = new ArrayList<>();
		for (Language language : languages) {
			Slots slots = slots(language, speaker, topic);
			outlet.fill(slots);
			lines.add(new ArticleLine(id, language.tag(), ArticleKind.INTERVIEW, slots.sentence(title),
					slots.sentence(lead), Body.html(body, slots), ImportLines.dateTime(given),
					ImportLines.dateTime(published), place.timeZone(), place.name().in(language),
					List.of(speaker.name().in(language)), tags(tagged, language), sourceUrl, null));
		}
		return new Story(id, ArticleKind.INTERVIEW, date, speaker, null, outlet, place, languages, lines);
	}

	private Story opinion(LocalDate date, List<Language> languages) {
		Official author = this.dice.pick(AUTHORS);
		Topic topic = this.dice.pick(Subjects.TOPICS);
		Outlet outlet = this.dice.pick(Vocabulary.OUTLETS.stream().filter(Outlet::print).toList());
		Phrase title = this.dice.pick(OPINION_TITLES);
		Phrase lead = this.dice.pick(OPINION_LEADS);
		Phrase headline = this.dice.pick(topic.headlines());
		List<Block> body = new ArrayList<>(discussion(topic, this.dice.between(2, 3)));
		if (this.dice.chance(0.5)) {
			body.add(new Bullets(this.dice.pick(LIST_INTRODUCTIONS), topic.points()));
		}
		body.add(new Paragraph(List.of(this.dice.pick(OPINION_CLOSINGS))));
		Place place = (author == Vocabulary.MINISTER) ? Vocabulary.ARVENSK : Vocabulary.LONDON;
		OffsetDateTime published = at(date, this.dice.between(7, 12), place.timeZone());
		String id = this.ids.claim(date + "-article-" + topic.key());
		String sourceUrl = this.dice.chance(0.7) ? sourceUrl(outlet, date, id) : null;
		List<Topic> tagged = tagged(topic);
		List<ArticleLine> lines = new ArrayList<>();
		for (Language language : languages) {
			Slots slots = slots(language, author, topic).put("headline", headline);
			outlet.fill(slots);
			lines.add(new ArticleLine(id, language.tag(), ArticleKind.ARTICLE, slots.sentence(title),
					slots.sentence(lead), Body.html(body, slots), null, ImportLines.dateTime(published),
					place.timeZone(), null, List.of(author.name().in(language)), tags(tagged, language), sourceUrl,
					null));
		}
		return new Story(id, ArticleKind.ARTICLE, date, author, null, outlet, place, languages, lines);
	}

	private Story statement(LocalDate date, List<Language> languages) {
		Official voice = this.dice.pick(STATEMENT_VOICES);
		Topic topic = (voice == Vocabulary.CONSUL) ? this.dice.pick(CONSULAR_TOPICS) : this.dice.pick(Subjects.TOPICS);
		Issue issue = this.dice.pick(topic.issues());
		Phrase title = this.dice.pick((voice != null) ? STATEMENT_TITLES : EMBASSY_STATEMENT_TITLES);
		Phrase lead = this.dice.pick((voice != null) ? STATEMENT_LEADS : EMBASSY_STATEMENT_LEADS);
		List<Block> body = new ArrayList<>();
		body.add(new Paragraph(List.of(this.dice.pick(STATEMENT_OPENINGS))));
		body.addAll(discussion(topic, this.dice.between(1, 2)));
		if (this.dice.chance(0.3)) {
			body.add(new Bullets(CALL_FOR, topic.points()));
		}
		body.add(new Paragraph(List.of(this.dice.pick(STATEMENT_CLOSINGS))));
		Place place = (voice == Vocabulary.MINISTER) ? Vocabulary.ARVENSK : Vocabulary.LONDON;
		OffsetDateTime published = at(date, this.dice.between(9, 21), place.timeZone());
		boolean withdrawn = this.dice.chance(0.01);
		String id = this.ids.claim(date + "-statement-" + topic.key());
		List<Topic> tagged = tagged(topic);
		List<ArticleLine> lines = new ArrayList<>();
		for (Language language : languages) {
			Slots slots = slots(language, voice, topic);
			issue.fill(slots);
			lines.add(new ArticleLine(id, language.tag(), ArticleKind.STATEMENT, slots.sentence(title),
					slots.sentence(lead), Body.html(body, slots), null, ImportLines.dateTime(published),
					place.timeZone(), place.name().in(language),
					(voice != null) ? List.of(voice.name().in(language)) : List.of(), tags(tagged, language), null,
					withdrawn ? new Withdrawal(WITHDRAWAL_NOTE.in(language)) : null));
		}
		return new Story(id, ArticleKind.STATEMENT, date, voice, null, null, place, languages, lines);
	}

	/**
	 * Paragraphs of two or three sentences: facts about the topic mixed with general
	 * ones.
	 */
	private List<Block> discussion(Topic topic, int paragraphs) {
		List<Phrase> specific = this.dice.sample(topic.sentences(), topic.sentences().size());
		List<Phrase> general = this.dice.sample(Vocabulary.GENERAL_SENTENCES, paragraphs);
		List<Block> blocks = new ArrayList<>(paragraphs);
		for (int i = 0; i < paragraphs; i++) {
			List<Phrase> sentences = new ArrayList<>();
			sentences.add(specific.get((2 * i) % specific.size()));
			if (this.dice.chance(0.6)) {
				sentences.add(specific.get((2 * i + 1) % specific.size()));
			}
			sentences.add(this.dice.chance(0.5) ? 0 : sentences.size(), general.get(i));
			blocks.add(new Paragraph(sentences));
		}
		return blocks;
	}

	private List<Phrase> sentences(Topic topic, int count) {
		List<Phrase> pool = new ArrayList<>(topic.sentences());
		pool.addAll(Vocabulary.GENERAL_SENTENCES);
		return this.dice.sample(pool, count);
	}

	/** The topic, and sometimes another one, to tag a story with. */
	private List<Topic> tagged(Topic topic) {
		Topic other = this.dice.pick(Subjects.TOPICS);
		return (this.dice.chance(0.35) && other != topic) ? List.of(topic, other) : List.of(topic);
	}

	private static List<String> tags(List<Topic> topics, Language language) {
		return topics.stream().map((topic) -> topic.tag().in(language)).toList();
	}

	private static Slots slots(Language language, @Nullable Official speaker, Topic topic) {
		Slots slots = new Slots(language);
		if (speaker != null) {
			speaker.fill(slots);
		}
		topic.fill(slots);
		return slots;
	}

	private OffsetDateTime at(LocalDate date, int hour, String zone) {
		return date.atTime(LocalTime.of(hour, 5 * this.dice.between(0, 11))).atZone(ZoneId.of(zone)).toOffsetDateTime();
	}

	private static String sourceUrl(Outlet outlet, LocalDate date, String id) {
		return "https://" + outlet.host() + "/" + date.toString().substring(0, 7).replace('-', '/') + "/" + id;
	}

}
