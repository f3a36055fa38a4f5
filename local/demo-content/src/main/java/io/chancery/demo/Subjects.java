package io.chancery.demo;

import java.util.List;

/**
 * The subjects the catalog's institution speaks about, each with what it says on it, the
 * points it lists and the matters it takes positions on; Russian noun phrases in the
 * cases the templates need.
 */
final class Subjects {

	private Subjects() {
	}

	/**
	 * A matter the institution takes a position on.
	 *
	 * @param name English noun phrase; Russian "о …" with the prepositional case
	 * @param ruGenitive the Russian noun phrase in the genitive
	 */
	record Issue(Phrase name, String ruGenitive) {

		void fill(Slots slots) {
			if (slots.language() == Language.EN) {
				slots.put("issue", this.name.en());
			}
			else {
				slots.put("issue.about", this.name.ru()).put("issue.gen", this.ruGenitive);
			}
		}

	}

	/**
	 * A subject area.
	 *
	 * @param key the id part of articles on it
	 * @param name English noun phrase; Russian nominative
	 * @param ruGenitive the Russian genitive
	 * @param ruAbout Russian "о …" with the prepositional case
	 * @param tag its tag
	 * @param sentences statements of fact and position about it
	 * @param points short noun phrases for bulleted lists
	 * @param issues matters statements are issued on
	 * @param headlines headlines of opinion articles on it
	 */
	record Topic(String key, Phrase name, String ruGenitive, String ruAbout, Phrase tag, List<Phrase> sentences,
			List<Phrase> points, List<Issue> issues, List<Phrase> headlines) {

		void fill(Slots slots) {
			slots.put("topic", this.name);
			if (slots.language() == Language.RU) {
				slots.put("topic.gen", this.ruGenitive).put("topic.about", this.ruAbout);
			}
		}

	}

	static final Topic CULTURE = new Topic("culture", new Phrase("cultural cooperation", "культурное сотрудничество"),
			"культурного сотрудничества", "о культурном сотрудничестве", new Phrase("culture", "культура"),
			List.of(new Phrase(
					"Arvenian theatres and orchestras have performed in Britain for more than half a century.",
					"Арвенские театры и оркестры выступают в Великобритании уже более полувека."),
					new Phrase(
							"Last season alone, more than twenty exhibitions of Arvenian artists were shown in British galleries.",
							"Только за прошлый сезон в британских галереях прошло более двадцати выставок арвенских художников."),
					new Phrase(
							"Translation programmes have brought dozens of Arvenian novels to English-speaking readers.",
							"Благодаря программам перевода десятки арвенских романов стали доступны англоязычным читателям."),
					new Phrase(
							"Culture speaks where politics falls silent, and we intend to keep that conversation going.",
							"Культура говорит там, где молчит политика, и мы намерены продолжать этот разговор.")),
			List.of(new Phrase("tours of theatre and music companies",
					"гастроли театральных и музыкальных коллективов"),
					new Phrase("joint exhibitions of museums and galleries", "совместные выставки музеев и галерей"),
					new Phrase("support for literary translation", "поддержка литературного перевода")),
			List.of(new Issue(
					new Phrase("the cancellation of the Arvenian Film Week in Westbridge",
							"об отмене Недели арвенского кино в Вестбридже"),
					"отмены Недели арвенского кино в Вестбридже"),
					new Issue(
							new Phrase("the refusal of visas to the Arvensk Chamber Orchestra",
									"об отказе в визах Арвенскому камерному оркестру"),
							"отказа в визах Арвенскому камерному оркестру")),
			List.of(new Phrase("Culture must remain a bridge, not a battlefield",
					"Культура должна оставаться мостом, а не полем битвы"),
					new Phrase("What an orchestra can do that diplomats cannot",
							"Что может оркестр и чего не могут дипломаты")));

