package cn.shegong.portal.stations;

import cn.shegong.portal.common.HttpError;
import cn.shegong.portal.common.Params;
import cn.shegong.portal.common.Zones;
import cn.shegong.portal.stations.StationSearch.Hit;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * open_now=true / open_at=ISO-8601 on the station list and API: only stations open at that moment
 * by their hours, China's calendar and their exceptions. Unknown hours are never open.
 */
public record OpenFilter(ZonedDateTime at, boolean now) {
  /**
   * The most stations the filter looks through (the whole located-or-not set of a real deployment).
   */
  static final int MAX_SCANNED = 100_000;

  public static Optional<OpenFilter> from(RoutingContext ctx) {
    Optional<String> at = Params.text(ctx, "open_at", 40);
    if (at.isPresent()) return Optional.of(new OpenFilter(parse(at.get()), false));
    Optional<String> now = Params.text(ctx, "open_now", 10);
    if (now.isEmpty() || now.get().equals("false") || now.get().equals("0"))
      return Optional.empty();
    if (!now.get().equals("true") && !now.get().equals("1") && !now.get().equals("on")) {
      throw HttpError.badRequest("参数 open_now 应为 true");
    }
    return Optional.of(new OpenFilter(ZonedDateTime.now(Zones.CHINA), true));
  }

  static ZonedDateTime parse(String s) {
    try {
      return OffsetDateTime.parse(s).atZoneSameInstant(Zones.CHINA);
    } catch (DateTimeParseException e) {
      try {
        return LocalDateTime.parse(s).atZone(Zones.CHINA);
      } catch (DateTimeParseException e2) {
        throw HttpError.badRequest("参数 open_at 应为 ISO-8601 时间，如 2026-10-01T10:00:00+08:00");
      }
    }
  }

  /** The hits open at that moment, in their order. */
  public Future<List<Hit>> keep(SqlClient db, List<Hit> hits) {
    return db.preparedQuery(
            "SELECT station_id, starts_on, ends_on, hours, reason FROM station_exceptions "
                + "WHERE starts_on <= $1 AND ends_on >= $1")
        .execute(Tuple.of(at.toLocalDate()))
        .map(
            rows -> {
              Map<Long, List<StationException>> exceptions = new HashMap<>();
              for (Row r : rows) {
                exceptions
                    .computeIfAbsent(r.getLong(0), k -> new ArrayList<>())
                    .add(
                        new StationException(
                            r.getLocalDate(1),
                            r.getLocalDate(2),
                            OpeningHours.parse(r.getString(3)),
                            r.getString(4)));
              }
              List<Hit> out = new ArrayList<>();
              for (Hit h : hits) {
                if (isOpen(h.station(), exceptions.getOrDefault(h.station().id(), List.of())))
                  out.add(h);
              }
              return out;
            });
  }

  boolean isOpen(Station s, List<StationException> exceptions) {
    Schedule.Day day =
        Schedule.of(
                s.content().openingHours(),
                exceptions,
                at.toLocalDate(),
                1,
                ChinaCalendar.current())
            .days()
            .get(0);
    return day.intervals() != null
        && day.intervals().stream().anyMatch(span -> span.contains(at.toLocalTime()));
  }
}
