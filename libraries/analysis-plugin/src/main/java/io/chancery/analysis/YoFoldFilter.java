package io.chancery.analysis;

import java.io.IOException;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Folds ё into е and Ё into Е, as most Russian text is written anyway, so that ёлка and
 * елка are one term. A decomposed ё (е followed by a combining diaeresis) folds too.
 */
final class YoFoldFilter extends TokenFilter {

	private static final char COMBINING_DIAERESIS = '\u0308';

	private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

	YoFoldFilter(TokenStream input) {
		super(input);
	}

	@Override
	public boolean incrementToken() throws IOException {
		if (!this.input.incrementToken()) {
			return false;
		}
		char[] buffer = this.term.buffer();
		int length = this.term.length();
		int written = 0;
		for (int read = 0; read < length; read++) {
			char c = buffer[read];
			if (c == COMBINING_DIAERESIS && written > 0 && isYe(buffer[written - 1])) {
				continue;
			}
			buffer[written++] = fold(c);
		}
		this.term.setLength(written);
		return true;
	}

	private static char fold(char c) {
		return switch (c) {
			case 'ё' -> 'е';
			case 'Ё' -> 'Е';
			default -> c;
		};
	}

	private static boolean isYe(char c) {
		return c == 'е' || c == 'Е';
	}

}