	static final Topic TRADE = new Topic("trade", new Phrase("trade and investment", "торговля и инвестиции"),
			"торговли и инвестиций", "о торговле и инвестициях", new Phrase("trade", "экономика"),
			List.of(new Phrase(
					"Trade between our countries has weathered many storms, and businesses on both sides want it to grow.",
					"Торговля между нашими странами пережила немало бурь, и деловые круги обеих сторон хотят её развития."),
					new Phrase(
							"Arvenian timber, fertilisers and software remain in steady demand on the British market.",
							"Арвенская древесина, удобрения и программное обеспечение пользуются устойчивым спросом на британском рынке."),
					new Phrase(
							"Dozens of British companies continue to work in Arvenia and value its skilled workforce.",
							"Десятки британских компаний продолжают работать в Арвении и ценят её квалифицированные кадры."),
					new Phrase("Restrictions imposed for political reasons hurt ordinary consumers first of all.",
							"Ограничения, введённые по политическим мотивам, бьют прежде всего по простым потребителям.")),
			List.of(new Phrase("predictable rules for investors", "предсказуемые правила для инвесторов"),
					new Phrase("direct contacts between chambers of commerce",
							"прямые контакты между торговыми палатами"),
					new Phrase("fair access to each other's markets", "справедливый доступ на рынки друг друга")),
			List.of(new Issue(
					new Phrase("the new restrictions on imports of Arvenian timber",
							"о новых ограничениях на ввоз арвенской древесины"),
					"новых ограничений на ввоз арвенской древесины"),
					new Issue(
							new Phrase("the freezing of accounts of Arvenian companies",
									"о замораживании счетов арвенских компаний"),
							"замораживания счетов арвенских компаний")),
			List.of(new Phrase("Trade is not a favour but a mutual interest",
					"Торговля — не одолжение, а взаимный интерес"),
					new Phrase("Why sanctions miss their target", "Почему санкции бьют мимо цели")));

	static final Topic CONSULAR = new Topic("consular", new Phrase("consular services", "консульское обслуживание"),
			"консульского обслуживания", "о консульском обслуживании", new Phrase("consular", "консульские вопросы"),
			List.of(new Phrase("The Consular Section handled more than twelve thousand applications last year.",
					"В прошлом году консульский отдел рассмотрел более двенадцати тысяч заявлений."),
					new Phrase("Appointments can now be booked online, and waiting times have fallen considerably.",
							"Теперь записаться на приём можно онлайн, и время ожидания заметно сократилось."),
					new Phrase(
							"Citizens travelling abroad are advised to check the validity of their passports well in advance.",
							"Гражданам, выезжающим за рубеж, рекомендуется заблаговременно проверить срок действия паспортов."),
					new Phrase("Outreach visits allow us to serve compatriots who live far from London.",
							"Выездные приёмы позволяют обслуживать соотечественников, живущих вдали от Лондона.")),
			List.of(new Phrase("online booking of appointments", "онлайн-запись на приём"),
					new Phrase("regular outreach visits to the regions", "регулярные выездные приёмы в регионах"),
					new Phrase("a round-the-clock emergency line", "круглосуточная линия для экстренных случаев")),
			List.of(new Issue(
					new Phrase("the delays in issuing visas to Embassy staff",
							"о задержках с выдачей виз сотрудникам Посольства"),
					"задержек с выдачей виз сотрудникам Посольства"),
					new Issue(
							new Phrase("the detention of an Arvenian citizen at a British airport",
									"о задержании гражданина Арвении в британском аэропорту"),
							"задержания гражданина Арвении в британском аэропорту")),
			List.of(new Phrase("A consular window is a place of diplomacy too",
					"Консульское окно — тоже место дипломатии"),
					new Phrase("Behind every application there is a human story",
							"За каждым заявлением — человеческая история")));

