package cn.shegong.portal.search;

import cn.shegong.portal.search.QueryWords.Word;
import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;

/**
 * Keeps a long query within what Lucene will run: every word adds clauses for each synonym, field
 * and gram, and a run of Han words typed together adds pairs of them, so 80 characters can pass
 * Lucene's limit of {@value #LUCENE_LIMIT} clauses (IndexSearcher.getMaxClauseCount)
 * (TooManyNestedClauses). The query is cut to its first words, at most {@link #MAX_CHARS}
 * characters, and fewer while the built queries count more than {@link #MAX_CLAUSES} clauses; the
 * reader is told.
 */
final class QueryBudget {
  static final int LUCENE_LIMIT = 1024;

  /** Well below Lucene's limit: the rewritten query may count a little more than the built one. */
  static final int MAX_CLAUSES = 700;

  static final int MAX_CHARS = 40;

  /** The words searched for, and the notice when they are fewer than typed (null otherwise). */
  record Kept(List<Word> words, String notice) {}

  private final QueryBuilder queries;

  QueryBudget(QueryBuilder queries) {
    this.queries = queries;
  }

  Kept keep(List<Word> typed) {
    int n = typed.size();
    while (n > 1 && chars(typed.subList(0, n)) > MAX_CHARS) n--;
    while (n > 1 && cost(typed.subList(0, n)) > MAX_CLAUSES) n--;
    if (n == typed.size()) return new Kept(typed, null);
    List<Word> kept = List.copyOf(typed.subList(0, n));
    return new Kept(
        kept,
        "查询过长，只按前 "
            + chars(kept)
            + " 个字搜索（"
            + String.join(" ", kept.stream().map(Word::text).toList())
            + "）。");
  }

  private static int chars(List<Word> words) {
    return words.stream().mapToInt(w -> w.text().length()).sum();
  }

  int cost(List<Word> words) {
    int proximity = queries.proximity(words).map(QueryBudget::clauses).orElse(0);
    int close = queries.close(words).map(QueryBudget::clauses).orElse(0);
    return Math.max(clauses(queries.strict(words)) + close, clauses(queries.loose(words)))
        + proximity;
  }

  /**
   * Clauses as IndexSearcher counts them against its limit: one per leaf query, nested ones
   * included.
   */
  static int clauses(Query q) {
    int[] n = {0};
    q.visit(
        new QueryVisitor() {
          @Override
          public void consumeTerms(Query query, Term... terms) {
            n[0]++;
          }

          @Override
          public void visitLeaf(Query query) {
            n[0]++;
          }

          @Override
          public QueryVisitor getSubVisitor(Occur occur, Query parent) {
            return this;
          }
        });
    return n[0];
  }
}
