package io.chancery.demo;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.chancery.contracts.ArticleKind;
import io.chancery.contracts.CounterDefinition;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The lines of ingest-service's import ({@code POST /api/v1/import}): each carries its
 * {@code type} first, then exactly the fields of the matching request of the publishing
 * API, absent rather than null when unset. Enum values are written with the contract's
 * wire names.
 */
final class ImportLines {

	/** Date-times with their offset spelled out, "+00:00" rather than "Z". */
	static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");

	private static final JsonMapper JSON = JsonMapper.builder()
		.disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
		.changeDefaultPropertyInclusion((inclusion) -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
		.build();

	private ImportLines() {
	}

	static String json(Object line) {
		return JSON.writeValueAsString(line);
	}

	static String dateTime(OffsetDateTime dateTime) {
		return DATE_TIME.format(dateTime);
	}

	@JsonPropertyOrder("type")
	record ArticleLine(String id, String locale, ArticleKind kind, String title, String lead, String body,
			@Nullable String deliveredAt, String publishedAt, String timeZone, @Nullable String place,
			List<String> people, List<String> tags, @Nullable String sourceUrl, @Nullable Withdrawal withdrawal) {

		@JsonProperty
		String type() {
			return "article";
		}

	}

	/**
	 * A withdrawal that keeps the item readable.
	 *
	 * @param note why it was withdrawn
	 */
	record Withdrawal(String note) {
	}

	@JsonPropertyOrder("type")
	record EventLine(String id, String locale, String date, String timeZone, String title, @Nullable String lead,
			@Nullable String relatedArticleId, @Nullable Counter counter) {

		@JsonProperty
		String type() {
			return "event";
		}

	}

	record Counter(String caption, String timeZone, CounterDefinition.Direction direction, @Nullable String countFrom,
			@Nullable String stoppedOn, @Nullable List<Integer> milestones, boolean anniversaries) {
	}

	@JsonPropertyOrder("type")
	record SiteLine(String locale, String name, List<Contact> contacts, List<Clock> clocks) {

		@JsonProperty
		String type() {
			return "site";
		}

	}

	record Contact(String title, List<String> phones, List<String> emails, @Nullable String address,
			@Nullable String hours) {
	}

	record Clock(String name, String timeZone) {
	}

}
