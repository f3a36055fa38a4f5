package io.chancery.demo;

import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.chancery.contracts.ArticleKind;
import io.chancery.contracts.MessageJson;
import io.chancery.demo.IngestRequests.ArticleRequest;
import io.chancery.demo.IngestRequests.Clock;
import io.chancery.demo.IngestRequests.Contact;
import io.chancery.demo.IngestRequests.CounterRequest;
import io.chancery.demo.IngestRequests.EventRequest;
import io.chancery.demo.IngestRequests.SiteRequest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every line of the catalog passes what ingest-service checks before it publishes an
 * import line, and what it would publish matches the contract's JSON Schemas.
 * <p>
 * ingest-service's validators ({@code ArticleChanges}, {@code EventChanges},
 * {@code SiteChanges}) are package-private, and its artifact is a Spring Boot executable
 * jar whose classes cannot be put on another module's class path, so the rules are
 * restated here from its sources: the same fields (unknown ones fail), id pattern,
 * locales, kinds, time zones, lengths, list sizes, URL, phone and e-mail patterns, date
 * range, and the same jsoup allow-list for bodies. A rule changed there must be changed
 * here; the local run's import, which reports rejections, is the check against the real
 * service.
 */
class IngestRulesTests {

	private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");

	private static final Set<String> LOCALES = Set.of("en", "ru");

	private static final Set<String> KINDS = Arrays.stream(ArticleKind.values())
		.map((kind) -> MessageJson.mapper().writeValueAsString(kind).replace("\"", ""))
		.collect(Collectors.toSet());