	static final Topic ENERGY = new Topic("energy", new Phrase("energy security", "энергетическая безопасность"),
			"энергетической безопасности", "об энергетической безопасности", new Phrase("energy", "энергетика"),
			List.of(new Phrase("Reliable energy supplies are a shared interest, not a weapon.",
					"Надёжные поставки энергоносителей — общий интерес, а не оружие."),
					new Phrase("Arvenian engineers have helped to build wind farms on both shores of the North Sea.",
							"Арвенские инженеры участвовали в строительстве ветровых электростанций на обоих берегах Северного моря."),
					new Phrase("Long-term contracts have always served consumers better than short-term speculation.",
							"Долгосрочные контракты всегда служили потребителям лучше, чем краткосрочные спекуляции."),
					new Phrase(
							"The energy transition will only succeed if it is fair to producers and consumers alike.",
							"Энергетический переход удастся лишь в том случае, если он будет справедлив и к производителям, и к потребителям.")),
			List.of(new Phrase("long-term supply contracts", "долгосрочные контракты на поставку"),
					new Phrase("joint research in renewable energy",
							"совместные исследования в области возобновляемой энергетики"),
					new Phrase("transparent pricing", "прозрачное ценообразование")),
			List.of(new Issue(
					new Phrase("the rumours of interruptions in gas supplies", "о слухах о перебоях в поставках газа"),
					"слухов о перебоях в поставках газа"),
					new Issue(
							new Phrase("the suspension of the Arvenian-British energy dialogue",
									"о приостановке арвенско-британского энергетического диалога"),
							"приостановки арвенско-британского энергетического диалога")),
			List.of(new Phrase("Energy should warm homes, not fuel confrontation",
					"Энергия должна согревать дома, а не разжигать противостояние"),
					new Phrase("The North Sea connects more than it divides",
							"Северное море больше соединяет, чем разделяет")));

	static final Topic EDUCATION = new Topic("education",
			new Phrase("education and student exchange", "образование и студенческие обмены"),
			"образования и студенческих обменов", "об образовании и студенческих обменах",
			new Phrase("education", "образование"),
			List.of(new Phrase("Hundreds of British students learn the Arvenian language every year.",
					"Сотни британских студентов ежегодно изучают арвенский язык."),
					new Phrase("Our universities have signed more than forty partnership agreements.",
							"Наши университеты подписали более сорока соглашений о партнёрстве."),
					new Phrase("Scholarships of the Arvenian government remain open to British applicants.",
							"Стипендии правительства Арвении по-прежнему доступны британским абитуриентам."),
					new Phrase(
							"Young people who have studied in each other's countries become the best go-betweens for our societies.",
							"Молодые люди, учившиеся в наших странах, становятся лучшими посредниками между нашими обществами.")),
			List.of(new Phrase("government scholarships", "государственные стипендии"),
					new Phrase("summer language schools", "летние языковые школы"),
					new Phrase("joint degree programmes", "совместные образовательные программы")),
			List.of(new Issue(
					new Phrase("the suspension of exchange programmes with Arvenian universities",
							"о приостановке программ обмена с арвенскими университетами"),
					"приостановки программ обмена с арвенскими университетами"),
					new Issue(
							new Phrase("the refusals of student visas to Arvenian applicants",
									"об отказах в студенческих визах арвенским абитуриентам"),
							"отказов в студенческих визах арвенским абитуриентам")),
			List.of(new Phrase("Students are our best ambassadors", "Студенты — наши лучшие послы"),
					new Phrase("Closing classrooms never made anyone safer",
							"Закрытые аудитории ещё никого не сделали безопаснее")));

