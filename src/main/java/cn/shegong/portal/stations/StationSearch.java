package cn.shegong.portal.stations;

import cn.shegong.portal.db.ContentVersions;
import cn.shegong.portal.db.StationChanges;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Filtered, paged station queries for the list, the map and the open-data API. "Near a point" is
 * answered from the located stations kept in memory ({@link StationSnapshot}), the rest by
 * PostgreSQL, which also answers "near" whenever the kept copy cannot be trusted (changes cannot be
 * seen) or a free-text filter is set. The SQL text is assembled from fixed fragments only; every
 * value travels as a $n parameter.
 */
public final class StationSearch {
  /** A station in a result, with its distance when the query was "near a point". */
  public record Hit(Station station, Double distanceKm) {
    public String distanceLabel() {
      if (distanceKm == null) return "";
      return distanceKm < 1
          ? Math.round(distanceKm * 1000) + " 米"
          : String.format(java.util.Locale.ROOT, "%.1f 公里", distanceKm);
    }
  }

  private final SqlClient db;
  private final Vertx vertx;
  private final Supplier<ContentVersions.Stations> stationsVersion;
  private final LocatedCounts located = new LocatedCounts();
  private final StationSnapshot snapshot;

  /** {@code changes}' version moves when stations may have changed; null: reuse nothing. */
  public StationSearch(Vertx vertx, Pool db, StationChanges changes) {
    this.db = db;
    this.vertx = vertx;
    this.stationsVersion = changes::version;
    this.snapshot = new StationSnapshot(vertx, db, changes);
  }

  /** A station as the in-memory copy last held it, and since when: while the database is away. */
  Optional<Kept> kept(String slug) {
    return snapshot
        .lastLoaded()
        .flatMap(k -> k.stations().bySlug(slug).map(s -> new Kept(s, k.at())));
  }

  record Kept(Station station, java.time.Instant at) {}

  /** A page from the copy last loaded, and since when: while the database is away. */
  record KeptPage(long total, List<Hit> hits, java.time.Instant at) {}

  /**
   * Empty when no copy is loaded or the filter needs PostgreSQL (free text); a scan of every
   * station, so off the event loop.
   */
  Future<Optional<KeptPage>> kept(StationFilter filter, int offset, int limit) {
    Optional<StationSnapshot.Kept> k = snapshot.lastLoaded();
    if (!ListedStations.answers(filter) || k.isEmpty())
      return Future.succeededFuture(Optional.empty());
    return vertx.executeBlocking(
        () -> {
          LocatedStations.Page page = k.get().stations().find(filter, offset, limit);
          return Optional.of(new KeptPage(page.total(), page.hits(), k.get().at()));
        },
        false);
  }

  /** The list's pickers from the copy last loaded (computed off the event loop). */
  Future<Optional<StationFacets.Snapshot>> keptFacets() {
    Optional<StationSnapshot.Kept> k = snapshot.lastLoaded();
    if (k.isEmpty()) return Future.succeededFuture(Optional.empty());
    return vertx.executeBlocking(() -> Optional.of(k.get().stations().facets()), false);
  }

  /** Reads the stations into memory now rather than on the first "near me", and follows them. */
  public void warmUp() {
    snapshot.warmUp();
  }

  /** Beyond this many rows, "nearest first" simply orders the whole filtered table. */
  private static final int MAX_NEAREST_ROWS = 5000;

  public Future<List<Hit>> find(StationFilter filter, int offset, int limit) {
    Future<LocatedStations> inMemory = inMemory(filter);
    if (inMemory != null) return inMemory.map(s -> s.find(filter, offset, limit).hits());
    if (filter.near() != null
        && filter.near().radiusKm() == null
        && (long) offset + limit <= MAX_NEAREST_ROWS) {
      return nearest(filter, offset, limit);
    }
    return query(filter, offset, limit);
  }

  /**
   * "Near a point" is answered from the located stations in memory, unless they cannot be trusted
   * now.
   */
  private Future<LocatedStations> inMemory(StationFilter filter) {
    if (!LocatedStations.answers(filter)) return null;
    Future<ListedStations> copy = snapshot.get();
    return copy == null ? null : copy.map(ListedStations::located);
  }

  /**
   * Exact nearest first without computing a distance per station. The GiST index on (longitude,
   * latitude) gives the {@code offset + limit} nearest in plain degrees, which is not the distance
   * on the earth; but the farthest of them (in km) bounds the true nearest: at least that many
   * stations lie within it. So the radius query for that distance, ordered by haversine, returns
   * exactly the nearest ones.
   */
  private Future<List<Hit>> nearest(StationFilter filter, int offset, int limit) {
    NearbyQuery n = filter.near();
    int need = offset + limit;
    Sql q = new Sql(filter, false);
    String point = "point(" + q.param(n.longitude()) + ", " + q.param(n.latitude()) + ")";
    String sql =
        "SELECT s.latitude, s.longitude FROM stations s "
            + q.where
            + " ORDER BY point(s.longitude, s.latitude) <-> "
            + point
            + " LIMIT "
            + q.param(need);
    return db.preparedQuery(sql)
        .execute(Tuple.from(q.params))
        .compose(
            rows -> {
              if (rows.size() == 0) return Future.succeededFuture(List.<Hit>of());
              double farthest = 0;
              for (Row r : rows) {
                double d =
                    NearbyQuery.distanceKm(
                        n.latitude(), n.longitude(), r.getDouble(0), r.getDouble(1));
                farthest = Math.max(farthest, d);
              }
              // a hair wider than the farthest candidate, so rounding in SQL cannot leave it out
              NearbyQuery within =
                  new NearbyQuery(n.latitude(), n.longitude(), farthest * (1 + 1e-9) + 1e-6);
              return query(filter.withNear(within), offset, limit);
            });
  }

