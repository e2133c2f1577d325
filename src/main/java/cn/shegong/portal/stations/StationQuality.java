package cn.shegong.portal.stations;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The data-quality list: every station with what its record lacks, a completeness score (six
 * checks: phone, hours, exact location, organisation, services, confirmed within 180 days), open
 * reports and page views in the last 30 days; and the score per region. The order is one of a fixed
 * set of SQL fragments.
 */
public final class StationQuality {
  public static final int CHECKS = 6;
  public static final int LIMIT = 2000;
  public static final Map<String, String> ORDERS =
      Map.of(
          "score", "score, views DESC, s.name",
          "views", "views DESC, score, s.name",
          "reports", "open_reports DESC, score, s.name",
          "verified", "s.verified_at NULLS FIRST, s.name",
          "name", "s.name, s.id");

  public record Row_(
      long id,
      String slug,
      String name,
      StationKind kind,
      String province,
      String city,
      boolean noPhone,
      boolean noHours,
      boolean notExact,
      boolean noOrganization,
      boolean noServices,
      boolean due,
      long openReports,
      long views,
      int score,
      LocalDate verifiedAt,
      String verifiedHow) {
    public int percent() {
      return Math.round(score * 100f / CHECKS);
    }
  }

  public record RegionScore(String province, String city, long stations, int percent) {}

  /** The score as SQL: one point per check passed. */
  static final String SCORE =
      "((s.phone <> '')::int + (s.opening_hours <> '[]'::jsonb)::int "
          + "+ (s.location_precision = 'exact')::int + (s.organization <> '')::int + (cardinality(s.services) > 0)::int "
          + "+ coalesce(s.verified_at >= (now() AT TIME ZONE 'Asia/Shanghai')::date - 180, false)::int)";

  private static final String WHERE =
      " WHERE ($1 = '' OR s.province = $1) AND ($2 = '' OR s.city = $2) "
          + "AND ($3 = '' OR s.kind = $3)";

  private final SqlClient db;

  public StationQuality(SqlClient db) {
    this.db = db;
  }

  public Future<List<Row_>> stations(String province, String city, String kind, String order) {
    String sql =
        "SELECT s.id, s.slug, s.name, s.kind, s.province, s.city, s.phone = '', s.opening_hours = '[]'::jsonb, "
            + "s.location_precision <> 'exact', s.organization = '', cardinality(s.services) = 0, "
            + "NOT coalesce(s.verified_at >= (now() AT TIME ZONE 'Asia/Shanghai')::date - 180, false), "
            + "(SELECT count(*) FROM station_reports r WHERE r.station_id = s.id AND r.status = 'open') AS open_reports, "
            + "(SELECT coalesce(sum(v.views), 0) FROM station_page_views v WHERE v.station_id = s.id "
            + "AND v.day > (now() AT TIME ZONE 'Asia/Shanghai')::date - 30) AS views, "
            + SCORE
            + " AS score, "
            + "s.verified_at, s.verified_how FROM stations s"
            + WHERE
            + " ORDER BY "
            + ORDERS.get(order)
            + " LIMIT "
            + LIMIT;
    return db.preparedQuery(sql)
        .execute(Tuple.of(province, city, kind))
        .map(
            rows -> {
              List<Row_> out = new ArrayList<>();
              for (Row r : rows) {
                out.add(
                    new Row_(
                        r.getLong(0),
                        r.getString(1),
                        r.getString(2),
                        StationKind.fromCode(r.getString(3)).orElseThrow(),
                        r.getString(4),
                        r.getString(5),
                        r.getBoolean(6),
                        r.getBoolean(7),
                        r.getBoolean(8),
                        r.getBoolean(9),
                        r.getBoolean(10),
                        r.getBoolean(11),
                        r.getLong(12),
                        r.getLong(13),
                        r.getInteger(14),
                        r.getLocalDate(15),
                        r.getString(16)));
              }
              return out;
            });
  }

  public Future<List<RegionScore>> regions(String province, String city, String kind) {
    return db.preparedQuery(
            "SELECT s.province, s.city, count(*), round(avg("
                + SCORE
                + ") * 100 / "
                + CHECKS
                + ")::int "
                + "FROM stations s"
                + WHERE
                + " GROUP BY s.province, s.city ORDER BY 4, s.province, s.city")
        .execute(Tuple.of(province, city, kind))
        .map(
            rows -> {
              List<RegionScore> out = new ArrayList<>();
              for (Row r : rows)
                out.add(
                    new RegionScore(r.getString(0), r.getString(1), r.getLong(2), r.getInteger(3)));
              return out;
            });
  }
}
