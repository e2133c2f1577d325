package cn.shegong.portal.news;

import cn.shegong.portal.news.ArticleWhere.Dimension;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Counts of published articles per filter value, computed in SQL. Each dimension is counted with
 * the other filters applied but not its own, so every listed value leads to as many articles as it
 * says.
 */
public final class NewsFacets {
  public record Value(String label, long count, boolean selected, String href) {}

  public record Facet(String param, String label, List<Value> values) {}

  private static final int MAX_VALUES = 40;

  private final SqlClient db;

  NewsFacets(SqlClient db) {
    this.db = db;
  }

  Future<List<Facet>> all(ArticleFilter f) {
    List<Future<Facet>> parts = new ArrayList<>();
    parts.add(
        facet(
            f,
            Dimension.REGION,
            "region",
            "地区",
            "a.province",
            "a.province <> ''",
            "count(*) DESC, 1",
            v -> f.withRegion(Optional.of(v)),
            f.region()));
    parts.add(
        facet(
            f,
            Dimension.TAG,
            "tag",
            "主题",
            "t",
            "true",
            "count(*) DESC, 1",
            v -> f.withTag(Optional.of(v)),
            f.tag()));
    parts.add(
        facet(
            f,
            Dimension.YEAR,
            "year",
            "年份",
            ArticleWhere.YEAR_SQL,
            "true",
            "1 DESC",
            v -> f.withYear(Optional.of(Integer.valueOf(v))),
            f.year().map(String::valueOf)));
    if (f.year().isPresent()) {
      parts.add(
          facet(
              f,
              Dimension.MONTH,
              "month",
              "月份",
              ArticleWhere.MONTH_SQL,
              "a.date_precision IN ('day', 'month')",
              "1",
              v -> f.withMonth(Optional.of(Integer.valueOf(v))),
              f.month().map(String::valueOf)));
    }
    parts.add(
        facet(
            f,
            Dimension.SOURCE,
            "source",
            "来源",
            "a.source",
            "a.source <> ''",
            "count(*) DESC, 1",
            v -> f.withSource(Optional.of(v)),
            f.source()));
    return Future.all(parts)
        .map(
            all -> {
              List<Facet> out = new ArrayList<>();
              for (int i = 0; i < all.size(); i++) out.add(all.resultAt(i));
              return out;
            });
  }

  private Future<Facet> facet(
      ArticleFilter f,
      Dimension dim,
      String param,
      String label,
      String valueSql,
      String extra,
      String order,
      Function<String, ArticleFilter> choose,
      Optional<String> selected) {
    ArticleWhere w = ArticleWhere.of(f, dim).and(extra);
    String from =
        dim == Dimension.TAG
            ? " FROM articles a CROSS JOIN LATERAL unnest(a.tags) AS t"
            : " FROM articles a";
    String sql =
        "SELECT CAST("
            + valueSql
            + " AS text), count(*)"
            + from
            + w.sql()
            + " GROUP BY 1 ORDER BY "
            + order
            + " LIMIT "
            + MAX_VALUES;
    return db.preparedQuery(sql)
        .execute(w.tuple())
        .map(
            rows -> {
              List<Value> values = new ArrayList<>();
              for (Row r : rows) {
                String v = r.getString(0);
                boolean on = selected.isPresent() && selected.get().equals(v);
                values.add(
                    new Value(
                        display(param, v), r.getLong(1), on, NewsLinks.list(choose.apply(v))));
              }
              return new Facet(param, label, values);
            });
  }

  private static String display(String param, String v) {
    return switch (param) {
      case "year" -> v + "年";
      case "month" -> v + "月";
      default -> v;
    };
  }
}
