package io.chancery.demo;

import java.util.List;

/**
 * Everything the catalog says, invented for it: the Republic of Arvenia, its embassy in
 * London, its officials, the places, occasions and newspapers they appear in, and the
 * subjects they speak about. Russian nouns come in the cases the templates need.
 */
final class Vocabulary {

	static final String LONDON_ZONE = "Europe/London";

	/** Arvensk keeps Moscow time. */
	static final String CAPITAL_ZONE = "Europe/Moscow";

	static final Phrase INSTITUTION = new Phrase("Embassy of the Republic of Arvenia in the United Kingdom",
			"Посольство Республики Арвения в Соединённом Королевстве");

	private Vocabulary() {
	}

	/**
	 * An official of the embassy or the ministry.
	 *
	 * @param role the title before the name; in Russian, nominative
	 * @param ruRoleGenitive the Russian title in the genitive ("Посла")
	 * @param name the full name; in Russian, nominative
	 * @param ruNameGenitive the Russian name in the genitive
	 * @param female whether Russian verbs take the feminine past
	 */
	record Official(Phrase role, String ruRoleGenitive, Phrase name, String ruNameGenitive, boolean female) {

		void fill(Slots slots) {
			slots.female(this.female).put("name", this.name);
			if (slots.language() == Language.EN) {
				slots.put("who", this.role.en() + " " + this.name.en());
			}
			else {
				slots.put("who", this.role.ru() + " " + this.name.ru())
					.put("whose", this.ruRoleGenitive + " " + this.ruNameGenitive);
			}
		}

	}

	static final Official AMBASSADOR = new Official(new Phrase("Ambassador", "Посол"), "Посла",
			new Phrase("Arkady Veltrov", "Аркадий Вельтров"), "Аркадия Вельтрова", false);

	static final Official MINISTER = new Official(new Phrase("Foreign Minister", "Министр иностранных дел"),
			"Министра иностранных дел", new Phrase("Yelena Marvina", "Елена Марвина"), "Елены Марвиной", true);

	static final Official DEPUTY_MINISTER = new Official(
			new Phrase("Deputy Foreign Minister", "Заместитель Министра иностранных дел"),
			"Заместителя Министра иностранных дел", new Phrase("Grigory Ostrelin", "Григорий Острелин"),
			"Григория Острелина", false);

	static final Official MINISTER_COUNSELLOR = new Official(new Phrase("Minister-Counsellor", "Советник-посланник"),
			"Советника-посланника", new Phrase("Nadezhda Ilvina", "Надежда Ильвина"), "Надежды Ильвиной", true);

	static final Official SPOKESPERSON = new Official(new Phrase("Embassy spokesperson", "пресс-секретарь Посольства"),
			"пресс-секретаря Посольства", new Phrase("Oleg Tarnavin", "Олег Тарнавин"), "Олега Тарнавина", false);

	static final Official CONSUL = new Official(new Phrase("Consul", "Консул"), "Консула",
			new Phrase("Pavel Drozhin", "Павел Дрожин"), "Павла Дрожина", false);

	/**
	 * A city.
	 *
	 * @param name its name; in Russian, nominative
	 * @param ruIn "в …" with the Russian prepositional case
	 * @param timeZone the IANA zone its clocks keep
	 */
	record Place(Phrase name, String ruIn, String timeZone) {

		void fill(Slots slots) {
			slots.put("city", this.name)
				.put("in.city", (slots.language() == Language.EN) ? "in " + this.name.en() : this.ruIn);
		}

	}

	static final Place LONDON = new Place(new Phrase("London", "Лондон"), "в Лондоне", LONDON_ZONE);

	static final Place EDINBURGH = new Place(new Phrase("Edinburgh", "Эдинбург"), "в Эдинбурге", LONDON_ZONE);

	static final Place MANCHESTER = new Place(new Phrase("Manchester", "Манчестер"), "в Манчестере", LONDON_ZONE);

	static final Place CARDIFF = new Place(new Phrase("Cardiff", "Кардифф"), "в Кардиффе", LONDON_ZONE);

	static final Place BELFAST = new Place(new Phrase("Belfast", "Белфаст"), "в Белфасте", LONDON_ZONE);

	static final Place BIRMINGHAM = new Place(new Phrase("Birmingham", "Бирмингем"), "в Бирмингеме", LONDON_ZONE);

