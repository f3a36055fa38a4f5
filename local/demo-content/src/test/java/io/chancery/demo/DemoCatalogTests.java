package io.chancery.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.stream.Collectors;

import io.chancery.contracts.ArticleKind;
import io.chancery.contracts.MessageJson;
import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalog is reproducible from its seed and end date, and shaped like an
 * institution's five-year back catalog in two languages.
 */
class DemoCatalogTests {

	@Test
	void sameSeedAndEndDateGiveTheSameBytes() throws IOException {
		byte[] first = bytes(DemoCatalog.generate(1, Catalogs.UNTIL));
		byte[] second = bytes(DemoCatalog.generate(1, Catalogs.UNTIL));
		assertThat(second).isEqualTo(first);
		assertThat(new String(first, StandardCharsets.UTF_8)).isEqualTo(String.join("\n", Catalogs.lines()) + "\n");
	}

	@Test
	void anotherSeedGivesAnotherCatalog() throws IOException {
		List<String> other = DemoCatalog.generate(2, Catalogs.UNTIL).lines().toList();
		assertThat(other).isNotEqualTo(Catalogs.lines());
		assertThat(other.subList(0, 2)).as("site details do not depend on the seed")
			.isEqualTo(Catalogs.lines().subList(0, 2));
		assertThat(other.size()).isBetween(Catalogs.lines().size() * 9 / 10, Catalogs.lines().size() * 11 / 10);
	}

	@Test
	void outputDoesNotDependOnTheMachinesLocaleOrTimeZone() throws IOException {
		Locale locale = Locale.getDefault();
		TimeZone zone = TimeZone.getDefault();
		try {
			Locale.setDefault(Locale.forLanguageTag("ar-EG"));
			TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
			assertThat(DemoCatalog.generate(1, Catalogs.UNTIL).lines().toList()).isEqualTo(Catalogs.lines());
		}
		finally {
			Locale.setDefault(locale);
			TimeZone.setDefault(zone);
		}
	}

	@Test
	void twoThousandItemsAndMoreOverFiveYears() {
		Set<String> articles = ids("article");
		Set<String> events = ids("event");
		assertThat(articles.size() + events.size()).isGreaterThanOrEqualTo(2_000);
		assertThat(articles).hasSizeGreaterThan(1_000);
		assertThat(events).hasSizeGreaterThan(500);

		List<LocalDate> published = Catalogs.ofType("article")
			.stream()
			.map((article) -> OffsetDateTime.parse(article.get("publishedAt").asString()).toLocalDate())
			.sorted()
			.toList();
		LocalDate first = published.get(0);
		LocalDate last = published.get(published.size() - 1);
		assertThat(first).isAfterOrEqualTo(Catalogs.SEED_1.from()).isBefore(Catalogs.SEED_1.from().plusDays(14));
		assertThat(last).isAfter(Catalogs.UNTIL.minusDays(14)).isBeforeOrEqualTo(Catalogs.UNTIL);
		assertThat(ChronoUnit.YEARS.between(first, last)).isGreaterThanOrEqualTo(5);
		assertThat(Catalogs.SEED_1.from()).isEqualTo(LocalDate.of(2021, 1, 1));
	}

	@Test
	void manyItemsAreTranslatedUnderOneId() {
		Map<String, Set<String>> localesById = new HashMap<>();
		for (JsonNode line : Catalogs.trees()) {
			if (!line.get("type").asString().equals("site")) {
				localesById
					.computeIfAbsent(line.get("type").asString() + ":" + line.get("id").asString(),
							(key) -> new HashSet<>())
					.add(line.get("locale").asString());
			}
		}
		long both = localesById.values().stream().filter((locales) -> locales.size() == 2).count();
		assertThat(both).isGreaterThan(localesById.size() / 2);
		assertThat(localesById.values()).allSatisfy((locales) -> assertThat(locales).isSubsetOf("en", "ru"));
		assertThat(localesById.values()).anySatisfy((locales) -> assertThat(locales).containsOnly("en"));
		assertThat(localesById.values()).anySatisfy((locales) -> assertThat(locales).containsOnly("ru"));
	}

	@Test
	void everyKindIsWrittenInBothLanguages() {
		Map<String, Long> perKindAndLocale = Catalogs.ofType("article")
			.stream()
			.collect(Collectors.groupingBy(
					(article) -> article.get("kind").asString() + "/" + article.get("locale").asString(),
					Collectors.counting()));
		for (ArticleKind kind : List.of(ArticleKind.SPEECH, ArticleKind.INTERVIEW, ArticleKind.ARTICLE,
				ArticleKind.STATEMENT)) {
			String wireName = MessageJson.mapper().writeValueAsString(kind).replace("\"", "");
			assertThat(perKindAndLocale.get(wireName + "/en")).as(wireName).isGreaterThan(100);
			assertThat(perKindAndLocale.get(wireName + "/ru")).as(wireName).isGreaterThan(100);
		}
	}

