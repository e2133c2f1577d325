package cn.shegong.portal.stations;

import cn.shegong.portal.common.Region;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
  private static final int DISTINCT_LIMIT = 200;

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

  /**
   * The same pickers from the stations kept in memory, given in the list's order (PostgreSQL's):
   * the places come out in the database's order; services and target groups most used first, ties
   * by code point (the database's order under a C collation).
   */
  static Snapshot of(List<Station> inListOrder) {
    List<Place> places = new ArrayList<>();
    Map<String, Long> services = new HashMap<>();
    Map<String, Long> targets = new HashMap<>();
    for (Station s : inListOrder) {
      Region r = s.content().region();
      s.content().services().forEach(v -> services.merge(v, 1L, Long::sum));
      s.content().targetGroups().forEach(v -> targets.merge(v, 1L, Long::sum));
      if (r.province().isEmpty()) continue;
      Place last = places.isEmpty() ? null : places.get(places.size() - 1);
      if (last != null && new Region(last.province(), last.city(), last.district()).equals(r)) {
        places.set(
            places.size() - 1, new Place(r.province(), r.city(), r.district(), last.count() + 1));
      } else places.add(new Place(r.province(), r.city(), r.district(), 1));
    }
    return snapshot(places, mostUsed(services), mostUsed(targets));
  }

  private static List<String> mostUsed(Map<String, Long> counts) {
    return counts.entrySet().stream()
        .sorted(
            Map.Entry.<String, Long>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey(StationFacets::byCodePoint)))
        .limit(DISTINCT_LIMIT)
        .map(Map.Entry::getKey)
        .toList();
  }

  private static int byCodePoint(String a, String b) {
    return java.util.Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());
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
        .map(all -> snapshot(places.result(), services.result(), targets.result()));
  }

  private static Snapshot snapshot(List<Place> p, List<String> services, List<String> targets) {
    List<String> provinces = p.stream().map(Place::province).distinct().toList();
    List<Place> cities = new ArrayList<>();
    for (Place pl : p) {
      if (pl.city().isEmpty()) continue;
      if (cities.isEmpty() || !sameCity(cities.get(cities.size() - 1), pl)) {
        cities.add(new Place(pl.province(), pl.city(), "", 0));
      }
    }
    return new Snapshot(p, provinces, cities, services, targets, System.currentTimeMillis());
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
                + "ORDER BY count(*) DESC, v LIMIT "
                + DISTINCT_LIMIT)
        .execute()
        .map(
            rows -> {
              List<String> out = new ArrayList<>();
              for (Row r : rows) out.add(r.getString(0));
              return out;
            });
  }
}
