package cn.shegong.portal.search;

import java.io.IOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.spans.SpanNearQuery;
import org.apache.lucene.queries.spans.SpanQuery;
import org.apache.lucene.queries.spans.SpanTermQuery;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Every stretch of {@value #MIN} to {@value #MAX} adjacent Han characters of a text, indexed as one
 * term each (frequencies, no positions). A query word of that length then is one term lookup: as
 * exact as the phrase of its bigrams (the characters must stand together), but scored from the
 * postings alone, with no positions to read on every matching document, and with exact per-block
 * score bounds so the top hits can skip.
 */
final class HanGrams {
  static final int MIN = 3;
  static final int MAX = 4;
  static final FieldType TYPE = new FieldType();

  static {
    TYPE.setTokenized(true);
    TYPE.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
    TYPE.freeze();
  }

  private HanGrams() {}

  /** The gram field beside a Han text field. */
  static String field(String textField) {
    return switch (textField) {
      case SearchFields.TITLE -> SearchFields.TITLE_GRAMS;
      case SearchFields.BODY -> SearchFields.BODY_GRAMS;
      case SearchFields.REGION_TEXT -> SearchFields.REGION_GRAMS;
      default -> throw new IllegalArgumentException("no grams beside " + textField);
    };
  }

  /**
   * Han text where its characters stand together: a unigram or bigram term of the text field, a
   * gram term, or, longer, the grams that cover it (scored) with the phrase of its bigrams checked
   * only where all of them occur.
   */
  static Query query(String field, String text) {
    if (text.length() <= 2) return new TermQuery(new Term(field, text));
    if (text.length() <= MAX) return new TermQuery(new Term(field(field), text));
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (int at = 0; ; at += MAX) {
      int start = Math.min(at, text.length() - MAX);
      b.add(new TermQuery(new Term(field(field), text.substring(start, start + MAX))), Occur.MUST);
      if (start == text.length() - MAX) break;
    }
    PhraseQuery.Builder bigrams = new PhraseQuery.Builder();
    for (int i = 0; i + 1 < text.length(); i++)
      bigrams.add(new Term(field, text.substring(i, i + 2)), i);
    return b.add(bigrams.build(), Occur.FILTER).build();
  }

  /** The same as a span of the text field's bigrams (or its unigram), for proximity. */
  static SpanQuery span(String field, String text) {
    if (text.length() == 1) return new SpanTermQuery(new Term(field, text));
    SpanQuery[] bigrams = new SpanQuery[text.length() - 1];
    for (int i = 0; i + 1 < text.length(); i++)
      bigrams[i] = new SpanTermQuery(new Term(field, text.substring(i, i + 2)));
    return bigrams.length == 1 ? bigrams[0] : new SpanNearQuery(bigrams, 0, true);
  }

  /** Reads folded text; emits its grams. */
  static final class GramAnalyzer extends Analyzer {
    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      return new TokenStreamComponents(new GramTokenizer());
    }
  }

  static final class GramTokenizer extends Tokenizer {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final StringBuilder text = new StringBuilder();
    private final char[] buffer = new char[4096];
    private int start;
    private int runEnd;
    private int length;

    @Override
    public void reset() throws IOException {
      super.reset();
      text.setLength(0);
      for (int n = input.read(buffer); n != -1; n = input.read(buffer)) text.append(buffer, 0, n);
      start = 0;
      runEnd = 0;
    }

    @Override
    public boolean incrementToken() {
      clearAttributes();
      while (start < text.length()) {
        if (runEnd <= start) {
          while (start < text.length() && !TextNormalizer.isHan(text.charAt(start))) start++;
          runEnd = start;
          while (runEnd < text.length() && TextNormalizer.isHan(text.charAt(runEnd))) runEnd++;
          length = MIN;
        }
        if (length <= MAX && start + length <= runEnd) {
          term.setEmpty().append(text, start, start + length++);
          return true;
        }
        start++;
        length = MIN;
      }
      return false;
    }
  }
}
