package io.chancery.search.reading;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import io.chancery.web.QueryParameters;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import org.jspecify.annotations.Nullable;

/**
 * The query parameters of the read routes, in one table: what each route accepts (any
 * other parameter is refused with a 400 that lists these) and what its API document
 * declares (name, type, allowed values, default, repeatable). The values are read and
 * checked by {@link SearchParameters}; this table is what a caller and a generated client
 * see of them.
 */
public enum ReadParameters {

	/** Articles and events listings. */
	LISTING(Stream.concat(common().stream(), Stream.of(described("paging"), described("cursor"))).toList()),

	/** All messages, articles and events together. */
	ARCHIVE(Stream
		.concat(common().stream(),
				Stream.of(described("type"), described("reject-type"), described("paging"), described("cursor")))
		.toList()),

	/** Search, with facets and a histogram. */
	SEARCH(Stream
		.concat(common().stream(),
				Stream.of("type", "reject-type", "facets", "histogram", "paging", "cursor")
					.map(ReadParameters::described))
		.toList()),

	/** Export: the search's filters without paging, and a format. */
	EXPORT(Stream
		.concat(common().stream().filter((p) -> !p.name().equals("page") && !p.name().equals("size")),
				Stream.of(described("type"), described("reject-type"), described("format")))
		.toList()),

	/** One item. */
	ITEM(List.of(described("locale-one"))),

	/** Items like one. */
	RELATED(List.of(described("locale-one"), described("related-size"))),

	/** An Atom feed. */
	FEED(List.of(described("locale-one"), described("feed-page")));

	/**
	 * The formats an export is written in, the first the default; the export's own
	 * formats are held to these by its tests.
	 */
	public static final List<String> EXPORT_FORMATS = List.of("csv", "ndjson");

	private final List<Described> parameters;

	ReadParameters(List<Described> parameters) {
		this.parameters = parameters;
	}

	/**
	 * The formats an export is written in, the first the default; the export's own
	 * formats are held to these by its tests.
	 */
	public static List<String> exportFormats() {
		return ExportFormats.NAMES;
	}

	/** The names this route accepts. */
	public Set<String> names() {
		Set<String> names = new LinkedHashSet<>();
		this.parameters.forEach((parameter) -> names.add(parameter.name()));
		return Set.copyOf(names);
	}

	/** What the route accepts, each parameter once unless it is repeatable. */
	QueryParameters accepted() {
		return QueryParameters.of(
				this.parameters.stream().filter((parameter) -> !parameter.repeatable()).map(Described::name).toList(),
				this.parameters.stream().filter(Described::repeatable).map(Described::name).toList());
	}

	/** The parameters as the API document declares them. */
	List<Parameter> documented() {
		return this.parameters.stream().map(Described::parameter).toList();
	}

	private static List<Described> common() {
		List<Described> common = new ArrayList<>();
		for (String name : List.of("q", "kind", "person", "tag", "locale", "reject-kind", "reject-person", "reject-tag",
				"reject-locale", "date-field", "from", "to", "year", "month", "zone", "order", "page", "size")) {
			common.add(described(name));
		}
		return common;
	}

