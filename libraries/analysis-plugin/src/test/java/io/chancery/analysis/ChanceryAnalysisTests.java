package io.chancery.analysis;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.SetKeywordMarkerFilter;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The filters as the search index chains them: standard tokenizer, lowercase, ё folding,
 * English and Russian stop words, Russian stemming, English stemming.
 */
class ChanceryAnalysisTests {

	private static final CharArraySet STOP_WORDS = stopWords();

	@Test
	void russianInflectionsMeetInOneTerm() throws IOException {
		assertThat(bilingual("кандидат кандидаты кандидатов")).containsOnly("кандидат").hasSize(3);
		assertThat(bilingual("выборы выборов")).containsOnly("выбор").hasSize(2);
	}

	@Test
	void englishInflectionsMeetInOneTerm() throws IOException {
		assertThat(bilingual("speech speeches").stream().distinct()).hasSize(1);
		assertThat(bilingual("candidate candidates").stream().distinct()).hasSize(1);
		assertThat(bilingual("negotiation negotiations").stream().distinct()).hasSize(1);
	}

	@Test
	void yoAndYeSpellingsMeet() throws IOException {
		assertThat(bilingual("Ёлка елка").stream().distinct()).hasSize(1);
		assertThat(bilingual("ЁЛКА е\u0308лка елка").stream().distinct()).hasSize(1);
	}

	@Test
	void wordsWithYoAreStemmedAfterFolding() throws IOException {
		assertThat(bilingual("учёные учёных ученый").stream().distinct()).singleElement()
			.isEqualTo(bilingual("ученые").get(0));
	}

	@Test
	void stopWordsOfBothLanguagesAreRemoved() throws IOException {
		assertThat(bilingual("the ambassador и посол")).hasSize(2).doesNotContain("the", "и");
	}

	@Test
	void russianStemmerLeavesLatinAndMixedScriptTokensAlone() throws IOException {
		UnaryOperator<TokenStream> russian = (stream) -> new RussianStemTokenFilterFactory()
			.create(new LowerCaseFilter(stream));
		assertThat(analyze("speeches candidates ambassadors", russian)).containsExactly("speeches", "candidates",
				"ambassadors");
		// Latin "p", "y" and "c" among Cyrillic letters: a typo no stemmer should guess
		// at.
		assertThat(analyze("pycckими", russian)).containsExactly("pycckими");
	}

	@Test
	void englishStemmerLeavesCyrillicTokensAlone() throws IOException {
		UnaryOperator<TokenStream> english = (stream) -> new EnglishStemTokenFilterFactory()
			.create(new LowerCaseFilter(stream));
		assertThat(analyze("кандидаты выборов посольства", english)).containsExactly("кандидаты", "выборов",
				"посольства");
	}

	@Test
	void keywordMarkedTokensAreNotStemmed() throws IOException {
		CharArraySet protectedWords = new CharArraySet(List.of("news", "новости"), false);
		UnaryOperator<TokenStream> chain = (stream) -> new EnglishStemTokenFilterFactory()
			.create(new RussianStemTokenFilterFactory().create(new SetKeywordMarkerFilter(stream, protectedWords)));
		assertThat(analyze("news новости", chain)).containsExactly("news", "новости");
	}

	@Test
	void exactAnalyzerFoldsYoButDoesNotStem() throws IOException {
		UnaryOperator<TokenStream> exact = (stream) -> new YoFoldTokenFilterFactory()
			.create(new LowerCaseFilter(stream));
		assertThat(analyze("Ёлки Speeches", exact)).containsExactly("елки", "speeches");
	}

	@Test
	void yoFoldingAlsoNormalizes() throws IOException {
		assertThat(analyze("ёж Ёж", (stream) -> new YoFoldTokenFilterFactory().normalize(stream))).containsExactly("еж",
				"Еж");
	}

	private static List<String> bilingual(String text) throws IOException {
		return analyze(text, (stream) -> {
			TokenStream chain = new LowerCaseFilter(stream);
			chain = new YoFoldTokenFilterFactory().create(chain);
			chain = new StopFilter(chain, STOP_WORDS);
			chain = new RussianStemTokenFilterFactory().create(chain);
			return new EnglishStemTokenFilterFactory().create(chain);
		});
	}

	private static List<String> analyze(String text, UnaryOperator<TokenStream> filters) throws IOException {
		try (Analyzer analyzer = new ChainAnalyzer(filters); TokenStream stream = analyzer.tokenStream("text", text)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			List<String> terms = new ArrayList<>();
			stream.reset();
			while (stream.incrementToken()) {
				terms.add(term.toString());
			}
			stream.end();
			return terms;
		}
	}

	private static CharArraySet stopWords() {
		// What Elasticsearch's _english_ and _russian_ lists are.
		CharArraySet words = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, false);
		words.addAll(RussianAnalyzer.getDefaultStopSet());
		return CharArraySet.unmodifiableSet(words);
	}

	private static final class ChainAnalyzer extends Analyzer {

		private final UnaryOperator<TokenStream> filters;

		ChainAnalyzer(UnaryOperator<TokenStream> filters) {
			this.filters = filters;
		}

		@Override
		protected TokenStreamComponents createComponents(String fieldName) {
			Tokenizer tokenizer = new StandardTokenizer();
			return new TokenStreamComponents(tokenizer, this.filters.apply(tokenizer));
		}

	}

}