	static final Place GLASGOW = new Place(new Phrase("Glasgow", "Глазго"), "в Глазго", LONDON_ZONE);

	static final Place BRISTOL = new Place(new Phrase("Bristol", "Бристоль"), "в Бристоле", LONDON_ZONE);

	static final Place WESTBRIDGE = new Place(new Phrase("Westbridge", "Вестбридж"), "в Вестбридже", LONDON_ZONE);

	static final Place ARVENSK = new Place(new Phrase("Arvensk", "Арвенск"), "в Арвенске", CAPITAL_ZONE);

	static final Place GENEVA = new Place(new Phrase("Geneva", "Женева"), "в Женеве", "Europe/Zurich");

	/**
	 * Cities outside London the embassy travels to; their Russian names decline like
	 * "Лондон".
	 */
	static final List<Place> REGIONS = List.of(EDINBURGH, MANCHESTER, CARDIFF, BELFAST, BIRMINGHAM, GLASGOW, BRISTOL);

	/**
	 * Where a speech is given.
	 *
	 * @param at "at …" / "на …"
	 * @param place the city
	 */
	record Occasion(Phrase at, Place place) {
	}

	static final Occasion NATIONAL_DAY_RECEPTION = new Occasion(
			new Phrase("at the reception marking the National Day of Arvenia",
					"на приёме по случаю Национального дня Арвении"),
			LONDON);

	static final List<Occasion> OCCASIONS = List.of(
			new Occasion(new Phrase("at the opening of an exhibition of Arvenian graphic art",
					"на открытии выставки арвенской графики"), LONDON),
			new Occasion(new Phrase("at the Westbridge Forum on European Affairs",
					"на Вестбриджском форуме по европейским делам"), WESTBRIDGE),
			new Occasion(new Phrase("at a meeting with students of Northgate University",
					"на встрече со студентами Нортгейтского университета"), MANCHESTER),
			new Occasion(new Phrase("at a business breakfast of the Anglo-Arvenian Chamber of Commerce",
					"на деловом завтраке Англо-арвенской торговой палаты"), LONDON),
			new Occasion(new Phrase("at the annual conference of Arvenian compatriots",
					"на ежегодной конференции арвенских соотечественников"), BIRMINGHAM),
			new Occasion(new Phrase("at a concert of the Arvensk Chamber Orchestra",
					"на концерте Арвенского камерного оркестра"), EDINBURGH),
			new Occasion(new Phrase("at the festival of Arvenian cinema", "на фестивале арвенского кино"), LONDON),
			new Occasion(new Phrase("at a round table on the energy transition",
					"на круглом столе по энергетическому переходу"), LONDON),
			new Occasion(new Phrase("at a conference on international law", "на конференции по международному праву"),
					GENEVA),
			new Occasion(new Phrase("at a seminar for young diplomats", "на семинаре для молодых дипломатов"), ARVENSK),
			new Occasion(new Phrase("at a meeting with the Arvenian community of Scotland",
					"на встрече с арвенской общиной Шотландии"), GLASGOW),
			new Occasion(new Phrase("at the Northern Seas Research Symposium",
					"на симпозиуме по исследованиям северных морей"), BRISTOL),
			new Occasion(
					new Phrase("at a breakfast of the Foreign Press Club", "на завтраке в Клубе иностранной прессы"),
					LONDON));

	/**
	 * A newspaper, channel or agency.
	 *
	 * @param name its English name, with its article
	 * @param ruDative "газете «…»"
	 * @param ruGenitive "газеты «…»"
	 * @param host its (reserved, never resolving) web host
	 * @param print whether it publishes articles as well as interviews
	 */
	record Outlet(String name, String ruDative, String ruGenitive, String host, boolean print) {

		void fill(Slots slots) {
			if (slots.language() == Language.EN) {
				slots.put("outlet", this.name);
			}
			else {
				slots.put("outlet", this.ruDative).put("outlet.gen", this.ruGenitive);
			}
		}

	}

