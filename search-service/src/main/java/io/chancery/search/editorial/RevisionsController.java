package io.chancery.search.editorial;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch._types.FieldValue;
import io.chancery.search.web.NotFound;
import io.chancery.web.InvalidParameter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.jsoup.Jsoup;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The editorial record, for editors and admins (the audit for admins only): who changed
 * an item, when and why, each revision whole, and what changed between two.
 */
@RestController
@Tag(name = "Editorial record", description = "Every revision of every item; editors and admins only")
class RevisionsController {

	private static final Map<String, String> COLLECTIONS = Map.of("articles", "article", "events", "event");

	private static final List<String> ACTIONS = List.of("published", "changed", "withdrawn", "restored");

	private static final int AUDIT_PAGE = 100;

	private static final int EXPORT_PAGE = 1_000;

	private final Revisions revisions;

	RevisionsController(Revisions revisions) {
		this.revisions = revisions;
	}

	@GetMapping("/api/v1/editorial/{collection}/{id}/{locale}/revisions")
	@Operation(summary = "An item's revisions, newest first",
			description = "Author, time, action and change note of each; the messages are read one by one. "
					+ "404 if the item has none.")
	RevisionList list(@PathVariable String collection, @PathVariable String id, @PathVariable String locale)
			throws IOException {
		String item = item(collection, id, locale);
		List<StoredRevision> found = this.revisions.of(item);
		if (found.isEmpty()) {
			throw new NotFound("No revisions of " + item);
		}
		return new RevisionList(item, COLLECTIONS.get(collection), id, locale, found, found.size() == Revisions.MOST);
	}

	@GetMapping("/api/v1/editorial/{collection}/{id}/{locale}/revisions/{revision}")
	@Operation(summary = "One revision whole",
			description = "With the message as it was published. 404 if the " + "item never had that revision.")
	StoredRevision revision(@PathVariable String collection, @PathVariable String id, @PathVariable String locale,
			@PathVariable String revision) throws IOException {
		String item = item(collection, id, locale);
		long number = InvalidParameter.wholeNumber("revision", revision, 1, Long.MAX_VALUE);
		return this.revisions.get(item, number)
			.orElseThrow(() -> new NotFound("No revision " + number + " of " + item));
	}

	@GetMapping("/api/v1/editorial/{collection}/{id}/{locale}/diff")
	@Operation(summary = "What changed between two revisions",
			description = "Title, lead and body (as text), word by word. Without to, the latest revision; "
					+ "without from, the one before to. 404 for a revision the item never had.")
	RevisionDiff diff(@PathVariable String collection, @PathVariable String id, @PathVariable String locale,
			@Parameter(description = "the earlier revision") @RequestParam(required = false) @Nullable String from,
			@Parameter(description = "the later revision") @RequestParam(required = false) @Nullable String to)
			throws IOException {
		String item = item(collection, id, locale);
		List<StoredRevision> all = this.revisions.of(item);
		if (all.isEmpty()) {
			throw new NotFound("No revisions of " + item);
		}
		long later = (to != null) ? InvalidParameter.wholeNumber("to", to, 1, Long.MAX_VALUE) : all.get(0).revision();
		long earlier;
		if (from != null) {
			earlier = InvalidParameter.wholeNumber("from", from, 1, Long.MAX_VALUE);
		}
		else {
			earlier = all.stream()
				.mapToLong(StoredRevision::revision)
				.filter((revision) -> revision < later)
				.max()
				.orElse(later);
		}
		StoredRevision before = whole(item, earlier);
		StoredRevision after = whole(item, later);
		return new RevisionDiff(item, before.revision(), after.revision(),
				List.of(TextDiff.of("title", before.text("title"), after.text("title")),
						TextDiff.of("lead", before.text("lead"), after.text("lead")),
						TextDiff.of("body", text(before.text("body")), text(after.text("body")))));
	}

	@GetMapping("/api/v1/editorial/audit")
	@Operation(summary = "Every change in a period, newest first; admins only",
			description = "By author, item, action and type. from is inclusive and to exclusive; a date means "
					+ "the start of that day in UTC, so to=2026-12-01 ends with November. Page with after.")
	AuditAnswer audit(
			@Parameter(description = "the first instant or date") @RequestParam(required = false) @Nullable String from,
			@Parameter(description = "the instant or date the period ends before") @RequestParam(
					required = false) @Nullable String to,
			@Parameter(description = "the credential, api-key:<name> or jwt:<subject>") @RequestParam(
					required = false) @Nullable String author,
			@Parameter(description = "articles/<id>:<locale>, or articles/<id> for every locale") @RequestParam(
					required = false) @Nullable String item,
			@Parameter(description = "published, changed, withdrawn or restored") @RequestParam(
					required = false) @Nullable String action,
			@Parameter(description = "article or event") @RequestParam(required = false) @Nullable String type,
			@Parameter(description = "changes on a page, 1 to 1000 (100)") @RequestParam(
					required = false) @Nullable String size,
			@Parameter(description = "the next page: the after of the previous answer") @RequestParam(
					required = false) @Nullable String after)
			throws IOException {
		Revisions.Audit audit = audit(from, to, author, item, action, type);
		int count = (size != null) ? (int) InvalidParameter.wholeNumber("size", size, 1, 1_000) : AUDIT_PAGE;
		Revisions.AuditPage page = this.revisions.audit(audit, count, (after != null) ? decode(after) : List.of());
		return new AuditAnswer(page.total(), page.changes(), page.last().isEmpty() ? null : encode(page.last()));
	}

