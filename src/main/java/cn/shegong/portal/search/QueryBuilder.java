package cn.shegong.portal.search;

import static cn.shegong.portal.search.SearchFields.*;

import cn.shegong.portal.search.QueryWords.Kind;
import cn.shegong.portal.search.QueryWords.Word;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.spans.SpanNearQuery;
import org.apache.lucene.queries.spans.SpanOrQuery;
import org.apache.lucene.queries.spans.SpanQuery;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Builds Lucene queries from {@link QueryWords} programmatically (no query parser ever sees user
 * input). Closeness is a separate query, applied to the best hits only (see {@link SearchEngine}).
 * Strict: every word required, each word (or one of its synonyms) with its characters together (see
 * {@link HanGrams}) in title, body, region or, for Latin letters, as pinyin of title or region; the
 * title weighs most; words standing close together score extra. Loose: any word.
 */
public final class QueryBuilder {
  static final float TITLE_BOOST = 3f;
  static final float REGION_BOOST = 1.5f;
  static final float PROXIMITY_BOOST = 2f;
  static final int NEAR_SLOP = 12;
  static final int RUN_SLOP = 8;

  private final Synonyms synonyms;

  public QueryBuilder(Synonyms synonyms) {
    this.synonyms = synonyms;
  }

  /**
   * Every word required, typed runs together. The filter of a run of several words already requires
   * each of them (in the title or the text), so those words only score, as optional clauses per
   * field: Lucene then runs them as one top-k disjunction that skips documents whose fields cannot
   * outscore the best hits so far (mostly those without the words in the title), where a
   * conjunction of words would score every match.
   */
  public Query strict(List<Word> words) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    Set<Word> inRuns = new HashSet<>();
    for (List<Word> run : hanRuns(words)) {
      if (run.size() < 2) continue;
      b.add(together(run, RUN_SLOP, true), Occur.FILTER);
      inRuns.addAll(run);
    }
    for (Word w : words) {
      if (!inRuns.contains(w)) b.add(word(w), Occur.MUST);
      else for (BooleanClause c : word(w).clauses()) b.add(c.query(), Occur.SHOULD);
    }
    // true wherever the filters match; it is what lets Lucene score the optional clauses as a top-k
    // disjunction
    return b.setMinimumNumberShouldMatch(inRuns.isEmpty() ? 0 : 1).build();
  }

  /** Any word; a lone Han character only adds to the score unless the query has nothing longer. */
  public Query loose(List<Word> words) {
    boolean anyLonger = words.stream().anyMatch(w -> !isSingleHan(w));
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (Word w : words) {
      if (anyLonger && isSingleHan(w)) {
        b.add(word(w), Occur.SHOULD);
        continue;
      }
      any.add(word(w), Occur.SHOULD);
      syllablesAnywhere(w).ifPresent(q -> any.add(q, Occur.SHOULD));
    }
    b.add(any.setMinimumNumberShouldMatch(1).build(), Occur.MUST);
    return b.build();
  }

  private static boolean isSingleHan(Word w) {
    return w.kind() == Kind.HAN && w.text().length() == 1;
  }

  /** Any of the word's forms in any field that can hold it. */
  BooleanQuery word(Word w) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    if (w.kind() == Kind.HAN) {
      for (String form : forms(w)) {
        b.add(new BoostQuery(HanGrams.query(TITLE, form), TITLE_BOOST), Occur.SHOULD);
        b.add(HanGrams.query(BODY, form), Occur.SHOULD);
        b.add(new BoostQuery(HanGrams.query(REGION_TEXT, form), REGION_BOOST), Occur.SHOULD);
      }
    } else {
      String t = w.text();
      b.add(new BoostQuery(new TermQuery(new Term(TITLE, t)), TITLE_BOOST), Occur.SHOULD);
      b.add(new TermQuery(new Term(BODY, t)), Occur.SHOULD);
      b.add(new BoostQuery(new TermQuery(new Term(REGION_TEXT, t)), REGION_BOOST), Occur.SHOULD);
      if (t.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
        syllables(w)
            .ifPresent(
                syllables -> {
                  b.add(new BoostQuery(tokens(TITLE_PINYIN, syllables), TITLE_BOOST), Occur.SHOULD);
                  b.add(
                      new BoostQuery(tokens(REGION_PINYIN, syllables), TITLE_BOOST), Occur.SHOULD);
                });
        if (t.length() >= 2 && t.length() <= 12) {
          List<String> initials = t.chars().mapToObj(c -> String.valueOf((char) c)).toList();
          b.add(tokens(TITLE_INITIALS, initials), Occur.SHOULD);
          b.add(tokens(REGION_INITIALS, initials), Occur.SHOULD);
        }
      }
    }
    return b.build();
  }

  /**
   * The word and its synonyms, less any form that contains another (社会工作者 contains 社会工作): it could
   * not match a document the shorter one misses, and each phrase costs time on every document.
   */
  List<String> forms(Word w) {
    List<String> all =
        w.parts().isEmpty()
            ? List.copyOf(synonyms.expand(w.text()))
            : Units.forms(synonyms, w.parts());
    return all.stream()
        .filter(f -> all.stream().noneMatch(o -> !o.equals(f) && f.contains(o)))
        .toList();
  }

  /** Whether {@link #loose} can find more than {@link #strict} for these words. */
  public static boolean hasLooserForm(List<Word> words) {
    return words.size() > 1
        || words.stream().anyMatch(w -> syllables(w).filter(s -> s.size() > 1).isPresent());
  }

  private static Optional<List<String>> syllables(Word w) {
    if (w.kind() != Kind.LATIN || !w.text().chars().allMatch(c -> c >= 'a' && c <= 'z'))
      return Optional.empty();
    return Pinyin.split(w.text());
  }

  /**
   * Typed pinyin whose syllables all occur in the title or region, in any order (the loose
   * reading).
   */
  private static Optional<Query> syllablesAnywhere(Word w) {
    return syllables(w)
        .filter(s -> s.size() > 1)
        .map(
            syllables -> {
              BooleanQuery.Builder all = new BooleanQuery.Builder();
              for (String s : syllables) {
                all.add(
                    new BooleanQuery.Builder()
                        .add(new TermQuery(new Term(TITLE_PINYIN, s)), Occur.SHOULD)
                        .add(
                            new BoostQuery(new TermQuery(new Term(REGION_PINYIN, s)), REGION_BOOST),
                            Occur.SHOULD)
                        .build(),
                    Occur.MUST);
              }
              return all.build();
            });
  }

  private static Query tokens(String field, List<String> tokens) {
    if (tokens.size() == 1) return new TermQuery(new Term(field, tokens.get(0)));
    PhraseQuery.Builder p = new PhraseQuery.Builder();
    for (int i = 0; i < tokens.size(); i++) p.add(new Term(field, tokens.get(i)), i);
    return p.build();
  }

  /**
   * Han words typed without a space between them are one thought: they must stand close together
   * and in the typed order, unless the title holds one of them and the others stand together in the
   * text (then the title names the topic: 服务品牌 finds “拉萨社工”品牌建设 whose body is about services).
   */
  private Query together(List<Word> run, int slop, boolean inOrder) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (String field : List.of(TITLE, BODY)) b.add(near(field, run, slop, inOrder), Occur.SHOULD);
    for (Word inTitle : run) {
      List<Word> rest = run.stream().filter(w -> w != inTitle).toList();
      BooleanQuery.Builder titled = new BooleanQuery.Builder();
      titled.add(anyForm(TITLE, inTitle), Occur.MUST);
      titled.add(
          rest.size() == 1 ? anyForm(BODY, rest.get(0)) : near(BODY, rest, slop, inOrder),
          Occur.MUST);
      b.add(titled.build(), Occur.SHOULD);
    }
    return new ConstantScoreQuery(b.build());
  }

  private Query anyForm(String field, Word w) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (String form : forms(w)) b.add(HanGrams.query(field, form), Occur.SHOULD);
    return b.build();
  }

  private SpanQuery near(String field, List<Word> words, int slop, boolean inOrder) {
    List<SpanQuery> parts = new ArrayList<>();
    for (Word w : words) {
      List<SpanQuery> forms = forms(w).stream().map(f -> HanGrams.span(field, f)).toList();
      parts.add(
          forms.size() == 1 ? forms.get(0) : new SpanOrQuery(forms.toArray(SpanQuery[]::new)));
    }
    return new SpanNearQuery(parts.toArray(SpanQuery[]::new), slop, inOrder);
  }

  private static String joined(List<Word> run) {
    return String.join("", run.stream().map(Word::text).toList());
  }

  private static List<List<Word>> hanRuns(List<Word> words) {
    java.util.Map<Integer, List<Word>> runs = new java.util.LinkedHashMap<>();
    for (Word w : words)
      if (w.kind() == Kind.HAN) runs.computeIfAbsent(w.run(), k -> new ArrayList<>()).add(w);
    return new ArrayList<>(runs.values());
  }

  /**
   * The Han words of a query typed in several parts ("社会组织 培育") standing close together, in any
   * order (or the title holding one of them and the others close in the text): when enough matches
   * are close, the far-apart-only ones are dropped (see {@link SearchEngine}). Empty when the words
   * are one typed run, which {@link #strict} already wants together.
   */
  public Optional<Query> close(List<Word> words) {
    List<Word> han = words.stream().filter(w -> w.kind() == Kind.HAN).toList();
    if (han.size() < 2 || hanRuns(words).size() < 2) return Optional.empty();
    return Optional.of(together(han, NEAR_SLOP, false));
  }

  /**
   * Closer is better: the Han words near one another in the body, and each typed run as one phrase.
   */
  public Optional<Query> proximity(List<Word> words) {
    List<Word> han = words.stream().filter(w -> w.kind() == Kind.HAN).toList();
    if (han.size() < 2) return Optional.empty();
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (String field : List.of(TITLE, BODY))
      b.add(near(field, han, NEAR_SLOP, false), Occur.SHOULD);
    for (List<Word> run : hanRuns(words)) {
      if (run.size() < 2) continue;
      b.add(new BoostQuery(HanGrams.query(TITLE, joined(run)), TITLE_BOOST), Occur.SHOULD);
      b.add(HanGrams.query(BODY, joined(run)), Occur.SHOULD);
    }
    return Optional.of(new BoostQuery(b.build(), PROXIMITY_BOOST));
  }
}