	static final List<Outlet> OUTLETS = List.of(
			new Outlet("the Northern Courier", "газете «Северный курьер»", "газеты «Северный курьер»",
					"northern-courier.example", true),
			new Outlet("Channel Meridian", "телеканалу «Меридиан»", "телеканала «Меридиан»", "meridian-tv.example",
					false),
			new Outlet("the Lantern Review", "журналу «Фонарь»", "журнала «Фонарь»", "lantern-review.example", true),
			new Outlet("Radio Estuary", "радиостанции «Эстуарий»", "радиостанции «Эстуарий»", "radio-estuary.example",
					false),
			new Outlet("the Arvenian news agency ANV", "информационному агентству АНВ", "информационного агентства АНВ",
					"anv-news.example", true),
			new Outlet("the Harbour Gazette", "газете «Харбор газетт»", "газеты «Харбор газетт»",
					"harbour-gazette.example", true));

	/** People the officials meet: English, and Russian in the instrumental ("с …"). */
	static final List<Phrase> COUNTERPARTS = List.of(
			new Phrase("the Chair of the Anglo-Arvenian Society", "председателем Англо-арвенского общества"),
			new Phrase("members of the All-Party Parliamentary Group on Arvenia",
					"членами межпартийной парламентской группы по Арвении"),
			new Phrase("representatives of the business community", "представителями деловых кругов"),
			new Phrase("heads of Arvenian community organisations", "руководителями организаций арвенской общины"),
			new Phrase("rectors of partner universities", "ректорами университетов-партнёров"),
			new Phrase("the editor-in-chief of the Northern Courier", "главным редактором газеты «Северный курьер»"),
			new Phrase("the Mayor of Westbridge", "мэром Вестбриджа"),
			new Phrase("veterans of the merchant fleet", "ветеранами торгового флота"));

	static final List<Phrase> EXHIBITIONS = List.of(
			new Phrase("Northern Light: Arvenian Landscape Painting", "Северный свет: арвенская пейзажная живопись"),
			new Phrase("Wooden Towns of the Arvenian North", "Деревянные города арвенского Севера"),
			new Phrase("A Century of Arvenian Posters", "Век арвенского плаката"),
			new Phrase("The Shipbuilders of Arvensk", "Корабелы Арвенска"),
			new Phrase("The Ceramics of Lake Ulma", "Керамика озера Ульма"));

	static final List<Phrase> FILMS = List.of(new Phrase("The Last Ferry", "Последний паром"),
			new Phrase("Salt and Birch", "Соль и берёза"), new Phrase("Winter Harbour", "Зимняя гавань"),
			new Phrase("The Lighthouse Keeper's Daughter", "Дочь смотрителя маяка"));

	static final List<Phrase> GENERAL_SENTENCES = List.of(
			new Phrase("Our countries have a long record of working together, including in the field of {topic}.",
					"У наших стран богатый опыт совместной работы, в том числе в сфере {topic.gen}."),
			new Phrase(
					"We are convinced that questions of {topic} are best settled through <em>direct and respectful dialogue</em>.",
					"Мы убеждены, что вопросы {topic.gen} лучше всего решать путём <em>прямого и уважительного диалога</em>."),
			new Phrase("The Embassy will continue to keep the public informed about {topic}.",
					"Посольство продолжит информировать общественность по вопросам {topic.gen}."),
			new Phrase("Attempts to politicise {topic} serve the interests of neither of our peoples.",
					"Попытки политизировать вопросы {topic.gen} не отвечают интересам ни одного из наших народов."),
			new Phrase("Much has been achieved in recent years, but much remains to be done.",
					"За последние годы многое сделано, но многое ещё предстоит сделать."),
			new Phrase("We are grateful to all our partners who keep these contacts alive in difficult times.",
					"Мы благодарны всем партнёрам, которые поддерживают эти контакты в непростое время."),
			new Phrase("Public debate should rest on facts, not on rumours.",
					"Общественная дискуссия должна опираться на факты, а не на слухи."),
			new Phrase(
					"Arvenia remains <strong>open to cooperation</strong> on the basis of equality and mutual respect.",
					"Арвения остаётся <strong>открытой для сотрудничества</strong> на основе равноправия и взаимного уважения."),
			new Phrase("Contacts between people are the foundation on which everything else is built.",
					"Контакты между людьми — это фундамент, на котором строится всё остальное."),
			new Phrase("We see lively interest in {topic} among students, entrepreneurs and ordinary citizens.",
					"Мы видим живой интерес к теме {topic.gen} со стороны студентов, предпринимателей и простых граждан."));

}
