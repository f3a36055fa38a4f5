package io.chancery.search.reading.listings;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.chancery.search.reading.ContentItem;
import io.chancery.search.reading.ReadingProperties;
import io.chancery.search.reading.StoredContent;
import io.chancery.search.web.Gone;
import io.chancery.search.web.NotFound;
import io.chancery.web.InvalidParameter;
import io.chancery.web.Locales;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Items readers cannot see yet — drafts and items scheduled for later — for editors (with
 * their credential, under the editorial record's routes) and for whoever holds a preview
 * link an editor made for one of them.
 */
@RestController
@Tag(name = "Drafts and previews", description = "Unpublished items for editors and preview links")
class UnpublishedController {

	private static final Map<String, String> COLLECTIONS = Map.of("articles", "article", "events", "event");

	private final Items items;

	private final PreviewTokens tokens;

	private final ReadingProperties properties;

	UnpublishedController(Items items, PreviewTokens tokens, ReadingProperties properties) {
		this.items = items;
		this.tokens = tokens;
		this.properties = properties;
	}

	@GetMapping("/api/v1/editorial/{collection}/{id}/{locale}")
	@Operation(summary = "An item as it stands, public or not; editors and admins only",
			description = "Drafts and items scheduled for later too. 404 if it has no revision, 410 if withdrawn "
					+ "for good.")
	ContentItem current(@PathVariable String collection, @PathVariable String id, @PathVariable String locale)
			throws IOException {
		return this.items.withTranslations(stored(collection, id, locale));
	}

	@PostMapping("/api/v1/editorial/{collection}/{id}/{locale}/preview-link")
	@Operation(summary = "A preview link for one item; editors and admins only",
			description = "Opens the item's page as it stands (a draft, or scheduled) for anyone who has it, until "
					+ "it expires; rotating the preview secret revokes every link.")
	PreviewLink previewLink(@PathVariable String collection, @PathVariable String id, @PathVariable String locale,
			@Parameter(
					description = "how long the link opens the item, 1 to 720 (the configured lifetime)") @RequestParam(
							required = false) @Nullable String hours)
			throws IOException {
		stored(collection, id, locale);
		Duration lifetime = (hours != null) ? Duration.ofHours(InvalidParameter.wholeNumber("hours", hours, 1, 720))
				: null;
		PreviewTokens.Issued issued = this.tokens.issue(item(collection, id, locale), lifetime);
		String url = UriComponentsBuilder.fromUriString(this.properties.siteUrl())
			.path("/preview/" + collection + "/{id}")
			.queryParam("locale", locale)
			.queryParam("token", issued.token())
			.buildAndExpand(id)
			.encode()
			.toUriString();
		return new PreviewLink(url, issued.token(), issued.expiresAt());
	}

	@GetMapping("/api/v1/previews/{collection}/{id}")
	@Operation(summary = "An article or event through its preview link",
			description = "collection is articles or events. 401 if the link is altered or expired, 403 if it is "
					+ "for another item.")
	ResponseEntity<ContentItem> preview(@PathVariable String collection, @PathVariable String id,
			@Parameter(description = "the locale") @RequestParam(required = false) @Nullable String locale,
			@Parameter(description = "the link's token") @RequestParam String token) throws IOException {
		// The collection first: a link to another kind of item is not this one's.
		String chosen = Locales.chosen(locale, this.properties.defaultLocale(), this.properties.locales());
		if (!COLLECTIONS.containsKey(collection)) {
			throw new NotFound("No collection '" + collection + "': articles or events");
		}
		this.tokens.check(token, item(collection, id, chosen));
		// Not kept by any cache: the link is revocable and the item changes until it is
		// published.
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.header("X-Robots-Tag", "noindex")
			.body(this.items.withTranslations(stored(collection, id, chosen)));
	}

	private StoredContent stored(String collection, String id, String locale) throws IOException {
		String type = COLLECTIONS.get(collection);
		if (type == null) {
			throw new NotFound("No collection '" + collection + "': articles or events");
		}
		StoredContent content = this.items.item(type, id, locale)
			.orElseThrow(() -> new NotFound("No " + type + " '" + id + "' in locale '" + locale + "'"));
		if ("gone".equals(content.status())) {
			throw new Gone("The " + type + " '" + id + "' was withdrawn");
		}
		return content;
	}

	private static String item(String collection, String id, String locale) {
		return collection + "/" + id + ":" + locale;
	}

	/**
	 * A preview link.
	 *
	 * @param url the item's preview page on the public site
	 * @param token the token alone, for a frontend of its own
	 * @param expiresAt when it stops opening the item
	 */
	record PreviewLink(String url, String token, Instant expiresAt) {
	}

}
