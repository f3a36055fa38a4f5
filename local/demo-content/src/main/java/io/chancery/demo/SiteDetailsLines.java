package io.chancery.demo;

import java.util.List;

import io.chancery.demo.ImportLines.Clock;
import io.chancery.demo.ImportLines.Contact;
import io.chancery.demo.ImportLines.SiteLine;

/**
 * The institution's name, consular contacts and clocks, one line per locale. Telephone
 * numbers are from the ranges Ofcom keeps for drama, e-mail domains end in
 * {@code .example}: none of them reaches anybody.
 */
final class SiteDetailsLines {

	private static final String CHANCERY_ADDRESS_EN = "12 Larchfield Terrace, London W8 4QS, United Kingdom";

	private static final String CHANCERY_ADDRESS_RU = "Соединённое Королевство, Лондон W8 4QS, Ларчфилд-террас, 12";

	private SiteDetailsLines() {
	}

	static List<SiteLine> lines() {
		return List.of(english(), russian());
	}

	private static SiteLine english() {
		return new SiteLine("en", Vocabulary.INSTITUTION.en(), List.of(new Contact("Consular Section",
				List.of("+44 20 7946 0321", "+44 20 7946 0322"), List.of("consular@arvenia-embassy.example"),
				CHANCERY_ADDRESS_EN + " (entrance from Larchfield Mews)",
				"Monday, Tuesday, Thursday and Friday, 09:30–12:30, by appointment; closed on British and Arvenian public holidays"),
				new Contact("Emergency line for Arvenian citizens", List.of("+44 7700 900417"), List.of(), null,
						"Around the clock, for emergencies only: arrest, accident, loss of documents, death of a relative"),
				new Contact("Visa enquiries", List.of("+44 20 7946 0340"), List.of("visa@arvenia-embassy.example"),
						CHANCERY_ADDRESS_EN, "Monday to Friday, 14:00–16:00"),
				new Contact("Press office", List.of("+44 20 7946 0330"), List.of("press@arvenia-embassy.example"), null,
						"Monday to Friday, 10:00–18:00"),
				new Contact("Honorary Consulate in Edinburgh", List.of("+44 131 496 0217"),
						List.of("edinburgh@arvenia-consulate.example"), "7 Quarry Close, Edinburgh EH3 9LN",
						"Wednesday, 10:00–13:00")),
				clocks(Language.EN));
	}

	private static SiteLine russian() {
		return new SiteLine("ru", Vocabulary.INSTITUTION.ru(), List.of(new Contact("Консульский отдел",
				List.of("+44 20 7946 0321", "+44 20 7946 0322"), List.of("consular@arvenia-embassy.example"),
				CHANCERY_ADDRESS_RU + " (вход с Ларчфилд-мьюз)",
				"Понедельник, вторник, четверг и пятница, 9:30–12:30, по предварительной записи; в британские и арвенские праздники приёма нет"),
				new Contact("Дежурный телефон для граждан Арвении", List.of("+44 7700 900417"), List.of(), null,
						"Круглосуточно, только в экстренных случаях: задержание, несчастный случай, утрата документов, смерть родственника"),
				new Contact("Визовые вопросы", List.of("+44 20 7946 0340"), List.of("visa@arvenia-embassy.example"),
						CHANCERY_ADDRESS_RU, "Понедельник — пятница, 14:00–16:00"),
				new Contact("Пресс-служба", List.of("+44 20 7946 0330"), List.of("press@arvenia-embassy.example"), null,
						"Понедельник — пятница, 10:00–18:00"),
				new Contact("Почётное консульство в Эдинбурге", List.of("+44 131 496 0217"),
						List.of("edinburgh@arvenia-consulate.example"), "Эдинбург EH3 9LN, Куорри-клоуз, 7",
						"Среда, 10:00–13:00")),
				clocks(Language.RU));
	}

	private static List<Clock> clocks(Language language) {
		return List.of(new Clock(Vocabulary.ARVENSK.name().in(language), Vocabulary.CAPITAL_ZONE),
				new Clock(Vocabulary.LONDON.name().in(language), Vocabulary.LONDON_ZONE));
	}

}
