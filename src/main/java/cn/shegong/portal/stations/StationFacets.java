package cn.shegong.portal.stations;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import java.util.ArrayList;
import java.util.List;

/**
 * What the list's pickers offer, built from the data: places (province → city → district) and the
 * services and target groups that stations name. Kept for a minute, as it changes only with
 * editors' work.
 */
public final class StationFacets {
  public record Place(String province, String city, String district, long count) {}

  public record Snapshot(
      List<Place> places,
      List<String> provinces,
      List<Place> cities,
      List<String> services,
      List<String> targets,
      long loadedAt) {}

  private static final long TTL_MS = 60_000;

  private final SqlClient db;
  private volatile Snapshot cached;

  public StationFacets(SqlClient db) {
    this.db = db;
  }

  public Future<Snapshot> get() {
    Snapshot s = cached;
    if (s != null && System.currentTimeMillis() - s.loadedAt() < TTL_MS)
      return Future.succeededFuture(s);
    return load().onSuccess(fresh -> cached = fresh);
  }

  private Future<Snapshot> load() {
    Future<List<Place>> places =
        db.query(
                "SELECT province, city, district, count(*) FROM stations "
                    + "WHERE province <> '' GROUP BY province, city, district ORDER BY province, city, district")
            .execute()
            .map(
                rows -> {
                  List<Place> out = new ArrayList<>();
                  for (Row r : rows)
                    out.add(
                        new Place(r.getString(0), r.getString(1), r.getString(2), r.getLong(3)));
                  return out;
                });
    Future<List<String>> services = distinct("services");
    Future<List<String>> targets = distinct("target_groups");
    return Future.all(places, services, targets)
        .map(
            all -> {
              List<Place> p = places.result();
              List<String> provinces = p.stream().map(Place::province).distinct().toList();
              List<Place> cities = new ArrayList<>();
              for (Place pl : p) {
                if (pl.city().isEmpty()) continue;
                if (cities.isEmpty() || !sameCity(cities.get(cities.size() - 1), pl)) {
                  cities.add(new Place(pl.province(), pl.city(), "", 0));
                }
              }
              return new Snapshot(
                  p,
                  provinces,
                  cities,
                  services.result(),
                  targets.result(),
                  System.currentTimeMillis());
            });
  }

  private static boolean sameCity(Place a, Place b) {
    return a.province().equals(b.province()) && a.city().equals(b.city());
  }

  private Future<List<String>> distinct(String column) {
    // column is one of two fixed names chosen above, never input
    return db.query(
            "SELECT v FROM (SELECT unnest("
                + column
                + ") AS v FROM stations) t GROUP BY v "
                + "ORDER BY count(*) DESC, v LIMIT 200")
        .execute()
        .map(
            rows -> {
              List<String> out = new ArrayList<>();
              for (Row r : rows) out.add(r.getString(0));
              return out;
            });
  }
}