	static final Topic SECURITY = new Topic("security", new Phrase("European security", "европейская безопасность"),
			"европейской безопасности", "о европейской безопасности", new Phrase("security", "безопасность"),
			List.of(new Phrase(
					"Security in Europe can only be indivisible: no state can strengthen its own at the expense of others.",
					"Безопасность в Европе может быть только неделимой: ни одно государство не может укреплять свою за счёт других."),
					new Phrase("Arvenia has repeatedly proposed resuming dialogue on confidence-building measures.",
							"Арвения неоднократно предлагала возобновить диалог о мерах укрепления доверия."),
					new Phrase("Military activity near our borders is a cause of legitimate concern.",
							"Военная активность вблизи наших границ вызывает обоснованную озабоченность."),
					new Phrase(
							"Arms control agreements have served the continent well and should not be abandoned lightly.",
							"Соглашения о контроле над вооружениями хорошо послужили континенту, и отказываться от них легкомысленно нельзя.")),
			List.of(new Phrase("resumed contacts between the military", "возобновление контактов между военными"),
					new Phrase("advance notice of large exercises", "заблаговременное уведомление о крупных учениях"),
					new Phrase("respect for existing arms control agreements",
							"соблюдение действующих соглашений о контроле над вооружениями")),
			List.of(new Issue(new Phrase("the military exercises near the Arvenian border",
					"о военных учениях вблизи границы Арвении"), "военных учений вблизи границы Арвении"),
					new Issue(
							new Phrase("the press allegations of Arvenian interference",
									"об опубликованных в прессе обвинениях во вмешательстве Арвении"),
							"опубликованных в прессе обвинений во вмешательстве Арвении")),
			List.of(new Phrase("Security cannot be built against one another",
					"Безопасность нельзя строить друг против друга"),
					new Phrase("Dialogue is not a concession", "Диалог — не уступка")));

	static final Topic HISTORY = new Topic("history", new Phrase("historical memory", "историческая память"),
			"исторической памяти", "об исторической памяти", new Phrase("history", "история"),
			List.of(new Phrase("Sailors of our two nations once fought side by side in the northern seas.",
					"Когда-то моряки двух наших народов сражались плечом к плечу в северных морях."),
					new Phrase("The graves of those sailors are cared for by volunteers in both countries.",
							"За могилами этих моряков ухаживают добровольцы в обеих странах."),
					new Phrase("Rewriting history to suit today's politics dishonours the dead.",
							"Переписывать историю в угоду сегодняшней политике — значит оскорблять память павших."),
					new Phrase(
							"The Embassy is grateful to the families who keep the letters and photographs of those years.",
							"Посольство благодарно семьям, которые хранят письма и фотографии тех лет.")),
			List.of(new Phrase("care for memorials and graves", "уход за мемориалами и захоронениями"),
					new Phrase("open access to archives", "открытый доступ к архивам"),
					new Phrase("school projects on our shared history", "школьные проекты по общей истории")),
			List.of(new Issue(
					new Phrase("the removal of the memorial plaque in Westbridge",
							"о демонтаже мемориальной доски в Вестбридже"),
					"демонтажа мемориальной доски в Вестбридже"),
					new Issue(
							new Phrase("a documentary that distorts the history of the war at sea",
									"о документальном фильме, искажающем историю войны на море"),
							"документального фильма, искажающего историю войны на море")),
			List.of(new Phrase("Memory is not a political instrument", "Память — не политический инструмент"),
					new Phrase("What the northern seas remember", "О чём помнят северные моря")));

	static final Topic MEDIA = new Topic("media", new Phrase("freedom of the media", "свобода СМИ"), "свободы СМИ",
			"о свободе СМИ", new Phrase("media", "СМИ"),
			List.of(new Phrase("Journalists must be able to work freely, whatever passport they hold.",
					"Журналисты должны иметь возможность свободно работать, какой бы паспорт у них ни был."),
					new Phrase("Arvenian correspondents in London face growing obstacles in their work.",
							"Арвенские корреспонденты в Лондоне сталкиваются со всё новыми препятствиями в работе."),
					new Phrase("We do not ask anyone to agree with us, only to let our point of view be heard.",
							"Мы ни от кого не требуем соглашаться с нами — лишь дать возможность услышать нашу точку зрения."),
					new Phrase("The Embassy answers every press enquiry it receives.",
							"Посольство отвечает на каждый поступающий запрос СМИ.")),
			List.of(new Phrase("accreditation without political conditions", "аккредитация без политических условий"),
					new Phrase("equal access to official briefings", "равный доступ к официальным брифингам"),
					new Phrase("protection of journalists from harassment", "защита журналистов от преследований")),
			List.of(new Issue(
					new Phrase("the refusal to extend the accreditation of an Arvenian correspondent",
							"об отказе продлить аккредитацию арвенского корреспондента"),
					"отказа продлить аккредитацию арвенского корреспондента"),
					new Issue(
							new Phrase("the blocking of Arvenian news websites",
									"о блокировке арвенских новостных сайтов"),
							"блокировки арвенских новостных сайтов")),
			List.of(new Phrase("Freedom of the press cannot be selective",
					"Свобода прессы не может быть избирательной"),
					new Phrase("Why we answer every question", "Почему мы отвечаем на каждый вопрос")));

