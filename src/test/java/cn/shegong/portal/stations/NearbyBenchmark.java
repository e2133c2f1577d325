package cn.shegong.portal.stations;

import cn.shegong.portal.testing.TestPortal;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * "Near me" at 30,000 stations: a real portal on its own database, 30,000 synthetic stations, and
 * sequential HTTP requests at random points in eastern China. Not a unit test: run it with {@code
 * bench/nearby.sh} and copy the table into BENCHMARKS.md.
 */
public final class NearbyBenchmark {
  static final int STATIONS = 30_000;
  static final int WARMUP = 100;
  static final int RUNS = 1000;

  public static void main(String[] args) throws Exception {
    Vertx vertx = Vertx.vertx();
    TestPortal portal =
        TestPortal.create(vertx, Map.of("PORTAL_DB_CONNECT_TIMEOUT_MS", "15000"))
            .start()
            .await(3, TimeUnit.MINUTES);
    try {
      // spread around 300 "towns" like real stations are, over the populated part of China
      portal
          .database()
          .exec(
              "INSERT INTO stations (slug, name, kind, province, city, district, latitude, longitude, "
                  + "location_precision, origin) SELECT 'synthetic-' || g, '合成站点 ' || g, (ARRAY['psych','medical','township'])[1 + g % 3], "
                  + "'合成省 ' || (g % 30), '合成市 ' || (g % 300), '合成区 ' || (g % 3000), "
                  + "22 + (g % 300) * 0.07 + random() * 0.3, 100 + ((g * 7) % 300) * 0.07 + random() * 0.3, 'street', 'synthetic' "
                  + "FROM generate_series(1, "
                  + STATIONS
                  + ") g");
      portal.database().exec("ANALYZE stations");
      System.out.println(
          "stations: " + portal.database().queryOne("SELECT count(*) FROM stations"));
      System.out.println(
          "plan (radius 10 km): "
              + portal
                  .database()
                  .queryOne(
                      "EXPLAIN (FORMAT TEXT) SELECT id FROM stations s "
                          + "WHERE s.latitude IS NOT NULL AND s.latitude BETWEEN 31.1 AND 31.3 AND s.longitude BETWEEN 121.2 AND 121.4"));
      Random random = new Random(42);
      String[] shapes = {
        "/api/stations?near=%s&radius_km=10&limit=50",
        "/api/stations?near=%s&limit=50",
        "/stations?near=%s&radius_km=10",
        "/stations?near=%s",
      };
      System.out.println("HTTP, sequential requests through the router:");
      System.out.println("| request | p50 ms | p99 ms | max ms |");
      System.out.println("| --- | ---: | ---: | ---: |");
      for (String shape : shapes) {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < WARMUP + RUNS; i++) {
          String near =
              String.format(
                  Locale.ROOT,
                  "%.4f,%.4f",
                  22 + random.nextDouble() * 21,
                  100 + random.nextDouble() * 21);
          String uri = String.format(shape, near);
          long t0 = System.nanoTime();
          var r = portal.client().get(uri).send().await(30, TimeUnit.SECONDS);
          long t = System.nanoTime() - t0;
          if (r.statusCode() != 200) throw new IllegalStateException(uri + " → " + r.statusCode());
          if (i >= WARMUP) times.add(t);
        }
        times.sort(null);
        System.out.printf(
            Locale.ROOT,
            "| `%s` | %.1f | %.1f | %.1f |%n",
            shape.replace("%s", "LAT,LON"),
            ms(times.get(times.size() / 2)),
            ms(times.get((int) (times.size() * 0.99))),
            ms(times.get(times.size() - 1)));
      }
      System.out.println(
          "StationSearch alone (count + first 20), PostgreSQL vs in memory, same points:");
      System.out.println("| search | percentile | PostgreSQL ms | in memory ms | ratio |");
      System.out.println("| --- | --- | ---: | ---: | ---: |");
      compareEngines(vertx, portal.database().url());
    } finally {
      portal.destroy().await(1, TimeUnit.MINUTES);
      vertx.close().await(30, TimeUnit.SECONDS);
    }
  }

  /**
   * The same searches (count + first page of 20) through StationSearch itself, once with PostgreSQL
   * answering (no content version, so nothing is reused) and once from the located stations in
   * memory (one fixed version: loaded once, then reused), alternating point by point so both see
   * the same machine.
   */
  static void compareEngines(Vertx vertx, String url) throws Exception {
    Pool pool =
        PgBuilder.pool()
            .with(new PoolOptions().setMaxSize(4))
            .connectingTo(url)
            .using(vertx)
            .build();
    try {
      StationSearch sql = new StationSearch(vertx, pool, new FixedVersion(null));
      StationSearch memory =
          new StationSearch(
              vertx,
              pool,
              new FixedVersion(new cn.shegong.portal.db.ContentVersions.Stations(1, 1, 0)));
      Random random = new Random(7);
      for (Double radius : new Double[] {null, 10.0}) {
        List<Long> sqlTimes = new ArrayList<>();
        List<Long> memoryTimes = new ArrayList<>();
        for (int i = 0; i < WARMUP + RUNS; i++) {
          NearbyQuery near =
              new NearbyQuery(
                  22 + random.nextDouble() * 21, 100 + random.nextDouble() * 21, radius);
          StationFilter f = StationFilter.ALL.withNear(near);
          long a = time(sql, f);
          long b = time(memory, f);
          if (i >= WARMUP) {
            sqlTimes.add(a);
            memoryTimes.add(b);
          }
        }
        sqlTimes.sort(null);
        memoryTimes.sort(null);
        String shape = radius == null ? "nearest first, 20" : "within 10 km, first 20";
        for (int p : new int[] {50, 99}) {
          double s = ms(sqlTimes.get(sqlTimes.size() * p / 100));
          double m = ms(memoryTimes.get(memoryTimes.size() * p / 100));
          System.out.printf(
              Locale.ROOT, "| %s | p%d | %.3f | %.3f | %.0f× |%n", shape, p, s, m, s / m);
        }
      }
    } finally {
      pool.close().await(30, TimeUnit.SECONDS);
    }
  }

  private static long time(StationSearch search, StationFilter f) throws Exception {
    long t0 = System.nanoTime();
    search.count(f).compose(n -> search.find(f, 0, 20)).await(30, TimeUnit.SECONDS);
    return System.nanoTime() - t0;
  }

  private static double ms(long nanos) {
    return nanos / 1_000_000.0;
  }

  /** A stations version that never moves (null: none, PostgreSQL answers): read once, reused. */
  record FixedVersion(cn.shegong.portal.db.ContentVersions.Stations version)
      implements cn.shegong.portal.db.StationChanges {
    @Override
    public java.util.Optional<java.util.Set<Long>> changedSince(
        cn.shegong.portal.db.ContentVersions.Stations since) {
      return java.util.Optional.of(java.util.Set.of());
    }

    @Override
    public io.vertx.core.Future<Void> caughtUp() {
      return io.vertx.core.Future.succeededFuture();
    }
  }
}
