package cn.shegong.portal.stations;

import cn.shegong.portal.common.Zones;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * When a station's record was last confirmed, and how: the public line "最后核实：N 天前（方式）" and the
 * "待核实" badge once it is older than {@link #DUE_DAYS} days (or was never confirmed).
 */
public record Verification(LocalDate at, How how, LocalDate today) {
  public static final int DUE_DAYS = 180;

  public enum How {
    PHONE("phone", "电话核实"),
    VISIT("visit", "实地走访"),
    STATION_UPDATE("station_update", "站点自行更新");

    private final String code;
    private final String label;

    How(String code, String label) {
      this.code = code;
      this.label = label;
    }

    public String code() {
      return code;
    }

    public String label() {
      return label;
    }

    /** Null for an empty or unknown code. */
    public static How fromCode(String code) {
      for (How h : values()) if (h.code.equals(code)) return h;
      return null;
    }
  }

  public long daysAgo() {
    return at == null ? -1 : ChronoUnit.DAYS.between(at, today);
  }

  public boolean due() {
    return at == null || daysAgo() > DUE_DAYS;
  }

  /** "最后核实：3 天前（电话核实）", "最后核实：今天", or "尚未核实". */
  public String line() {
    if (at == null) return "尚未核实";
    long d = daysAgo();
    String when = d <= 0 ? "今天" : d + " 天前";
    return "最后核实：" + when + (how == null ? "" : "（" + how.label() + "）");
  }

  public static Future<Verification> of(SqlClient db, long stationId) {
    return db.preparedQuery("SELECT verified_at, verified_how FROM stations WHERE id = $1")
        .execute(Tuple.of(stationId))
        .map(
            rows -> {
              LocalDate today = LocalDate.now(Zones.CHINA);
              if (rows.size() == 0) return new Verification(null, null, today);
              Row r = rows.iterator().next();
              return new Verification(r.getLocalDate(0), How.fromCode(r.getString(1)), today);
            });
  }

  /** One more view of the station's page today; the count is all that is kept. */
  public static Future<Void> countView(SqlClient db, long stationId) {
    return db.preparedQuery(
            "INSERT INTO station_page_views (station_id, day, views) "
                + "VALUES ($1, (now() AT TIME ZONE 'Asia/Shanghai')::date, 1) "
                + "ON CONFLICT (station_id, day) DO UPDATE SET views = station_page_views.views + 1")
        .execute(Tuple.of(stationId))
        .mapEmpty();
  }
}
