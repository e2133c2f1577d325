package cn.shegong.portal.news;

import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;

/**
 * The WHERE clause for public articles matching a filter, with numbered parameters. One dimension
 * can be left out, so facet counts show what choosing another value of that dimension would give.
 */
final class ArticleWhere {
  /** Publication year and month are read in China time, as the dates are printed. */
  static final String YEAR_SQL =
      "CAST(extract(year FROM a.published_at AT TIME ZONE 'Asia/Shanghai') AS int)";

  static final String MONTH_SQL =
      "CAST(extract(month FROM a.published_at AT TIME ZONE 'Asia/Shanghai') AS int)";

  private final List<String> conditions = new ArrayList<>();
  private final List<Object> params = new ArrayList<>();

  private ArticleWhere() {
    conditions.add("a.status = 'published'");
  }

  static ArticleWhere of(ArticleFilter f, FilterDimension skip) {
    ArticleWhere w = new ArticleWhere();
    if (skip != FilterDimension.REGION)
      f.region().ifPresent(v -> w.add("? IN (a.province, a.city, a.district)", v));
    if (skip != FilterDimension.TAG) f.tag().ifPresent(v -> w.add("? = ANY (a.tags)", v));
    if (skip != FilterDimension.YEAR) f.year().ifPresent(v -> w.add(YEAR_SQL + " = ?", v));
    if (skip != FilterDimension.MONTH) {
      // a date known only to the year says nothing about its month
      f.month()
          .ifPresent(v -> w.add(MONTH_SQL + " = ? AND a.date_precision IN ('day', 'month')", v));
    }
    if (skip != FilterDimension.SOURCE) f.source().ifPresent(v -> w.add("a.source = ?", v));
    f.since().ifPresent(v -> w.add("a.published_at >= ?", v));
    return w;
  }

  static ArticleWhere of(ArticleFilter f) {
    return of(f, FilterDimension.NONE);
  }

  /** Benchmark rows stay out of feeds and the sitemap. */
  ArticleWhere realOnly() {
    conditions.add("a.origin <> 'synthetic'");
    return this;
  }

  ArticleWhere and(String condition) {
    conditions.add(condition);
    return this;
  }

  private void add(String condition, Object value) {
    params.add(value);
    conditions.add(condition.replace("?", "$" + params.size()));
  }

  String sql() {
    return " WHERE " + String.join(" AND ", conditions);
  }

  /** The next free parameter number, for OFFSET/LIMIT after the conditions. */
  String next(int plus) {
    return "$" + (params.size() + plus);
  }

  Tuple tuple(Object... more) {
    List<Object> all = new ArrayList<>(params);
    all.addAll(List.of(more));
    return Tuple.from(all);
  }
}
