package cn.shegong.portal.search;

import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * Index-time analysis. Text arrives already folded by {@link TextNormalizer}. Han text becomes
 * single characters plus overlapping bigrams at the same positions, so a query word of n characters
 * is a phrase of n-1 bigrams and only matches where its characters stand together. Latin words are
 * lower-cased, never stemmed. Pinyin fields hold one prepared token per character, separated by
 * spaces; gram fields see {@link HanGrams}.
 */
public final class SearchAnalyzers {
  private SearchAnalyzers() {}

  /** Bigrams plus unigrams: 社工站 → 社, 社工, 工, 工站, 站. */
  public static final class HanBigramAnalyzer extends Analyzer {
    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer source = new StandardTokenizer();
      TokenStream stream = new LowerCaseFilter(source);
      stream =
          new CJKBigramFilter(
              stream,
              CJKBigramFilter.HAN
                  | CJKBigramFilter.HIRAGANA
                  | CJKBigramFilter.KATAKANA
                  | CJKBigramFilter.HANGUL,
              true);
      return new TokenStreamComponents(source, stream);
    }
  }

  public static Analyzer forIndex() {
    Analyzer tokens = new WhitespaceAnalyzer();
    Analyzer grams = new HanGrams.GramAnalyzer();
    return new PerFieldAnalyzerWrapper(
        new HanBigramAnalyzer(),
        Map.of(
            SearchFields.TITLE_PINYIN, tokens,
            SearchFields.TITLE_INITIALS, tokens,
            SearchFields.REGION_PINYIN, tokens,
            SearchFields.REGION_INITIALS, tokens,
            SearchFields.TITLE_GRAMS, grams,
            SearchFields.BODY_GRAMS, grams,
            SearchFields.REGION_GRAMS, grams));
  }
}
