package io.chancery.gateway.website;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.chancery.gateway.home.HomeData;
import io.chancery.gateway.routing.PublicCaching;
import io.chancery.gateway.web.EntityTags;
import io.chancery.gateway.web.SiteProperties;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Renders the website's pages on the server (docs/adr/0005): each page's head in the
 * reader's language with its canonical address, alternates and previews, and an article
 * or event in full from search-service's public answer, with the status a crawler needs:
 * 404 for an item never published, 410 for one withdrawn for good. The scripts then add
 * what moves: clocks, counters, live events, search as you type.
 */
@Component
class WebsitePages {

	private static final String TEMPLATES = "io.chancery.gateway.website.templates";

	private static final Duration ITEM_TIMEOUT = Duration.ofSeconds(5);

	/** A page whose data could not all be had, or that says why nothing is shown. */
	private static final String NOT_KEPT = "no-cache";

	/** A preview: never kept, since its link is revocable and its item not public. */
	private static final String NOT_STORED = "no-store";

	private static final JsonMapper json = JsonMapper.builder().build();

	private final TemplateEngine templates = TemplateEngine.createPrecompiled(null, ContentType.Html, null, TEMPLATES);

	private final Words words;

	private final SiteProperties site;

	private final UpstreamReads search;

	private final HomeData home;

	private final Assets assets;

	private final PublicCaching caching;

	private final SiteNames names;

	WebsitePages(Words words, SiteProperties site, UpstreamReads search, HomeData home, Assets assets,
			PublicCaching caching, SiteNames names) {
		this.names = names;
		this.assets = assets;
		this.caching = caching;
		this.words = words;
		this.site = site;
		this.search = search;
		this.home = home;
	}

	/**
	 * The home page with its counters, featured item and latest events from the shared
	 * home answer; the script adds the clocks and keeps it live.
	 */
	Mono<ServerResponse> home(ServerRequest request) {
		return language(request).flatMap((language) -> {
			Page page = shellPage("home", "/", language);
			return this.home.now(language.locale())
				.map((answer) -> Map.entry(HomeView.of(answer.home(), language, this.words.defaultLocale()),
						answer.cacheControl()))
				.onErrorResume((ex) -> Mono.just(Map.entry(HomeView.unavailable(), NOT_KEPT)))
				.flatMap((home) -> html(request, HttpStatus.OK,
						render("home", Map.of("page", page, "home", home.getKey())), home.getValue()));
		});
	}

	/**
	 * The archive: a page of messages of a period, and the months that have some, read
	 * from search-service together; a part it does not answer is noted, not fatal.
	 */
	Mono<ServerResponse> archive(ServerRequest request) {
		return language(request).flatMap((language) -> {
			ArchiveView.Period period = ArchiveView.Period.of(request.queryParam("year").orElse(null),
					request.queryParam("month").orElse(null), request.queryParam("page").orElse(null));
			URI months = this.search.uri("/api/v1/archive/months")
				.queryParam("locale", language.locale())
				.build()
				.toUri();
			UriComponentsBuilder messages = this.search.uri("/api/v1/archive")
				.queryParam("locale", language.locale())
				.queryParam("size", ArchiveView.PAGE_SIZE)
				.queryParam("page", period.page());
			if (period.year() != null) {
				messages.queryParam("year", period.year());
			}
			if (period.month() != null) {
				messages.queryParam("month", period.month());
			}
			return Mono
				.zip(orMissing(this.search.get(months, ITEM_TIMEOUT)),
						orMissing(this.search.get(messages.build().toUri(), ITEM_TIMEOUT)))
				.flatMap((answers) -> {
					ArchiveView archive = ArchiveView.of(period, answers.getT1().orElse(null),
							answers.getT2().orElse(null), language, this.site.zone(), this.words.defaultLocale());
					Page page = shellPage("archive", "/archive", language);
					if (period.year() != null) {
						page = page("archive", "archive", archive.heading() + " \u2014 " + language.t("site.name"),
								archive.heading(), page.description(),
								period.link(period.year(), period.month(), 1, this.words.defaultLocale(),
										this.words.defaultLocale()),
								language, archive.count() != null && !archive.results().isEmpty(), "website", null,
								this.words.locales(), Map.of());
					}
					return html(request, HttpStatus.OK, render("archive", Map.of("page", page, "archive", archive)),
							(archive.count() != null) ? keptAs("/api/v1/archive") : NOT_KEPT);
				});
		});
	}

