package cn.shegong.portal.stations;

import cn.shegong.portal.web.PublicPage;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * SQL for stations and their row mapping. Closed stations stay listed, marked, so residents are not
 * misled.
 */
public final class StationRepository {
  private static final String CONTENT_COLUMNS =
      "slug, name, kind, organization, description, address, province, city, district, township, "
          + "latitude, longitude, location_precision, phone, opening_hours, services, target_groups, "
          + "status, verified_at, source_article_id";
  private static final String VALUES =
      "$1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, "
          + "(SELECT id FROM articles WHERE slug = $20)";

  /** Every edit: a new version, and the editorial time the public record shows. */
  private static final String EDITED =
      ", version = s.version + 1, updated_at = now(), edited_at = now()";

  private final SqlClient db;

  public StationRepository(SqlClient db) {
    this.db = db;
  }

  public Future<Optional<Station>> findBySlug(String slug) {
    return db.preparedQuery("SELECT " + StationRows.COLUMNS + " FROM stations s WHERE s.slug = $1")
        .execute(Tuple.of(slug))
        .map(
            rows ->
                rows.size() == 0
                    ? Optional.empty()
                    : Optional.of(StationRows.map(rows.iterator().next())));
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
                + StationRows.COLUMNS
                + " FROM stations s JOIN article_stations l ON l.station_id = s.id "
                + "WHERE l.article_id = $1 ORDER BY s.name")
        .execute(Tuple.of(articleId))
        .map(StationRows::mapAll);
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
    return insert(d, origin, true);
  }

  /**
   * Inserts when {@code allowed} (the caller's permission, checked again in the statement) and the
   * slug is free; answers the new id, or empty.
   */
  public Future<Optional<Long>> insert(StationDraft d, String origin, boolean allowed) {
    return db.preparedQuery(
            "INSERT INTO stations ("
                + CONTENT_COLUMNS
                + ", origin) SELECT "
                + VALUES
                + ", $21 WHERE $22 ON CONFLICT (slug) DO NOTHING RETURNING id")
        .execute(content(d).addString(origin).addBoolean(allowed))
        .map(
            rows ->
                rows.size() == 0
                    ? Optional.empty()
                    : Optional.of(rows.iterator().next().getLong(0)));
  }

  /** Which of these slugs are taken (the import's preview: new or updated). */
  public Future<Set<String>> existingSlugs(List<String> slugs) {
    return db.preparedQuery("SELECT slug FROM stations WHERE slug = ANY($1)")
        .execute(Tuple.of((Object) slugs.toArray(String[]::new)))
        .map(
            rows -> {
              Set<String> known = new HashSet<>();
              rows.forEach(r -> known.add(r.getString(0)));
              return known;
            });
  }

  /** The desk's list: every station but synthetic ones, by place and name. */
  public Future<List<Station>> listForDesk() {
    return db.query(
            "SELECT "
                + StationRows.COLUMNS
                + " FROM stations s WHERE s.origin <> 'synthetic' "
                + "ORDER BY s.province, s.city, s.district, s.name, s.id LIMIT 2000")
        .execute()
        .map(StationRows::mapAll);
  }

  public Future<Optional<Station>> find(long id) {
    return db.preparedQuery("SELECT " + StationRows.COLUMNS + " FROM stations s WHERE s.id = $1")
        .execute(Tuple.of(id))
        .map(
            rows ->
                rows.size() == 0
                    ? Optional.empty()
                    : Optional.of(StationRows.map(rows.iterator().next())));
  }

  /**
   * Saves the whole content over {@code baseVersion} when {@code allowed}; false when nothing was
   * saved (another version stored, no such station, or not allowed).
   */
  public Future<Boolean> update(long id, int baseVersion, StationDraft d, boolean allowed) {
    return db.preparedQuery(
            "UPDATE stations s SET ("
                + CONTENT_COLUMNS
                + ") = ("
                + VALUES
                + ")"
                + EDITED
                + " WHERE s.id = $21 AND s.version = $22 AND $23 RETURNING s.id")
        .execute(content(d).addLong(id).addInteger(baseVersion).addBoolean(allowed))
        .map(rows -> rows.size() > 0);
  }

  /** For the CSV import: a new slug is inserted, a known one updated; true when inserted. */
  public Future<Boolean> upsert(StationDraft d, String origin) {
    return db.preparedQuery(
            "INSERT INTO stations AS s ("
                + CONTENT_COLUMNS
                + ", origin) VALUES ("
                + VALUES
                + ", $21) ON CONFLICT (slug) DO UPDATE SET ("
                + CONTENT_COLUMNS
                + ") = ("
                + VALUES
                + ")"
                + EDITED
                + " RETURNING (xmax = 0) AS inserted")
        .execute(content(d).addString(origin))
        .map(rows -> rows.iterator().next().getBoolean(0));
  }

  /** Opens, closes for a time or for good; answers the station's name, empty when not saved. */
  public Future<Optional<String>> setStatus(long id, StationStatus status, boolean allowed) {
    return change(id, "status = $2", Tuple.of(id, status.code()), allowed);
  }

  /** "确认信息无误" today (China time), by whom and how (both may be null). */
  public Future<Optional<String>> confirm(long id, String by, String how, boolean allowed) {
    String today = "verified_at = (now() AT TIME ZONE 'Asia/Shanghai')::date";
    return by == null
        ? change(id, today, Tuple.of(id), allowed)
        : change(
            id, today + ", verified_by = $2, verified_how = $3", Tuple.of(id, by, how), allowed);
  }

  private Future<Optional<String>> change(long id, String set, Tuple params, boolean allowed) {
    String allowedParam = "$" + (params.size() + 1);
    return db.preparedQuery(
            "UPDATE stations s SET "
                + set
                + EDITED
                + " WHERE s.id = $1 AND "
                + allowedParam
                + " RETURNING s.name")
        .execute(params.addBoolean(allowed))
        .map(
            rows ->
                rows.size() == 0
                    ? Optional.empty()
                    : Optional.of(rows.iterator().next().getString(0)));
  }

  /**
   * The one place a station's content becomes statement parameters $1–$20, in CONTENT_COLUMNS
   * order.
   */
  private static Tuple content(StationDraft d) {
    return Tuple.from(
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
          d.sourceArticleSlug()
        });
  }
}
