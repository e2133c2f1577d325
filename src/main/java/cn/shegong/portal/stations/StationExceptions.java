package cn.shegong.portal.stations;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The station_exceptions table. */
public final class StationExceptions {
  private final SqlClient db;

  public StationExceptions(SqlClient db) {
    this.db = db;
  }

  /** The exceptions of a station that touch [from, to]. */
  public Future<List<StationException>> between(long stationId, LocalDate from, LocalDate to) {
    return db.preparedQuery(
            "SELECT starts_on, ends_on, hours, reason FROM station_exceptions "
                + "WHERE station_id = $1 AND ends_on >= $2 AND starts_on <= $3 ORDER BY starts_on, id")
        .execute(Tuple.of(stationId, from, to))
        .map(
            rows -> {
              List<StationException> out = new ArrayList<>();
              for (Row r : rows) {
                out.add(
                    new StationException(
                        r.getLocalDate(0),
                        r.getLocalDate(1),
                        OpeningHours.parse(r.getString(2)),
                        r.getString(3)));
              }
              return out;
            });
  }

  /** Every exception of a station, oldest first. */
  public Future<List<StationException>> of(long stationId) {
    return between(stationId, LocalDate.of(1900, 1, 1), LocalDate.of(9999, 12, 31));
  }

  /** For a list page: each station's exceptions current on {@code today} or soon to begin. */
  public Future<Map<Long, List<StationException>>> noticesOn(
      List<Long> stationIds, LocalDate today) {
    if (stationIds.isEmpty()) return Future.succeededFuture(Map.of());
    return db.preparedQuery(
            "SELECT station_id, starts_on, ends_on, hours, reason FROM station_exceptions "
                + "WHERE station_id = ANY($1) AND ends_on >= $2 AND starts_on <= $3 "
                + "ORDER BY station_id, starts_on, id")
        .execute(
            Tuple.of(
                stationIds.toArray(Long[]::new),
                today,
                today.plusDays(StationException.NOTICE_DAYS)))
        .map(
            rows -> {
              Map<Long, List<StationException>> out = new HashMap<>();
              for (Row r : rows) {
                out.computeIfAbsent(r.getLong(0), k -> new ArrayList<>())
                    .add(
                        new StationException(
                            r.getLocalDate(1),
                            r.getLocalDate(2),
                            OpeningHours.parse(r.getString(3)),
                            r.getString(4)));
              }
              return out;
            });
  }

  /** Replaces all of a station's exceptions (the editor API sends the whole list). */
  public Future<Void> replace(long stationId, List<StationException> list) {
    Future<?> cleared =
        db.preparedQuery("DELETE FROM station_exceptions WHERE station_id = $1")
            .execute(Tuple.of(stationId));
    if (list.isEmpty()) return cleared.mapEmpty();
    List<Tuple> batch =
        list.stream()
            .map(
                e ->
                    Tuple.of(stationId, e.startsOn(), e.endsOn(), e.hours().toSyntax(), e.reason()))
            .toList();
    return cleared
        .compose(
            v ->
                db.preparedQuery(
                        "INSERT INTO station_exceptions (station_id, starts_on, ends_on, hours, reason) "
                            + "VALUES ($1, $2, $3, $4, $5)")
                    .executeBatch(batch))
        .mapEmpty();
  }
}
