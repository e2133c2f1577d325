package cn.shegong.portal.stations;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The stations as other directories read them (the HSDS API and package): filters that combine with
 * AND, a stable order by slug, keyset pages for whole-table reads. The SQL text is assembled from
 * fixed fragments; every value travels as a $n parameter.
 */
public final class StationCatalog {
  /**
   * Which list a taxonomy filter means: any station has a kind; services and target groups may be
   * empty.
   */
  public enum Listed {
    KIND,
    SERVICES,
    TARGET_GROUPS
  }

  /**
   * Null or empty parts do not filter. {@code none} matches nothing (an id that names no
   * organisation or term).
   */
  public record Filter(
      String text,
      OffsetDateTime modifiedAfter,
      String organization,
      StationKind kind,
      String service,
      String target,
      Listed listed,
      NearbyQuery near,
      boolean none) {
    public static final Filter ALL =
        new Filter(null, null, null, null, null, null, null, null, false);
  }

  private final SqlClient db;

  public StationCatalog(SqlClient db) {
    this.db = db;
  }

  public Future<Long> count(Filter f) {
    Sql q = new Sql(f);
    return db.preparedQuery("SELECT count(*) FROM stations s " + q.where)
        .execute(Tuple.from(q.params))
        .map(rows -> rows.iterator().next().getLong(0));
  }

  public Future<List<Station>> page(Filter f, long offset, int limit) {
    Sql q = new Sql(f);
    String sql =
        "SELECT "
            + StationRows.COLUMNS
            + " FROM stations s "
            + q.where
            + " ORDER BY s.slug OFFSET "
            + q.param(offset)
            + " LIMIT "
            + q.param(limit);
    return db.preparedQuery(sql).execute(Tuple.from(q.params)).map(StationRows::mapAll);
  }

  /**
   * The next {@code limit} stations after {@code afterSlug} (null: from the start), for streaming
   * everything.
   */
  public Future<List<Station>> after(Filter f, String afterSlug, int limit) {
    Sql q = new Sql(f);
    if (afterSlug != null) q.where.append(" AND s.slug > ").append(q.param(afterSlug));
    String sql =
        "SELECT "
            + StationRows.COLUMNS
            + " FROM stations s "
            + q.where
            + " ORDER BY s.slug LIMIT "
            + q.param(limit);
    return db.preparedQuery(sql).execute(Tuple.from(q.params)).map(StationRows::mapAll);
  }

  /** Every non-empty organisation name, with how many stations it runs, alphabetically. */
  public Future<List<String>> organizations() {
    return db.query(
            "SELECT DISTINCT organization FROM stations WHERE organization <> '' ORDER BY organization")
        .execute()
        .map(rows -> column(rows));
  }

  /** Every distinct value of the station's services or target groups, sorted. */
  public Future<List<String>> distinct(Listed list) {
    String column = list == Listed.TARGET_GROUPS ? "target_groups" : "services";
    return db.query(
            "SELECT DISTINCT v FROM stations, unnest(" + column + ") AS v WHERE v <> '' ORDER BY v")
        .execute()
        .map(rows -> column(rows));
  }

  /** Every slug, for mapping identifiers back to stations. */
  public Future<List<String>> slugs() {
    return db.query("SELECT slug FROM stations ORDER BY slug").execute().map(rows -> column(rows));
  }

  private static List<String> column(Iterable<Row> rows) {
    List<String> out = new ArrayList<>();
    for (Row r : rows) out.add(r.getString(0));
    return out;
  }

  private static String likePattern(String text) {
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }

  private static final class Sql {
    final List<Object> params = new ArrayList<>();
    final StringBuilder where = new StringBuilder("WHERE TRUE");

    Sql(Filter f) {
      if (f.none()) where.append(" AND FALSE");
      if (f.text() != null && !f.text().isEmpty()) {
        String p = param(likePattern(f.text()));
        where
            .append(" AND (s.name ILIKE ")
            .append(p)
            .append(" ESCAPE '\\' OR s.description ILIKE ")
            .append(p)
            .append(" ESCAPE '\\' OR s.address ILIKE ")
            .append(p)
            .append(" ESCAPE '\\' OR s.organization ILIKE ")
            .append(p)
            .append(" ESCAPE '\\')");
      }
      if (f.modifiedAfter() != null)
        where.append(" AND s.updated_at >= ").append(param(f.modifiedAfter()));
      if (f.organization() != null)
        where.append(" AND s.organization = ").append(param(f.organization()));
      if (f.kind() != null) where.append(" AND s.kind = ").append(param(f.kind().code()));
      if (f.service() != null)
        where.append(" AND ").append(param(f.service())).append(" = ANY (s.services)");
      if (f.target() != null)
        where.append(" AND ").append(param(f.target())).append(" = ANY (s.target_groups)");
      if (f.listed() == Listed.SERVICES) where.append(" AND cardinality(s.services) > 0");
      if (f.listed() == Listed.TARGET_GROUPS) where.append(" AND cardinality(s.target_groups) > 0");
      if (f.near() != null) near(f.near());
    }

    private void near(NearbyQuery n) {
      String lat = param(n.latitude());
      String lon = param(n.longitude());
      where.append(" AND s.latitude IS NOT NULL");
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
      where
          .append(" AND ")
          .append(NearbyQuery.distanceSql(lat, lon))
          .append(" <= ")
          .append(param(n.radiusKm()));
    }

    String param(Object value) {
      params.add(value);
      return "$" + params.size();
    }
  }
}