	/**
	 * A search with its results, facets and pages, read from search-service; a form sent
	 * with empty fields is sent on to the same search's clean address.
	 */
	Mono<ServerResponse> search(ServerRequest request) {
		return language(request).flatMap((language) -> {
			SearchQuery query = SearchQuery.of(request.queryParams());
			String clean = query.href(language.locale(), this.words.defaultLocale());
			if (request.queryParams()
				.entrySet()
				.stream()
				.anyMatch((parameter) -> parameter.getValue().stream().anyMatch(String::isBlank))) {
				return ServerResponse.seeOther(URI.create(clean)).build();
			}
			String parameters = (query.cursor() != null)
					? "cursor=" + URLEncoder.encode(query.cursor(), StandardCharsets.UTF_8)
					: (query.api().isEmpty() ? "" : query.api() + "&") + "facets=" + String.join(",", SearchView.FACETS)
							+ "&histogram="
							+ ((query.histogram() != null) ? query.histogram() : SearchQuery.DEFAULT_INTERVAL)
							+ ((query.page() > 1) ? "&page=" + query.page() : "")
							+ ((query.size() != SearchQuery.PAGE_SIZE) ? "&size=" + query.size() : "");
			URI uri = this.search.uri("/api/v1/search").query(parameters).build(true).toUri();
			return this.search.get(uri, ITEM_TIMEOUT)
				.map((answer) -> SearchView.of(query, answer, null, language, this.site.zone(),
						this.words.defaultLocale()))
				.onErrorResume((ex) -> Mono
					.just(SearchView.of(query, null, ex, language, this.site.zone(), this.words.defaultLocale())))
				.flatMap((search) -> {
					Page page = shellPage("search", "/search", language);
					if (query.q() != null) {
						String title = "\u201c" + query.q() + "\u201d \u2014 " + language.t("search.title");
						page = page("search", "search", title + " \u2014 " + language.t("site.name"), title,
								page.description(), "/search", language, false, "website", null, this.words.locales(),
								Map.of());
					}
					return html(request, HttpStatus.OK, render("search", Map.of("page", page, "search", search)),
							(search.problem() == null) ? keptAs("/api/v1/search") : NOT_KEPT);
				});
		});
	}

	private static Mono<Optional<JsonNode>> orMissing(Mono<JsonNode> answer) {
		return answer.map(Optional::of).onErrorResume((ex) -> Mono.just(Optional.empty()));
	}

	private Page shellPage(String name, String path, Words.In language) {
		String title = "home".equals(name) ? language.t("site.name")
				: language.t(name + ".title") + " \u2014 " + language.t("site.name");
		return page(name, name, title, title, language.t(name + ".description"), path, language, true, "website", null,
				this.words.locales(), Map.of());
	}

	/** An article or event in full, or the page that says why it is not shown. */
	Mono<ServerResponse> item(String type, ServerRequest request) {
		String collection = "event".equals(type) ? "events" : "articles";
		return itemPage(request, type, "/api/v1/" + collection, null, keptAs("/api/v1/" + collection + "/{id}"));
	}

	/**
	 * An article or event through a preview link an editor made: shown as its page will
	 * be, under a note that it is not public, never indexed or kept by a cache; a link
	 * that does not open it (altered, expired, another item's) answers 401 or 403 with a
	 * page that says so.
	 */
	Mono<ServerResponse> preview(ServerRequest request) {
		String collection = request.pathVariable("collection");
		if (!collection.equals("articles") && !collection.equals("events")) {
			return ServerResponse.notFound().build();
		}
		return itemPage(request, collection.equals("events") ? "event" : "article", "/api/v1/previews/" + collection,
				request.queryParam("token").orElse(""), NOT_STORED);
	}