	static final Topic CLIMATE = new Topic("climate", new Phrase("climate and the Arctic", "климат и Арктика"),
			"климата и Арктики", "о климате и Арктике", new Phrase("climate", "климат"),
			List.of(new Phrase(
					"The Arctic is warming faster than any other region, and no country can face this alone.",
					"Арктика нагревается быстрее любого другого региона, и ни одна страна не справится с этим в одиночку."),
					new Phrase(
							"Arvenian and British scientists have shared data from northern research stations for decades.",
							"Арвенские и британские учёные десятилетиями обмениваются данными северных исследовательских станций."),
					new Phrase("Protecting northern ecosystems should stay outside political disputes.",
							"Защита северных экосистем должна оставаться вне политических споров."),
					new Phrase("The peoples of the North must have a say in the decisions that affect them.",
							"Народы Севера должны иметь право голоса в решениях, которые их затрагивают.")),
			List.of(new Phrase("exchange of climate data", "обмен климатическими данными"),
					new Phrase("joint Arctic expeditions", "совместные арктические экспедиции"),
					new Phrase("clean shipping in northern waters", "экологичное судоходство в северных водах")),
			List.of(new Issue(
					new Phrase("the suspension of cooperation in Arctic research",
							"о приостановке сотрудничества в арктических исследованиях"),
					"приостановки сотрудничества в арктических исследованиях"),
					new Issue(
							new Phrase("the reports of an oil spill in the Ulma Sea",
									"о сообщениях о разливе нефти в Ульмском море"),
							"сообщений о разливе нефти в Ульмском море")),
			List.of(new Phrase("The Arctic does not recognise sanctions", "Арктика не признаёт санкций"),
					new Phrase("Climate science needs open data", "Климатической науке нужны открытые данные")));

	static final Topic SCIENCE = new Topic("science", new Phrase("science and research", "наука и исследования"),
			"науки и исследований", "о науке и исследованиях", new Phrase("science", "наука"),
			List.of(new Phrase("Arvenian mathematicians and physicists have long worked with British laboratories.",
					"Арвенские математики и физики давно сотрудничают с британскими лабораториями."),
					new Phrase("Joint publications by our researchers number in the thousands.",
							"Совместные публикации наших исследователей исчисляются тысячами."),
					new Phrase("Science advances when scholars can travel, meet and argue freely.",
							"Наука развивается, когда учёные могут свободно ездить, встречаться и спорить."),
					new Phrase("Young researchers should not pay for the disagreements of governments.",
							"Молодые исследователи не должны расплачиваться за разногласия правительств.")),
			List.of(new Phrase("joint research grants", "совместные исследовательские гранты"),
					new Phrase("visiting fellowships", "стажировки для приглашённых исследователей"),
					new Phrase("open scientific conferences", "открытые научные конференции")),
			List.of(new Issue(
					new Phrase("the exclusion of Arvenian scientists from an international conference",
							"об отстранении арвенских учёных от международной конференции"),
					"отстранения арвенских учёных от международной конференции"),
					new Issue(
							new Phrase("the termination of joint research grants",
									"о прекращении совместных исследовательских грантов"),
							"прекращения совместных исследовательских грантов")),
			List.of(new Phrase("Science is the last bridge we must not burn",
					"Наука — последний мост, который нельзя сжигать"),
					new Phrase("Laboratories need partners, not borders",
							"Лабораториям нужны партнёры, а не границы")));

