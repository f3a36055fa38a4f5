package io.chancery.analysis;

import java.io.IOException;
import java.lang.Character.UnicodeScript;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.tartarus.snowball.SnowballStemmer;

/**
 * Stems with a Snowball stemmer only the tokens whose letters are all of one script, so
 * that one analyzer can carry a Russian and an English stemmer without either rewriting
 * the other language's words (or a mixed-script token such as a model number). Expects
 * lower-cased input, like every Snowball stemmer, and leaves keyword-marked tokens alone.
 */
final class ScriptStemFilter extends TokenFilter {

	private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

	private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);

	private final UnicodeScript script;

	private final SnowballStemmer stemmer;

	ScriptStemFilter(TokenStream input, UnicodeScript script, SnowballStemmer stemmer) {
		super(input);
		this.script = script;
		this.stemmer = stemmer;
	}

	@Override
	public boolean incrementToken() throws IOException {
		if (!this.input.incrementToken()) {
			return false;
		}
		if (!this.keyword.isKeyword() && lettersAreAllOfScript()) {
			this.stemmer.setCurrent(this.term.buffer(), this.term.length());
			this.stemmer.stem();
			this.term.copyBuffer(this.stemmer.getCurrentBuffer(), 0, this.stemmer.getCurrentBufferLength());
		}
		return true;
	}

	private boolean lettersAreAllOfScript() {
		char[] buffer = this.term.buffer();
		int length = this.term.length();
		boolean anyLetter = false;
		for (int i = 0; i < length;) {
			int codePoint = Character.codePointAt(buffer, i, length);
			if (Character.isLetter(codePoint)) {
				if (UnicodeScript.of(codePoint) != this.script) {
					return false;
				}
				anyLetter = true;
			}
			i += Character.charCount(codePoint);
		}
		return anyLetter;
	}

}