	/**
	 * The page of the item named by the request's {@code id}, read from search-service's
	 * {@code apiPath}/{id}.
	 * @param token a preview link's token, which shows the item under the preview note;
	 * none for the public page
	 */
	private Mono<ServerResponse> itemPage(ServerRequest request, String type, String apiPath, @Nullable String token,
			String cacheControl) {
		String id = request.pathVariable("id");
		String collection = "event".equals(type) ? "events" : "articles";
		return language(request).flatMap((language) -> {
			UriComponentsBuilder api = this.search.uri(apiPath + "/{id}").queryParam("locale", language.locale());
			if (token != null) {
				api.queryParam("token", token);
			}
			URI uri = api.buildAndExpand(id).encode().toUri();
			String path = UriComponentsBuilder.fromPath("/" + collection + "/{id}")
				.buildAndExpand(id)
				.encode()
				.toUriString();
			return this.search.get(uri, ITEM_TIMEOUT)
				.map((item) -> shown(item, type, path, language, token != null))
				.onErrorResume((ex) -> Mono.just(notShown(ex, type, path, language)))
				.flatMap((rendered) -> html(request, rendered.status(), rendered.body(), cacheControl));
		});
	}

	private Rendered shown(JsonNode item, String type, String path, Words.In language, boolean preview) {
		ItemView read = ItemView.of(item, language, this.site.zone(), this.words.defaultLocale());
		ItemView view = preview ? read.previewed(language.t("article.preview")) : read;
		String headline = view.title();
		// The item in each language it has; the switch goes there, or to the listing.
		List<String> locales = new java.util.ArrayList<>(List.of(language.locale()));
		item.path("translations").propertyNames().forEach(locales::add);
		Map<String, String> switchTo = new LinkedHashMap<>();
		for (String locale : this.words.locales()) {
			switchTo.put(locale,
					Page.link(locales.contains(locale) ? path : "/archive", locale, this.words.defaultLocale()));
		}
		Page page = page("article", "article", headline + " \u2014 " + language.t("site.name"), headline, view.lead(),
				path, language, !preview && "published".equals(view.status()), "article",
				structuredData(item, type, path, language.t(Words.SITE_NAME)),
				locales.stream().filter(this.words::speaks).sorted().toList(), switchTo);
		return new Rendered(HttpStatus.OK, render("item", Map.of("page", page, "item", view)));
	}

	private Rendered notShown(Throwable failure, String type, String path, Words.In language) {
		HttpStatusCode status = (failure instanceof WebClientResponseException answer) ? answer.getStatusCode()
				: HttpStatus.SERVICE_UNAVAILABLE;
		String shown;
		String titleKey;
		if (status.value() == 404 || status.value() == 400) {
			status = HttpStatus.NOT_FOUND;
			shown = "missing";
			titleKey = "article.not-found.title";
		}
		else if (status.value() == 410) {
			shown = "gone";
			titleKey = "article.gone.title";
		}
		else if (status.value() == 401 || status.value() == 403) {
			shown = "refused";
			titleKey = "article.preview-refused.title";
		}
		else {
			status = HttpStatus.SERVICE_UNAVAILABLE;
			shown = "unavailable";
			titleKey = "article.title";
		}
		String title = language.t(titleKey);
		Page page = page("article", "article", title + " \u2014 " + language.t("site.name"), title, null, path,
				language, false, "website", null, List.of(), Map.of());
		return new Rendered(status,
				render("item", Map.of("page", page, "item", ItemView.notShown(shown, type, language.locale()))));
	}

