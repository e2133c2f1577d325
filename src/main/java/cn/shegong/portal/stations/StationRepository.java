package cn.shegong.portal.stations;

import cn.shegong.portal.common.Region;
import cn.shegong.portal.web.PublicPage;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * SQL for stations and their row mapping. Closed stations stay listed, marked, so residents are not
 * misled.
 */
public final class StationRepository {
  /**
   * When the public record last changed: the desk's last edit, else the day it was last verified,
   * else created.
   */
  public static final String MODIFIED =
      "coalesce(s.edited_at, (s.verified_at::timestamp AT TIME ZONE 'Asia/Shanghai'), s.created_at)";

  public static final String COLUMNS =
      "s.id, s.slug, s.name, s.kind, s.organization, s.description, s.address, "
          + "s.province, s.city, s.district, s.township, s.latitude, s.longitude, s.location_precision, s.phone, "
          + "s.opening_hours, s.services, s.target_groups, s.status, s.verified_at, "
          + "(SELECT slug FROM articles WHERE id = s.source_article_id) AS source_article_slug, "
          + "s.version, s.created_at, "
          + MODIFIED
          + " AS updated_at";

  private final SqlClient db;

  public StationRepository(SqlClient db) {
    this.db = db;
  }

  public Future<Optional<Station>> findBySlug(String slug) {
    return db.preparedQuery("SELECT " + COLUMNS + " FROM stations s WHERE s.slug = $1")
        .execute(Tuple.of(slug))
        .map(
            rows -> rows.size() == 0 ? Optional.empty() : Optional.of(map(rows.iterator().next())));
  }

  public Future<Map<StationKind, Long>> countByKind() {
    return db.query("SELECT kind, count(*) FROM stations WHERE status <> 'closed' GROUP BY kind")
        .execute()
        .map(
            rows -> {
              Map<StationKind, Long> counts = new EnumMap<>(StationKind.class);
              for (StationKind k : StationKind.values()) counts.put(k, 0L);
              for (Row r : rows)
                StationKind.fromCode(r.getString(0)).ifPresent(k -> counts.put(k, r.getLong(1)));
              return counts;
            });
  }

  public Future<List<Station>> listForArticle(long articleId) {
    return db.preparedQuery(
            "SELECT "
                + COLUMNS
                + " FROM stations s JOIN article_stations l ON l.station_id = s.id "
                + "WHERE l.article_id = $1 ORDER BY s.name")
        .execute(Tuple.of(articleId))
        .map(StationRepository::mapAll);
  }

  /** Every station page for the sitemap, by slug; synthetic benchmark rows are left out. */
  public Future<List<PublicPage>> publicPages() {
    // the desk's last edit, else the day it was verified; never the import time
    return db.query(
            "SELECT slug, coalesce(edited_at, (verified_at::timestamp AT TIME ZONE 'Asia/Shanghai')) "
                + "FROM stations WHERE origin <> 'synthetic' ORDER BY slug")
        .execute()
        .map(rows -> PublicPage.fromRows(rows, Station::urlOf));
  }

  /** Inserts unless the slug exists; answers the new id, or empty when the slug was taken. */
  public Future<Optional<Long>> insertIfAbsent(StationDraft d, String origin) {
    return db.preparedQuery(
            "INSERT INTO stations (slug, name, kind, organization, description, address, province, city, "
                + "district, township, latitude, longitude, location_precision, phone, opening_hours, services, "
                + "target_groups, status, verified_at, source_article_id, origin) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, "
                + "$9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, (SELECT id FROM articles WHERE slug = $20), $21) "
                + "ON CONFLICT (slug) DO NOTHING RETURNING id")
        .execute(
            Tuple.from(
                new Object[] {
                  d.slug(),
                  d.name(),
                  d.kind().code(),
                  d.organization(),
                  d.description(),
                  d.address(),
                  d.region().province(),
                  d.region().city(),
                  d.region().district(),
                  d.township(),
                  d.latitude(),
                  d.longitude(),
                  d.locationPrecision().code(),
                  d.phone(),
                  d.openingHours().toJson(),
                  d.services().toArray(String[]::new),
                  d.targetGroups().toArray(String[]::new),
                  d.status().code(),
                  d.verifiedAt(),
                  d.sourceArticleSlug(),
                  origin
                }))
        .map(
            rows ->
                rows.size() == 0
                    ? Optional.empty()
                    : Optional.of(rows.iterator().next().getLong(0)));
  }

  public static List<Station> mapAll(Iterable<Row> rows) {
    List<Station> out = new ArrayList<>();
    for (Row r : rows) out.add(map(r));
    return out;
  }

  public static Station map(Row r) {
    Object hours = r.getValue("opening_hours");
    return new Station(
        r.getLong("id"),
        r.getString("slug"),
        r.getString("name"),
        StationKind.fromCode(r.getString("kind")).orElseThrow(),
        r.getString("organization"),
        r.getString("description"),
        r.getString("address"),
        new Region(r.getString("province"), r.getString("city"), r.getString("district")),
        r.getString("township"),
        r.getDouble("latitude"),
        r.getDouble("longitude"),
        LocationPrecision.fromCode(r.getString("location_precision"))
            .orElse(LocationPrecision.CITY),
        r.getString("phone"),
        OpeningHours.fromJson(hours instanceof JsonArray a ? a : null),
        strings(r.getArrayOfStrings("services")),
        strings(r.getArrayOfStrings("target_groups")),
        StationStatus.fromCode(r.getString("status")).orElse(StationStatus.ACTIVE),
        r.getLocalDate("verified_at"),
        r.getString("source_article_slug"),
        r.getInteger("version"),
        r.getOffsetDateTime("created_at"),
        r.getOffsetDateTime("updated_at"));
  }

  private static List<String> strings(String[] a) {
    return a == null ? List.of() : List.of(a);
  }
}