	private static Described described(String key) {
		return switch (key) {
			case "q" -> new Described("q", "Words, all of which must match; \"a phrase\", prefix*, AND, OR, NOT or "
					+ "-word, parentheses; at most 500 characters", new StringSchema(), false);
			case "kind", "person",
					"tag" ->
				new Described(key,
						"Only items with one of these " + key + "s (repeat the parameter or separate with commas)",
						new StringSchema(), true);
			case "locale" ->
				new Described(key, "Only items in one of these locales of the site", new StringSchema(), true);
			case "type" ->
				new Described(key, "Only articles or only events", strings(List.of("article", "event")), true);
			case "reject-kind", "reject-person", "reject-tag", "reject-locale", "reject-type" ->
				new Described(key, "Leave out items with one of these " + key.substring("reject-".length()) + " values",
						new StringSchema(), true);
			case "date-field" -> new Described(key, "Which date from, to, year and month apply to; default date",
					strings(ParameterValue.names(DateField.class)).example("date"), false);
			case "from" -> new Described(key, "From this day (in zone) or instant", new StringSchema(), false);
			case "to" -> new Described(key, "Up to this day (in zone, included) or instant", new StringSchema(), false);
			case "year" -> new Described(key, "Only this year (in zone)", integer(1, 9999, null), false);
			case "month" -> new Described(key, "Only this month of year (needs year)", integer(1, 12, null), false);
			case "zone" -> new Described(key,
					"The IANA time zone days, months and histogram buckets begin in; " + "default the site's",
					new StringSchema(), false);
			case "order" -> new Described(key, "relevance (default with q), newest (default without) or oldest",
					strings(ParameterValue.names(Order.class)), false);
			case "page" -> new Described(key, "Page number; page * size at most " + SearchParameters.MAX_WINDOW,
					integer(1, null, 1), false);
			case "size" -> new Described(key, "Results per page",
					integer(1, SearchParameters.MAX_SIZE, SearchParameters.DEFAULT_SIZE), false);
			case "facets" -> new Described(key, "Count results by these dimensions, each without its own filter",
					strings(ParameterValue.names(Dimension.class)), true);
			case "histogram" -> new Described(key,
					"Count results by calendar interval of date-field; day and week " + "need from and to",
					strings(ParameterValue.names(Interval.class)), false);
			case "paging" -> new Described(key, "cursor: page through any number of results with nextCursor",
					strings(List.of("cursor")), false);
			case "cursor" ->
				new Described(key, "The nextCursor of the page before; comes alone, it carries the search's parameters",
						new StringSchema(), false);
			case "format" -> new Described(key, "csv (default) or ndjson", strings(exportFormats()), false);
			case "locale-one" ->
				new Described("locale", "The item's locale; default the site's", new StringSchema(), false);
			case "related-size" -> new Described("size", "How many", integer(1, 20, 5), false);
			case "feed-page" -> new Described("page", "Page of the feed", integer(1, 500, 1), false);
			default -> throw new IllegalArgumentException(key);
		};
	}

	private static Schema<?> strings(List<String> allowed) {
		StringSchema schema = new StringSchema();
		allowed.forEach(schema::addEnumItem);
		return schema;
	}

	private static Schema<?> integer(int minimum, @Nullable Integer maximum, @Nullable Integer fallback) {
		IntegerSchema schema = new IntegerSchema();
		schema.setMinimum(java.math.BigDecimal.valueOf(minimum));
		if (maximum != null) {
			schema.setMaximum(java.math.BigDecimal.valueOf(maximum));
		}
		if (fallback != null) {
			schema.setDefault(fallback);
		}
		return schema;
	}

	/**
	 * Marks a handler method with the parameters its route accepts, for its API document.
	 */
	@Documented
	@Retention(RetentionPolicy.RUNTIME)
	@Target(ElementType.METHOD)
	public @interface Accepts {

		ReadParameters value();

	}

	/**
	 * One parameter.
	 *
	 * @param name its name in the query
	 * @param description what it does
	 * @param schema the type of one value, with the allowed values and the default
	 * @param repeatable whether it takes several values (repeated, or separated with
	 * commas)
	 */
	private record Described(String name, String description, Schema<?> schema, boolean repeatable) {

		Parameter parameter() {
			Parameter parameter = new Parameter().in("query").name(this.name).description(this.description);
			if (this.repeatable) {
				parameter.schema(new ArraySchema().items(this.schema)).explode(true);
			}
			else {
				parameter.schema(this.schema);
			}
			return parameter;
		}

	}

	/** Apart, so the table's constants can read it while they are made. */
	private static final class ExportFormats {

		static final List<String> NAMES = List.of("csv", "ndjson");

	}

}
