package io.chancery.ingest.validation;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Collects every violation of a request before answering, so an editor sees all of them
 * at once.
 */
public final class Violations {

	/**
	 * Ids travel in record keys joined to the locale with a colon, so they never contain
	 * one.
	 */
	public static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");

	/** Copied once: ZoneId.getAvailableZoneIds() builds a new set on every call. */
	private static final Set<String> ZONES = Set.copyOf(ZoneId.getAvailableZoneIds());

	private final List<InvalidContent.Violation> violations = new ArrayList<>();

	public Violations require(boolean condition, String field, String message) {
		if (!condition) {
			this.violations.add(new InvalidContent.Violation(field, message));
		}
		return this;
	}

	public Violations requireText(@Nullable String value, String field, int maxLength) {
		if (value == null || value.isBlank()) {
			return require(false, field, "is required");
		}
		require(value.length() <= maxLength, field, "is longer than " + maxLength + " characters");
		return characters(value, field);
	}

	public Violations optionalText(@Nullable String value, String field, int maxLength) {
		require(value == null || value.length() <= maxLength, field, "is longer than " + maxLength + " characters");
		return (value != null) ? characters(value, field) : this;
	}

	private Violations characters(String value, String field) {
		String problem = Characters.problem(value);
		return (problem != null) ? require(false, field, problem) : this;
	}

	public Violations requireId(@Nullable String id, String field) {
		if (id == null || id.isBlank()) {
			return require(false, field, "is required");
		}
		return require(ID.matcher(id).matches(), field,
				"must be 1 to 100 lower-case letters, digits and hyphens, starting with a letter or digit");
	}

	public Violations requireLocale(@Nullable String locale, String field, Set<String> supported) {
		if (locale == null || locale.isBlank()) {
			return require(false, field, "is required");
		}
		return require(supported.contains(locale), field, "must be one of " + String.join(", ", supported));
	}

	public Violations requireZone(@Nullable String zone, String field) {
		if (zone == null || zone.isBlank()) {
			return require(false, field, "is required");
		}
		return require(isZone(zone), field, "must be an IANA time zone such as Europe/Moscow or Europe/London, or UTC");
	}

	public Violations optionalUrl(@Nullable String url, String field) {
		if (url == null) {
			return this;
		}
		boolean valid;
		try {
			URI uri = new URI(url);
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
			valid = (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && url.length() <= 2000;
		}
		catch (URISyntaxException ex) {
			valid = false;
		}
		return require(valid, field, "must be an absolute http or https URL");
	}

	public Violations texts(@Nullable Collection<String> values, String field, int maxItems, int maxLength) {
		if (values == null) {
			return this;
		}
		require(values.size() <= maxItems, field, "has more than " + maxItems + " entries");
		int index = 0;
		for (String value : values) {
			requireText(value, field + "[" + index++ + "]", maxLength);
		}
		return this;
	}

	/** Throws {@link InvalidContent} with everything collected, if anything was. */
	public void throwIfAny() {
		if (!this.violations.isEmpty()) {
			throw new InvalidContent(this.violations);
		}
	}

	static boolean isZone(String zone) {
		// Only region ids and UTC: offsets such as +03:00 do not follow daylight saving
		// time.
		if (!zone.equals("UTC") && !ZONES.contains(zone)) {
			return false;
		}
		try {
			ZoneId.of(zone);
			return true;
		}
		catch (DateTimeException ex) {
			return false;
		}
	}

}