	static final Topic COMPATRIOTS = new Topic("compatriots",
			new Phrase("compatriots abroad", "соотечественники за рубежом"), "соотечественников за рубежом",
			"о соотечественниках за рубежом", new Phrase("compatriots", "соотечественники"),
			List.of(new Phrase("Tens of thousands of Arvenians live, study and work in the United Kingdom.",
					"В Соединённом Королевстве живут, учатся и работают десятки тысяч арвенцев."),
					new Phrase("Community schools teach the Arvenian language to children every weekend.",
							"По выходным общинные школы учат детей арвенскому языку."),
					new Phrase("No one should face discrimination because of their nationality or native language.",
							"Никто не должен подвергаться дискриминации из-за своей национальности или родного языка."),
					new Phrase("The Embassy keeps in touch with community organisations in every region.",
							"Посольство поддерживает связь с общинными организациями во всех регионах.")),
			List.of(new Phrase("support for weekend language schools", "поддержка субботних школ родного языка"),
					new Phrase("legal advice for compatriots", "юридические консультации для соотечественников"),
					new Phrase("cultural festivals of the community", "культурные фестивали общины")),
			List.of(new Issue(
					new Phrase("the reports of discrimination against Arvenian pupils",
							"о сообщениях о дискриминации арвенских школьников"),
					"сообщений о дискриминации арвенских школьников"),
					new Issue(
							new Phrase("the closure of the Arvenian community centre in Birmingham",
									"о закрытии арвенского общинного центра в Бирмингеме"),
							"закрытия арвенского общинного центра в Бирмингеме")),
			List.of(new Phrase("Our compatriots are a bridge, not a threat",
					"Наши соотечественники — мост, а не угроза"),
					new Phrase("A language is a home you carry with you", "Язык — это дом, который всегда с тобой")));

	static final Topic LAW = new Topic("international-law", new Phrase("international law", "международное право"),
			"международного права", "о международном праве", new Phrase("international law", "международное право"),
			List.of(new Phrase("The Charter of the United Nations remains the foundation of the international order.",
					"Устав ООН остаётся фундаментом международного порядка."),
					new Phrase("Rules must apply equally to all, not only when it is convenient.",
							"Правила должны применяться ко всем одинаково, а не только тогда, когда это удобно."),
					new Phrase(
							"Unilateral measures that bypass the Security Council have no basis in international law.",
							"Односторонние меры в обход Совета Безопасности не имеют основы в международном праве."),
					new Phrase("Arvenia honours its treaty obligations and expects its partners to do the same.",
							"Арвения выполняет свои договорные обязательства и ожидает того же от партнёров.")),
			List.of(new Phrase("the primacy of the UN Charter", "главенство Устава ООН"),
					new Phrase("peaceful settlement of disputes", "мирное урегулирование споров"),
					new Phrase("respect for diplomatic immunities", "уважение дипломатических иммунитетов")),
			List.of(new Issue(
					new Phrase("the seizure of Arvenian diplomatic property",
							"об изъятии дипломатической собственности Арвении"),
					"изъятия дипломатической собственности Арвении"),
					new Issue(new Phrase("the expulsion of Arvenian diplomats", "о высылке арвенских дипломатов"),
							"высылки арвенских дипломатов")),
			List.of(new Phrase("Rules cannot be chosen à la carte", "Правила не выбирают по настроению"),
					new Phrase("Why treaties still matter", "Почему договоры по-прежнему важны")));

	static final List<Topic> TOPICS = List.of(CULTURE, TRADE, CONSULAR, ENERGY, EDUCATION, SECURITY, HISTORY, MEDIA,
			CLIMATE, SCIENCE, COMPATRIOTS, LAW);

	/** Sentences that fit any subject; they may name it. */

}