	@Test
	void officialsSpeakUnderTheirNamesInEachLanguage() {
		Set<String> english = people("en");
		Set<String> russian = people("ru");
		assertThat(english).contains("Arkady Veltrov", "Yelena Marvina", "Oleg Tarnavin", "Pavel Drozhin");
		assertThat(russian).contains("Аркадий Вельтров", "Елена Марвина", "Олег Тарнавин", "Павел Дрожин");
	}

	@Test
	void countersInBothLanguagesIncludingTheIncidentWithoutCredibleResponse() {
		List<JsonNode> counted = Catalogs.ofType("event").stream().filter((event) -> event.has("counter")).toList();
		Set<String> counterIds = counted.stream()
			.map((event) -> event.get("id").asString())
			.collect(Collectors.toSet());
		assertThat(counterIds).hasSizeGreaterThanOrEqualTo(3);
		assertThat(counted).hasSize(2 * counterIds.size());

		List<JsonNode> incident = counted.stream()
			.filter((event) -> event.get("id").asString().endsWith("incident-off-harwick-point"))
			.toList();
		assertThat(incident).extracting((event) -> event.get("locale").asString()).containsExactly("en", "ru");
		assertThat(incident.get(0).get("counter").get("caption").asString()).startsWith("days have passed since")
			.endsWith("— no credible response");
		assertThat(incident.get(1).get("counter").get("caption").asString()).startsWith("дней прошло")
			.endsWith("— внятного ответа нет");
		assertThat(incident.get(0).get("counter").get("direction").asString()).isEqualTo("since");
		assertThat(ids("article")).contains(incident.get(0).get("relatedArticleId").asString());

		assertThat(counted)
			.anySatisfy((event) -> assertThat(event.get("counter").get("direction").asString()).isEqualTo("until"));
		assertThat(counted).anySatisfy((event) -> assertThat(event.get("counter").has("countFrom")).isTrue());
		assertThat(counted).anySatisfy((event) -> assertThat(event.get("counter").has("stoppedOn")).isTrue());
	}

	@Test
	void siteDetailsForBothLocalesWithContactsAndTheTwoCapitalsClocks() {
		List<JsonNode> sites = Catalogs.ofType("site");
		assertThat(sites).extracting((site) -> site.get("locale").asString()).containsExactly("en", "ru");
		assertThat(Catalogs.trees().subList(0, 2)).isEqualTo(sites);
		for (JsonNode site : sites) {
			assertThat(site.get("clocks").findValuesAsString("timeZone")).containsExactly("Europe/Moscow",
					"Europe/London");
			JsonNode consular = site.get("contacts").get(0);
			assertThat(consular.get("phones").size()).isPositive();
			assertThat(consular.get("emails").size()).isPositive();
			assertThat(consular.has("address")).isTrue();
			assertThat(consular.has("hours")).isTrue();
		}
	}

	@Test
	void eventsPointOnlyToArticlesInTheirOwnLanguage() {
		Set<String> articles = Catalogs.ofType("article")
			.stream()
			.map((article) -> article.get("id").asString() + ":" + article.get("locale").asString())
			.collect(Collectors.toSet());
		List<JsonNode> related = Catalogs.ofType("event")
			.stream()
			.filter((event) -> event.has("relatedArticleId"))
			.toList();
		assertThat(related).hasSizeGreaterThan(100);
		assertThat(related).allSatisfy((event) -> assertThat(articles)
			.contains(event.get("relatedArticleId").asString() + ":" + event.get("locale").asString()));
	}

	@Test
	void everythingHappensByTheEndDateExceptTheCountdown() {
		List<JsonNode> later = Catalogs.ofType("event")
			.stream()
			.filter((event) -> LocalDate.parse(event.get("date").asString()).isAfter(Catalogs.UNTIL))
			.toList();
		assertThat(later).isNotEmpty()
			.allSatisfy((event) -> assertThat(event.get("counter").get("direction").asString()).isEqualTo("until"));
	}

	@Test
	void bodiesUseOnlyParagraphsEmphasisAndLists() {
		Safelist allowed = Safelist.none().addTags("p", "em", "strong", "ul", "li");
		List<String> tags = Arrays.asList("<ul>", "<em>", "<strong>");
		String all = Catalogs.ofType("article")
			.stream()
			.map((article) -> article.get("body").asString())
			.collect(Collectors.joining());
		assertThat(Catalogs.ofType("article")).allSatisfy(
				(article) -> assertThat(Jsoup.isValid(article.get("body").asString(), allowed)).as(article.toString())
					.isTrue());
		assertThat(tags).allSatisfy((tag) -> assertThat(all).contains(tag));
	}

	private static Set<String> ids(String type) {
		return Catalogs.ofType(type).stream().map((line) -> line.get("id").asString()).collect(Collectors.toSet());
	}

	private static Set<String> people(String locale) {
		return Catalogs.ofType("article")
			.stream()
			.filter((article) -> article.get("locale").asString().equals(locale))
			.flatMap((article) -> article.get("people").valueStream())
			.map(JsonNode::asString)
			.collect(Collectors.toSet());
	}

	private static byte[] bytes(DemoCatalog catalog) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		catalog.writeTo(out);
		return out.toByteArray();
	}

}