	@GetMapping(path = "/api/v1/editorial/audit.csv", produces = "text/csv")
	@Operation(summary = "The audit as CSV; admins only", description = "Every change the criteria select, newest "
			+ "first, one line each: at, action, author, authorName, type, id, locale, revision, major, note, importId.")
	ResponseEntity<StreamingResponseBody> auditCsv(@RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to,
			@RequestParam(required = false) @Nullable String author,
			@RequestParam(required = false) @Nullable String item,
			@RequestParam(required = false) @Nullable String action,
			@RequestParam(required = false) @Nullable String type) {
		Revisions.Audit audit = audit(from, to, author, item, action, type);
		StreamingResponseBody body = (OutputStream out) -> {
			Writer csv = new OutputStreamWriter(out, StandardCharsets.UTF_8);
			AuditCsv.header(csv);
			List<FieldValue> last = List.of();
			do {
				Revisions.AuditPage page = this.revisions.audit(audit, EXPORT_PAGE, last);
				for (StoredRevision change : page.changes()) {
					AuditCsv.line(csv, change);
				}
				csv.flush();
				last = page.last();
			}
			while (!last.isEmpty());
		};
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header("Content-Disposition", "attachment; filename=\"audit.csv\"")
			.body(body);
	}

	private StoredRevision whole(String item, long revision) throws IOException {
		return this.revisions.get(item, revision)
			.orElseThrow(() -> new NotFound("No revision " + revision + " of " + item));
	}

	private static String item(String collection, String id, String locale) {
		if (!COLLECTIONS.containsKey(collection)) {
			throw new NotFound("No collection '" + collection + "': articles or events");
		}
		return collection + "/" + id + ":" + locale;
	}

	private static Revisions.Audit audit(@Nullable String from, @Nullable String to, @Nullable String author,
			@Nullable String item, @Nullable String action, @Nullable String type) {
		if (action != null && !ACTIONS.contains(action)) {
			throw new InvalidParameter("action", "must be one of " + String.join(", ", ACTIONS), ACTIONS);
		}
		if (type != null && !COLLECTIONS.containsValue(type)) {
			throw new InvalidParameter("type", "must be article or event", List.of("article", "event"));
		}
		return new Revisions.Audit(instant("from", from), instant("to", to), author, item, action, type);
	}

	private static @Nullable Instant instant(String name, @Nullable String value) {
		if (value == null) {
			return null;
		}
		try {
			return (value.length() == 10) ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
					: Instant.parse(value);
		}
		catch (DateTimeException ex) {
			throw new InvalidParameter(name, "must be a date (2026-12-01) or an instant (2026-12-01T09:00:00Z)",
					List.of("yyyy-mm-dd", "yyyy-mm-ddThh:mm:ssZ"));
		}
	}

	private static String text(String html) {
		return Jsoup.parse(html).text();
	}

	/** The sort values of a page's last change, as the next page's {@code after}. */
	private static String encode(List<FieldValue> last) {
		String joined = last.get(0).longValue() + "\n" + last.get(1).stringValue() + "\n" + last.get(2).longValue();
		return Base64.getUrlEncoder().withoutPadding().encodeToString(joined.getBytes(StandardCharsets.UTF_8));
	}

	private static List<FieldValue> decode(String after) {
		try {
			String[] parts = new String(Base64.getUrlDecoder().decode(after), StandardCharsets.UTF_8).split("\n");
			return List.of(FieldValue.of(Long.parseLong(parts[0])), FieldValue.of(parts[1]),
					FieldValue.of(Long.parseLong(parts[2])));
		}
		catch (IllegalArgumentException | ArrayIndexOutOfBoundsException ex) {
			throw new InvalidParameter("after", "is not the after of an audit answer", List.of());
		}
	}

	/**
	 * An item's revisions.
	 *
	 * @param item the source topic and key
	 * @param type article or event
	 * @param id the item's id
	 * @param locale its locale
	 * @param revisions newest first
	 * @param truncated true when the item has more revisions than a list holds
	 */
	record RevisionList(String item, String type, String id, String locale, List<StoredRevision> revisions,
			boolean truncated) {
	}

	/**
	 * What changed between two revisions.
	 *
	 * @param item the source topic and key
	 * @param from the earlier revision
	 * @param to the later revision
	 * @param fields title, lead and body
	 */
	record RevisionDiff(String item, long from, long to, List<TextDiff> fields) {
	}

	/**
	 * A page of the audit.
	 *
	 * @param total how many changes the criteria select, on the first page only
	 * @param changes newest first
	 * @param after the next page's {@code after}; absent on the last page
	 */
	record AuditAnswer(@Nullable Long total, List<StoredRevision> changes, @Nullable String after) {
	}

}
