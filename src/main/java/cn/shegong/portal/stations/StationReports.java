package cn.shegong.portal.stations;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Residents' "report a mistake" submissions (station_reports), for the desk's queue. */
public final class StationReports {
  public record Report(
      long id,
      long stationId,
      String stationName,
      String stationSlug,
      String field,
      String correctValue,
      String contact,
      String status,
      OffsetDateTime createdAt,
      String handledBy) {}

  private StationReports() {}

  /** Open ones first, then the newest. */
  public static Future<List<Report>> list(SqlClient db, int limit) {
    return db.preparedQuery(
            "SELECT r.id, r.station_id, s.name, s.slug, r.field, r.correct_value, r.contact, "
                + "r.status, r.created_at, r.handled_by FROM station_reports r "
                + "JOIN stations s ON s.id = r.station_id "
                + "ORDER BY r.status <> 'open', r.created_at DESC LIMIT $1")
        .execute(Tuple.of(limit))
        .map(
            rows -> {
              List<Report> out = new ArrayList<>();
              for (Row r : rows) {
                out.add(
                    new Report(
                        r.getLong(0),
                        r.getLong(1),
                        r.getString(2),
                        r.getString(3),
                        r.getString(4),
                        r.getString(5),
                        r.getString(6),
                        r.getString(7),
                        r.getOffsetDateTime(8),
                        r.getString(9)));
              }
              return out;
            });
  }

  /**
   * Closes an open report as {@code decision} (resolved or dismissed); answers its station, or
   * empty when there is no such open report.
   */
  public static Future<Optional<Long>> decide(
      SqlClient conn, long id, String decision, String handledBy) {
    return conn.preparedQuery(
            "UPDATE station_reports SET status = $2, handled_by = $3, handled_at = now() "
                + "WHERE id = $1 AND status = 'open' RETURNING station_id")
        .execute(Tuple.of(id, decision, handledBy))
        .map(
            rows ->
                rows.size() == 0
                    ? Optional.<Long>empty()
                    : Optional.of(rows.iterator().next().getLong(0)));
  }
}
