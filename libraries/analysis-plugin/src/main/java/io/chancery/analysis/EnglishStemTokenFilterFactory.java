package io.chancery.analysis;

import java.lang.Character.UnicodeScript;

import org.apache.lucene.analysis.TokenStream;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;
import org.tartarus.snowball.ext.EnglishStemmer;

/**
 * {@code chancery_english_stem}: the Snowball English (Porter2) stemmer, for all-Latin
 * tokens only. Porter2 rather than a minimal stemmer because speeches must meet speech;
 * it also joins negotiation, negotiations and negotiating, which site search wants.
 */
@NamedComponent(EnglishStemTokenFilterFactory.NAME)
public class EnglishStemTokenFilterFactory implements TokenFilterFactory {

	static final String NAME = "chancery_english_stem";

	@Override
	public TokenStream create(TokenStream tokenStream) {
		return new ScriptStemFilter(tokenStream, UnicodeScript.LATIN, new EnglishStemmer());
	}

}
