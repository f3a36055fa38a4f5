package io.chancery.counter.counting;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The noun for a number of days, with the plural forms each language needs: English has
 * two (1 day, 2 days); Russian three, chosen by the last one or two digits (1 день, 2
 * дня, 5 дней, 11 дней, 21 день, 111 дней).
 */
public final class DayWords {

	/**
	 * Captions may begin with the unit out of habit ("days have passed…"); the sentence
	 * supplies its own.
	 */
	private static final Pattern LEADING_UNIT = Pattern.compile("^(?iu)(days?|день|дня|дней)\\s+");

	private DayWords() {
	}

	public static String days(long number, String language) {
		long n = Math.abs(number);
		if (language.toLowerCase(Locale.ROOT).startsWith("ru")) {
			long lastTwo = n % 100;
			long last = n % 10;
			if (last == 1 && lastTwo != 11) {
				return "день";
			}
			if (last >= 2 && last <= 4 && (lastTwo < 12 || lastTwo > 14)) {
				return "дня";
			}
			return "дней";
		}
		return (n == 1) ? "day" : "days";
	}

	/** "503 days have passed since …" from the number and the caption. */
	public static String sentence(long number, String language, String caption) {
		String rest = LEADING_UNIT.matcher(caption.strip()).replaceFirst("");
		return number + " " + days(number, language) + (rest.isEmpty() ? "" : " " + rest);
	}

}
