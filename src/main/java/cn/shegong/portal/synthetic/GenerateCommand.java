package cn.shegong.portal.synthetic;

import cn.shegong.portal.config.AppConfig;
import cn.shegong.portal.db.Database;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./portal generate --articles N --stations M}: inserts clearly synthetic rows (origin
 * 'synthetic', titles marked 【测试数据】) in batches, for benchmarks. Real content is never touched.
 */
public final class GenerateCommand {
  static final int BATCH = 2000;

  private GenerateCommand() {}

  public static int run(AppConfig config, String[] args) {
    int articles = 0;
    int stations = 0;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--articles" -> articles = count(args[i + 1]);
        case "--stations" -> stations = count(args[i + 1]);
        default ->
            throw new IllegalArgumentException(
                "usage: ./portal generate --articles N --stations M");
      }
    }
    if (args.length % 2 != 0 || articles + stations == 0) {
      throw new IllegalArgumentException("usage: ./portal generate --articles N --stations M");
    }
    Vertx vertx = Vertx.vertx();
    try {
      Database db = Database.open(vertx, config).await(2, TimeUnit.MINUTES);
      long start = System.nanoTime();
      generate(db.pool(), articles, stations).await(30, TimeUnit.MINUTES);
      // statistics and visibility map right after a bulk load, as autovacuum would set them minutes
      // later:
      // without them the first benchmark minutes measure sequential scans instead of the indexes
      db.pool().query("VACUUM (ANALYZE) articles, stations").execute().await(10, TimeUnit.MINUTES);
      System.out.printf(
          "generated %d synthetic articles and %d synthetic stations in %.1f s%n",
          articles, stations, (System.nanoTime() - start) / 1e9);
      db.close(vertx).await(1, TimeUnit.MINUTES);
      return 0;
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IllegalArgumentException("the database did not answer in time");
    } finally {
      vertx.close();
    }
  }

  /** Inserts the rows in batches of {@value #BATCH}; usable from benchmarks and tests. */
  public static Future<Void> generate(Pool pool, int articles, int stations) {
    String run = UUID.randomUUID().toString().substring(0, 8);
    SyntheticContent content = new SyntheticContent(run.hashCode());
    return articleBatches(pool, content, run, 0, articles)
        .compose(v -> stationBatches(pool, content, run, 0, stations));
  }

  private static Future<Void> articleBatches(
      Pool pool, SyntheticContent c, String run, int done, int total) {
    if (done >= total) return Future.succeededFuture();
    int n = Math.min(BATCH, total - done);
    String[] slug = new String[n],
        title = new String[n],
        body = new String[n],
        province = new String[n],
        city = new String[n],
        district = new String[n];
    OffsetDateTime[] published = new OffsetDateTime[n];
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    for (int i = 0; i < n; i++) {
      String[] place = c.place();
      slug[i] = "synthetic-" + run + "-a" + (done + i);
      title[i] = c.articleTitle(place);
      body[i] = c.articleBody(place);
      province[i] = place[0];
      city[i] = place[1];
      district[i] = place[2];
      published[i] = now.minusDays(c.daysBack());
    }
    return pool.preparedQuery(
            """
            INSERT INTO articles (slug, title, body, province, city, district, published_at, status, origin)
            SELECT s, t, b, p, c, d, at, 'published', 'synthetic'
            FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[])
              AS x(s, t, b, p, c, d, at)""")
        .execute(Tuple.of(slug, title, body, province, city, district, published))
        .compose(rows -> articleBatches(pool, c, run, done + n, total));
  }

  private static Future<Void> stationBatches(
      Pool pool, SyntheticContent c, String run, int done, int total) {
    if (done >= total) return Future.succeededFuture();
    int n = Math.min(BATCH, total - done);
    String[] slug = new String[n],
        name = new String[n],
        kind = new String[n],
        description = new String[n],
        province = new String[n],
        city = new String[n],
        district = new String[n],
        services = new String[n];
    Double[] lat = new Double[n], lon = new Double[n];
    for (int i = 0; i < n; i++) {
      String[] place = c.place();
      slug[i] = "synthetic-" + run + "-s" + (done + i);
      kind[i] = c.kind();
      name[i] = c.stationName(place, kind[i], done + i);
      description[i] = "自动生成的测试站点，并非真实机构。服务范围：" + place[2] + "。";
      province[i] = place[0];
      city[i] = place[1];
      district[i] = place[2];
      lat[i] = c.jitter(place[3]);
      lon[i] = c.jitter(place[4]);
      services[i] = String.join("|", c.services());
    }
    return pool.preparedQuery(
            """
            INSERT INTO stations (slug, name, kind, description, province, city, district, latitude, longitude,
                                  location_precision, services, origin)
            SELECT s, nm, k, ds, p, c, d, la, lo, 'city', string_to_array(sv, '|'), 'synthetic'
            FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                        $8::float8[], $9::float8[], $10::text[]) AS x(s, nm, k, ds, p, c, d, la, lo, sv)""")
        .execute(
            Tuple.from(
                new Object[] {
                  slug, name, kind, description, province, city, district, lat, lon, services
                }))
        .compose(rows -> stationBatches(pool, c, run, done + n, total));
  }

  private static int count(String s) {
    try {
      int n = Integer.parseInt(s);
      if (n < 0 || n > 5_000_000) throw new NumberFormatException();
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("counts must be whole numbers from 0 to 5000000: " + s);
    }
  }
}