  private Future<List<Hit>> query(StationFilter filter, int offset, int limit) {
    Sql q = new Sql(filter, true);
    String sql;
    if (q.distance == null) {
      sql =
          "SELECT "
              + StationRows.COLUMNS
              + ", NULL::double precision AS distance_km FROM stations s "
              + q.where
              + " ORDER BY "
              + StationRows.LIST_ORDER
              + " OFFSET "
              + q.param(offset)
              + " LIMIT "
              + q.param(limit);
    } else {
      // the ordering needs only what the location index holds; just the page's rows are then read
      // in full
      sql =
          "WITH near AS (SELECT s.id, "
              + q.distance
              + " AS distance_km FROM stations s "
              + q.where
              + " ORDER BY distance_km, s.id OFFSET "
              + q.param(offset)
              + " LIMIT "
              + q.param(limit)
              + ") "
              + "SELECT "
              + StationRows.COLUMNS
              + ", near.distance_km FROM near JOIN stations s ON s.id = near.id "
              + "ORDER BY near.distance_km, s.id";
    }
    return db.preparedQuery(sql)
        .execute(Tuple.from(q.params))
        .map(
            rows -> {
              List<Hit> hits = new ArrayList<>();
              for (Row r : rows) hits.add(new Hit(StationRows.map(r), r.getDouble("distance_km")));
              return hits;
            });
  }

  /**
   * How many stations match. "Nearest first" without a radius counts every located station that
   * matches, the same for every point: that count is reused until the content changes, which spares
   * a resident's "near me" a scan of the whole table.
   */
  public Future<Long> count(StationFilter filter) {
    Future<LocatedStations> inMemory = inMemory(filter);
    if (inMemory != null) return inMemory.map(s -> s.count(filter));
    if (filter.near() == null || filter.near().radiusKm() != null) return countNow(filter);
    StationFilter key = filter.withNear(LocatedCounts.ANY_POINT);
    ContentVersions.Stations version = stationsVersion.get();
    Long known = located.get(key, version);
    if (known != null) return Future.succeededFuture(known);
    return countNow(key).onSuccess(n -> located.put(key, version, n));
  }

  private Future<Long> countNow(StationFilter filter) {
    Sql q = new Sql(filter, false);
    return db.preparedQuery("SELECT count(*) FROM stations s " + q.where)
        .execute(Tuple.from(q.params))
        .map(rows -> rows.iterator().next().getLong(0));
  }

  /** The mean position of the stations in a place, standing in for "where the resident is". */
  public Future<Optional<double[]>> centroid(String province, String city, String district) {
    return db.preparedQuery(
            "SELECT avg(latitude), avg(longitude) FROM stations WHERE latitude IS NOT NULL "
                + "AND ($1 = '' OR province = $1) AND ($2 = '' OR city = $2) AND ($3 = '' OR district = $3)")
        .execute(Tuple.of(province, city, district))
        .map(
            rows -> {
              Row r = rows.iterator().next();
              Double lat = r.getDouble(0);
              return lat == null
                  ? Optional.<double[]>empty()
                  : Optional.of(new double[] {lat, r.getDouble(1)});
            });
  }

  private static String likePattern(String text) {
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }

  /** WHERE clause and its parameters for one filter. */
  private static final class Sql {
    final List<Object> params = new ArrayList<>();
    final StringBuilder where = new StringBuilder("WHERE TRUE");
    final boolean withDistance;
    String distance;

    Sql(StationFilter f, boolean withDistance) {
      this.withDistance = withDistance;
      if (f.kind() != null) where.append(" AND s.kind = ").append(param(f.kind().code()));
      if (!f.province().isEmpty()) where.append(" AND s.province = ").append(param(f.province()));
      if (!f.city().isEmpty()) where.append(" AND s.city = ").append(param(f.city()));
      if (!f.district().isEmpty()) where.append(" AND s.district = ").append(param(f.district()));
      if (!f.service().isEmpty())
        where.append(" AND ").append(param(f.service())).append(" = ANY (s.services)");
      if (!f.target().isEmpty())
        where.append(" AND ").append(param(f.target())).append(" = ANY (s.target_groups)");
      if (!f.text().isEmpty()) {
        String p = param(likePattern(f.text()));
        where
            .append(" AND (s.name ILIKE ")
            .append(p)
            .append(" ESCAPE '\\' OR s.address ILIKE ")
            .append(p)
            .append(" ESCAPE '\\' OR s.organization ILIKE ")
            .append(p)
            .append(" ESCAPE '\\')");
      }
      f.nearby().ifPresent(this::near);
    }

    private void near(NearbyQuery n) {
      where.append(" AND s.latitude IS NOT NULL");
      if (n.radiusKm() == null && !withDistance) return;
      String lat = param(n.latitude());
      String lon = param(n.longitude());
      distance = NearbyQuery.distanceSql(lat, lon);
      if (n.radiusKm() == null) return;
      double dLat = n.latitudeDelta();
      where
          .append(" AND s.latitude BETWEEN ")
          .append(param(n.latitude() - dLat))
          .append(" AND ")
          .append(param(n.latitude() + dLat));
      n.longitudeDelta()
          .ifPresent(
              dLon ->
                  where
                      .append(" AND s.longitude BETWEEN ")
                      .append(param(n.longitude() - dLon))
                      .append(" AND ")
                      .append(param(n.longitude() + dLon)));
      where.append(" AND ").append(distance).append(" <= ").append(param(n.radiusKm()));
    }

    String param(Object value) {
      params.add(value);
      return "$" + params.size();
    }
  }
}
