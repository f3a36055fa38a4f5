package io.chancery.analysis;

import java.lang.Character.UnicodeScript;

import org.apache.lucene.analysis.TokenStream;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;
import org.tartarus.snowball.ext.RussianStemmer;

/**
 * {@code chancery_russian_stem}: the Snowball Russian stemmer, for all-Cyrillic tokens
 * only. Snowball rather than Lucene's light stemmer because it also conflates the
 * genitive plural (кандидатов, выборов) with the nominative.
 */
@NamedComponent(RussianStemTokenFilterFactory.NAME)
public class RussianStemTokenFilterFactory implements TokenFilterFactory {

	static final String NAME = "chancery_russian_stem";

	@Override
	public TokenStream create(TokenStream tokenStream) {
		return new ScriptStemFilter(tokenStream, UnicodeScript.CYRILLIC, new RussianStemmer());
	}

}