	private static final Set<String> ZONES = ZoneId.getAvailableZoneIds();

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,255}");

	private static final Pattern PHONE = Pattern.compile("[+0-9][0-9 ()./-]{2,40}");

	private static final LocalDate EARLIEST = LocalDate.of(1000, 1, 1);

	private static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

	/** ingest-service's {@code HtmlSanitizer} allow-list. */
	private static final Safelist INGEST_BODY = Safelist.basic()
		.addTags("h2", "h3", "h4", "figure", "figcaption")
		.addAttributes("a", "title")
		.addProtocols("a", "href", "http", "https", "mailto");

	private static final int MAX_IMPORT_LINE = 1024 * 1024;

	/** How ingest-service reads request bodies: unknown fields fail, offsets are kept. */
	private static final JsonMapper REQUESTS = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.disable(DateTimeFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
		.build();

	private static final Map<String, Schema> SCHEMAS = Map.of("article", schema("article"), "event", schema("event"),
			"site", schema("site-details"));

	@Test
	void everyLineIsAcceptedByTheImportRules() {
		List<String> rejections = new ArrayList<>();
		List<String> lines = Catalogs.lines();
		for (int i = 0; i < lines.size(); i++) {
			for (String violation : violations(lines.get(i))) {
				rejections.add("line " + (i + 1) + ": " + violation);
			}
		}
		assertThat(rejections).isEmpty();
	}

	@Test
	void theRulesRejectWhatIngestRejects() {
		String article = Catalogs.lines()
			.stream()
			.filter((line) -> line.contains("\"type\":\"article\""))
			.findFirst()
			.orElseThrow();
		assertThat(violations(article)).isEmpty();
		assertThat(violations(article.replace("\"locale\":\"en\"", "\"locale\":\"de\""))).isNotEmpty();
		assertThat(violations(article.replace("\"kind\":", "\"category\":\"x\",\"kind\":"))).isNotEmpty();
		assertThat(violations(article.replaceFirst("\"timeZone\":\"[^\"]+\"", "\"timeZone\":\"+03:00\""))).isNotEmpty();
		assertThat(violations(article.replaceFirst("\"body\":\"[^\"]+\"", "\"body\":\"<script>x()</script>\"")))
			.isNotEmpty();
	}

	@Test
	void whatIngestWouldPublishMatchesTheContractSchemas() {
		List<String> errors = new ArrayList<>();
		for (JsonNode line : Catalogs.trees()) {
			ObjectNode message = (ObjectNode) line.deepCopy();
			String type = message.remove("type").asString();
			message.put("revision", 1).put("updatedAt", "2026-11-30T12:00:00Z");
			if (!type.equals("site")) {
				message.put("status", message.has("withdrawal") ? "withdrawn" : "published");
			}
			if (message.has("withdrawal")) {
				((ObjectNode) message.get("withdrawal")).put("withdrawnAt", "2026-11-30T12:00:00Z");
			}
			SCHEMAS.get(type)
				.validate(message)
				.forEach((error) -> errors.add(line.get("id") + " " + line.get("locale") + ": " + error));
		}
		assertThat(errors).isEmpty();
	}

	private static List<String> violations(String line) {
		Rules rules = new Rules();
		rules.require(line.getBytes(StandardCharsets.UTF_8).length <= MAX_IMPORT_LINE, "line", "is too long");
		ObjectNode tree = (ObjectNode) REQUESTS.readTree(line);
		String type = tree.remove("type").asString();
		try {
			switch (type) {
				case "article" -> article(REQUESTS.treeToValue(tree, ArticleRequest.class), rules);
				case "event" -> event(REQUESTS.treeToValue(tree, EventRequest.class), rules);
				case "site" -> {
					JsonNode locale = tree.remove("locale");
					site(REQUESTS.treeToValue(tree, SiteRequest.class), (locale != null) ? locale.asString() : null,
							rules);
				}
				default -> rules.require(false, "type", "is " + type);
			}
		}
		catch (tools.jackson.core.JacksonException ex) {
			rules.require(false, "line", ex.getOriginalMessage());
		}
		return rules.violations;
	}

	private static void article(ArticleRequest request, Rules rules) {
		rules.id(request.id(), "id")
			.locale(request.locale())
			.require(request.kind() != null && KINDS.contains(request.kind()), "kind", "is unknown")
			.text(plain(request.title()), "title", 500)
			.optional(request.lead(), "lead", 5_000)
			.text(request.body(), "body", 500_000)
			.require(request.publishedAt() != null, "publishedAt", "is required")
			.zone(request.timeZone(), "timeZone")
			.optional(request.place(), "place", 200)
			.texts(request.people(), "people", 50, 200)
			.texts(request.tags(), "tags", 50, 100)
			.url(request.sourceUrl(), "sourceUrl");
		if (request.withdrawal() != null) {
			rules.text(request.withdrawal().note(), "withdrawal.note", 5_000);
		}
		if (request.body() != null) {
			rules
				.require(!Jsoup.clean(request.body(), "", INGEST_BODY, new Document.OutputSettings().prettyPrint(false))
					.isBlank(), "body", "has no text once cleaned");
		}
		rules.plainAsSent(request.title(), "title").plainAsSent(request.lead(), "lead");
	}

	private static void event(EventRequest request, Rules rules) {
		rules.id(request.id(), "id")
			.locale(request.locale())
			.require(request.date() != null && inRange(request.date()), "date", "is required, in range")
			.zone(request.timeZone(), "timeZone")
			.text(plain(request.title()), "title", 500)
			.optional(request.lead(), "lead", 5_000)
			.plainAsSent(request.title(), "title")
			.plainAsSent(request.lead(), "lead");
		if (request.relatedArticleId() != null) {
			rules.id(request.relatedArticleId(), "relatedArticleId");
		}
		CounterRequest counter = request.counter();
		if (counter != null) {
			rules.text(plain(counter.caption()), "counter.caption", 500)
				.zone(counter.timeZone(), "counter.timeZone")
				.require(counter.direction() == null || Set.of("since", "until").contains(counter.direction()),
						"counter.direction", "must be since or until")
				.require(counter.countFrom() == null || inRange(counter.countFrom()), "counter.countFrom", "range")
				.require(counter.stoppedOn() == null || inRange(counter.stoppedOn()), "counter.stoppedOn", "range")
				.require(
						counter.milestones() == null || (counter.milestones().size() <= 50 && counter.milestones()
							.stream()
							.allMatch((days) -> days != null && days > 0 && days < 3_000_000)),
						"counter.milestones", "must be at most 50 positive day counts");
		}
	}

	private static void site(SiteRequest request, @Nullable String locale, Rules rules) {
		rules.locale(locale)
			.text(plain(request.name()), "name", 300)
			.require(request.contacts() == null || request.contacts().size() <= 50, "contacts", "too many")
			.require(request.clocks() == null || request.clocks().size() <= 12, "clocks", "too many");
		for (Contact contact : Objects.requireNonNullElse(request.contacts(), List.<Contact>of())) {
			rules.text(contact.title(), "contacts.title", 200)
				.texts(contact.phones(), "contacts.phones", 10, 50)
				.texts(contact.emails(), "contacts.emails", 10, 320)
				.optional(contact.address(), "contacts.address", 1_000)
				.optional(contact.hours(), "contacts.hours", 1_000);
			Objects.requireNonNullElse(contact.phones(), List.<String>of())
				.forEach((phone) -> rules.require(PHONE.matcher(phone).matches(), "contacts.phones", phone));
			Objects.requireNonNullElse(contact.emails(), List.<String>of())
				.forEach((email) -> rules.require(EMAIL.matcher(email).matches(), "contacts.emails", email));
		}
		for (Clock clock : Objects.requireNonNullElse(request.clocks(), List.<Clock>of())) {
			rules.text(clock.name(), "clocks.name", 100).zone(clock.timeZone(), "clocks.timeZone");
		}
	}

	private static @Nullable String plain(@Nullable String text) {
		return (text != null) ? Jsoup.parse(text).text().strip() : null;
	}

	private static boolean inRange(LocalDate date) {
		return !date.isBefore(EARLIEST) && !date.isAfter(LATEST);
	}

	private static Schema schema(String name) {
		InputStream in = IngestRulesTests.class.getResourceAsStream("/schemas/" + name + ".schema.json");
		assertThat(in).as(name + ".schema.json from contracts").isNotNull();
		return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
	}

	/** ingest-service's {@code Violations}, as far as the catalog needs them. */
	private static final class Rules {

		private final List<String> violations = new ArrayList<>();

		Rules require(boolean condition, String field, @Nullable String message) {
			if (!condition) {
				this.violations.add(field + " " + message);
			}
			return this;
		}

		Rules text(@Nullable String value, String field, int maxLength) {
			return require(value != null && !value.isBlank() && value.length() <= maxLength, field,
					"is required, at most " + maxLength + " characters");
		}

		Rules optional(@Nullable String value, String field, int maxLength) {
			return require(value == null || value.length() <= maxLength, field, "is over " + maxLength + " characters");
		}

		Rules texts(@Nullable List<String> values, String field, int maxItems, int maxLength) {
			if (values != null) {
				require(values.size() <= maxItems, field, "has over " + maxItems + " entries");
				values.forEach((value) -> text(value, field, maxLength));
			}
			return this;
		}

		Rules id(@Nullable String id, String field) {
			return require(id != null && ID.matcher(id).matches(), field, "is not an id: " + id);
		}

		Rules locale(@Nullable String locale) {
			return require(locale != null && LOCALES.contains(locale), "locale", "is not one of en, ru: " + locale);
		}

		Rules zone(@Nullable String zone, String field) {
			return require(zone != null && (zone.equals("UTC") || ZONES.contains(zone)), field, "is not a zone");
		}

		Rules url(@Nullable String url, String field) {
			if (url == null) {
				return this;
			}
			boolean valid;
			try {
				URI uri = new URI(url);
				valid = ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
						&& url.length() <= 2000;
			}
			catch (URISyntaxException ex) {
				valid = false;
			}
			return require(valid, field, "is not an http or https URL");
		}

		/** ingest-service strips markup from plain fields; the catalog sends none. */
		Rules plainAsSent(@Nullable String value, String field) {
			return require(value == null || (value.indexOf('<') < 0 && value.indexOf('&') < 0), field,
					"would be changed by ingest's plain-text cleaning");
		}

	}

}
