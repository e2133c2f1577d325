package cn.shegong.portal.news;

import cn.shegong.portal.news.KeptArticles.KeptCounts;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Counts of published articles per filter value, computed in SQL, or from the counts the search
 * index makes while the database is away. Each dimension is counted with the other filters applied
 * but not its own, so every listed value leads to as many articles as it says.
 */
public final class NewsFacets {
  public record Value(String label, long count, boolean selected, String href) {}

  public record Facet(String param, String label, List<Value> values) {}

  static final int MAX_VALUES = 40;

  /** One facet of the list: which values it counts, how it lists them, where each leads. */
  private record Spec(
      FilterDimension dim,
      String param,
      String label,
      String valueSql,
      String extra,
      FacetOrder order,
      Function<String, ArticleFilter> choose,
      Optional<String> selected) {}

  private final SqlClient db;

  NewsFacets(SqlClient db) {
    this.db = db;
  }

  private static List<Spec> specs(ArticleFilter f) {
    List<Spec> out = new ArrayList<>();
    out.add(
        new Spec(
            FilterDimension.REGION,
            "region",
            "地区",
            "a.province",
            "a.province <> ''",
            FacetOrder.MOST_FIRST,
            v -> f.withRegion(Optional.of(v)),
            f.region()));
    out.add(
        new Spec(
            FilterDimension.TAG,
            "tag",
            "主题",
            "t",
            "true",
            FacetOrder.MOST_FIRST,
            v -> f.withTag(Optional.of(v)),
            f.tag()));
    out.add(
        new Spec(
            FilterDimension.YEAR,
            "year",
            "年份",
            ArticleWhere.YEAR_SQL,
            "true",
            FacetOrder.NEWEST_FIRST,
            v -> f.withYear(Optional.of(Integer.valueOf(v))),
            f.year().map(String::valueOf)));
    if (f.year().isPresent()) {
      out.add(
          new Spec(
              FilterDimension.MONTH,
              "month",
              "月份",
              ArticleWhere.MONTH_SQL,
              "a.date_precision IN ('day', 'month')",
              FacetOrder.BY_NUMBER,
              v -> f.withMonth(Optional.of(Integer.valueOf(v))),
              f.month().map(String::valueOf)));
    }
    out.add(
        new Spec(
            FilterDimension.SOURCE,
            "source",
            "来源",
            "a.source",
            "a.source <> ''",
            FacetOrder.MOST_FIRST,
            v -> f.withSource(Optional.of(v)),
            f.source()));
    return out;
  }

  Future<List<Facet>> all(ArticleFilter f) {
    List<Future<Facet>> parts = new ArrayList<>();
    for (Spec s : specs(f)) parts.add(fromSql(f, s));
    return Future.all(parts)
        .map(
            all -> {
              List<Facet> out = new ArrayList<>();
              for (int i = 0; i < all.size(); i++) out.add(all.resultAt(i));
              return out;
            });
  }

  /** The same facets from the search index's counts (the database is away). */
  static List<Facet> fromCounts(ArticleFilter f, KeptCounts counts) {
    List<Facet> out = new ArrayList<>();
    for (Spec s : specs(f)) {
      Map<String, Long> of =
          switch (s.dim()) {
            case REGION -> counts.provinces();
            case TAG -> counts.tags();
            case YEAR -> counts.years();
            case MONTH -> counts.months();
            default -> counts.sources();
          };
      out.add(facet(s, s.order().listed(of, MAX_VALUES)));
    }
    return out;
  }

  private Future<Facet> fromSql(ArticleFilter f, Spec s) {
    ArticleWhere w = ArticleWhere.of(f, s.dim()).and(s.extra());
    String from =
        s.dim() == FilterDimension.TAG
            ? " FROM articles a CROSS JOIN LATERAL unnest(a.tags) AS t"
            : " FROM articles a";
    String sql =
        "SELECT CAST("
            + s.valueSql()
            + " AS text), count(*)"
            + from
            + w.sql()
            + " GROUP BY 1 ORDER BY "
            + s.order().sql(s.valueSql())
            + " LIMIT "
            + MAX_VALUES;
    return db.preparedQuery(sql)
        .execute(w.tuple())
        .map(
            rows -> {
              List<Map.Entry<String, Long>> values = new ArrayList<>();
              for (Row r : rows) values.add(Map.entry(r.getString(0), r.getLong(1)));
              return facet(s, values);
            });
  }

  private static Facet facet(Spec s, List<Map.Entry<String, Long>> counted) {
    List<Value> values = new ArrayList<>();
    for (Map.Entry<String, Long> e : counted) {
      String v = e.getKey();
      boolean on = s.selected().isPresent() && s.selected().get().equals(v);
      values.add(
          new Value(display(s.param(), v), e.getValue(), on, NewsLinks.list(s.choose().apply(v))));
    }
    return new Facet(s.param(), s.label(), values);
  }

  private static String display(String param, String v) {
    return switch (param) {
      case "year" -> v + "年";
      case "month" -> v + "月";
      default -> v;
    };
  }
}