	/**
	 * A page's head and language switch.
	 * @param alternateLocales the languages the page exists in, for its alternates (none
	 * when it exists in one)
	 * @param switchTo where the language switch goes when not to this page in the
	 * language
	 */
	private Page page(String name, String script, String title, String headline, @Nullable String description,
			String path, Words.In language, boolean indexable, String openGraphType, @Nullable String structuredData,
			List<String> alternateLocales, Map<String, String> switchTo) {
		String defaultLocale = this.words.defaultLocale();
		List<Page.Alternate> alternates = (alternateLocales.size() < 2) ? List.of() : alternateLocales.stream()
			.map((locale) -> new Page.Alternate(locale, this.site.absolute(Page.link(path, locale, defaultLocale))))
			.toList();
		return new Page(name, script, title, headline, description,
				this.site.absolute(Page.link(path, language.locale(), defaultLocale)), alternates, openGraphType,
				structuredData, indexable, language, defaultLocale, this.words.locales(), switchTo, this.assets);
	}

	/** schema.org's description of an article or event, safe inside a script element. */
	private @Nullable String structuredData(JsonNode item, String type, String path, String siteName) {
		ObjectNode data = json.createObjectNode();
		data.put("@context", "https://schema.org");
		String locale = ItemView.text(item, "locale", this.words.defaultLocale());
		String url = this.site.absolute(Page.link(path, locale, this.words.defaultLocale()));
		if ("event".equals(type)) {
			data.put("@type", "Event");
			data.put("name", ItemView.text(item, "title", ""));
			putIfPresent(data, "startDate", ItemView.text(item, "eventDate", null));
		}
		else {
			data.put("@type", "NewsArticle");
			data.put("headline", ItemView.text(item, "title", ""));
			String published = ItemView.text(item, "publishedAt", ItemView.text(item, "deliveredAt", null));
			putIfPresent(data, "datePublished", (published != null) ? published : ItemView.text(item, "date", null));
			putIfPresent(data, "dateModified", ItemView.text(item, "updatedAt", null));
			data.putObject("publisher").put("@type", "Organization").put("name", siteName);
		}
		putIfPresent(data, "description", ItemView.text(item, "lead", null));
		data.put("inLanguage", locale);
		data.put("url", url);
		return json.writeValueAsString(data).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
	}

	private static void putIfPresent(ObjectNode data, String field, @Nullable String value) {
		if (value != null) {
			data.put(field, value);
		}
	}

	/** The reader's words, with the institution's name when its site details give it. */
	private Mono<Words.In> language(ServerRequest request) {
		String locale = locale(request);
		return this.names.of(locale).map((name) -> this.words.in(locale).named(name.orElse(null)));
	}

	private String locale(ServerRequest request) {
		String asked = request.queryParam("locale").orElse(null);
		return (asked != null && this.words.speaks(asked)) ? asked : this.words.defaultLocale();
	}

	private byte[] render(String template, Map<String, Object> parameters) {
		StringOutput output = new StringOutput(16 * 1024);
		this.templates.render(template + ".jte", new LinkedHashMap<>(parameters), output);
		return output.toString().getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * A page, cached as the API answers it shows are: kept as long as they may be (a page
	 * that shows a failure or says why nothing is shown is revalidated on every use) and
	 * answered 304 when the client holds the same bytes.
	 */
	private static Mono<ServerResponse> html(ServerRequest request, HttpStatusCode status, byte[] body,
			String cacheControl) {
		String tag = EntityTags.of(body);
		String kept = (status.value() == 200) ? cacheControl : NOT_KEPT;
		if (status.value() == 200
				&& EntityTags.matches(request.headers().firstHeader(HttpHeaders.IF_NONE_MATCH), tag)) {
			return ServerResponse.status(HttpStatus.NOT_MODIFIED)
				.eTag(tag)
				.header(HttpHeaders.CACHE_CONTROL, kept)
				.build();
		}
		return ServerResponse.status(status)
			.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
			.eTag(tag)
			.header(HttpHeaders.CACHE_CONTROL, kept)
			.bodyValue(body);
	}

	/**
	 * How long a page may be kept: as long as the API answer at {@code apiPath} it shows.
	 */
	private String keptAs(String apiPath) {
		return this.caching.policy(apiPath).orElse(NOT_KEPT);
	}

	/**
	 * @param status the page's status
	 * @param body its HTML
	 */
	private record Rendered(HttpStatusCode status, byte[] body) {
	}

}
