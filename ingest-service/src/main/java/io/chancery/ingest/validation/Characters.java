package io.chancery.ingest.validation;

import org.jspecify.annotations.Nullable;

/**
 * Characters no editor types and every reader would suffer: control characters (tabs and
 * line breaks aside), broken UTF-16 (an unpaired surrogate, which no encoding can carry),
 * and the bidirectional overrides that make text display in another order than it reads.
 */
public final class Characters {

	private Characters() {
	}

	/** What is wrong with the text, or {@code null} when nothing is. */
	public static @Nullable String problem(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < value.length()
					&& Character.isLowSurrogate(value.charAt(i + 1))) {
				i++;
			}
			else if (Character.isSurrogate(c)) {
				return "contains a broken character (an unpaired surrogate)";
			}
			else if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f)) {
				return "contains a control character (U+%04X)".formatted((int) c);
			}
			else if ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) {
				return "contains a bidirectional override (U+%04X)".formatted((int) c);
			}
		}
		return null;
	}

}
