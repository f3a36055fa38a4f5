package io.chancery.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/**
 * {@code chancery_yo_fold}: ё to е. It also applies in normalizers and to the terms of
 * prefix, wildcard and fuzzy queries, so keyword fields and such queries fold alike.
 */
@NamedComponent(YoFoldTokenFilterFactory.NAME)
public class YoFoldTokenFilterFactory implements TokenFilterFactory {

	static final String NAME = "chancery_yo_fold";

	@Override
	public TokenStream create(TokenStream tokenStream) {
		return new YoFoldFilter(tokenStream);
	}

	@Override
	public TokenStream normalize(TokenStream tokenStream) {
		return create(tokenStream);
	}

}
