package io.chancery.web;

import java.util.Collection;

import org.jspecify.annotations.Nullable;

/**
 * The locale a request asks for, checked against those the site publishes in, with one
 * answer for a locale it does not: a mistake to be told about, never a filter that
 * quietly matches nothing.
 */
public final class Locales {

	private static final int SHOWN = 60;

	private Locales() {
	}

	/**
	 * The one locale a request names, or the default when it names none.
	 * @throws InvalidParameter when it names one the site does not publish in
	 */
	public static String chosen(@Nullable String given, String defaultLocale, Collection<String> locales) {
		String chosen = (given == null || given.isBlank()) ? defaultLocale : given.strip();
		if (!locales.contains(chosen)) {
			throw unknown("locale", chosen, locales);
		}
		return chosen;
	}

	/** The problem for a parameter that names a locale the site does not publish in. */
	public static InvalidParameter unknown(String parameter, String given, Collection<String> locales) {
		// What the caller sent is echoed, so never at any length.
		String shown = (given.length() > SHOWN) ? given.substring(0, SHOWN) + "…" : given;
		return new InvalidParameter(parameter, "names '" + shown + "', which is not a locale of this site",
				locales.stream().sorted().toList());
	}

}
