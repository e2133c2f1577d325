package cn.shegong.portal.editor;

import static cn.shegong.portal.stations.StationRepository.COLUMNS;

import cn.shegong.portal.common.HttpError;
import cn.shegong.portal.stations.Station;
import cn.shegong.portal.stations.StationDraft;
import cn.shegong.portal.stations.StationException;
import cn.shegong.portal.stations.StationExceptions;
import cn.shegong.portal.stations.StationRepository;
import cn.shegong.portal.stations.StationStatus;
import cn.shegong.portal.stations.Verification;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.Optional;

/**
 * The editors' SQL for stations: versioned saves, status changes, verification and import upserts,
 * each audited.
 */
public final class DeskStations {
  static final String NOT_FOUND = "没有找到这个服务站点。";
  private static final String VALUES =
      "$1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, "
          + "$18, $19, (SELECT id FROM articles WHERE slug = $20)";
  private static final String CONTENT_COLUMNS =
      "slug, name, kind, organization, description, address, province, "
          + "city, district, township, latitude, longitude, location_precision, phone, opening_hours, services, "
          + "target_groups, status, verified_at, source_article_id";

  private final Pool pool;

  public DeskStations(Pool pool) {
    this.pool = pool;
  }

  public Future<List<Station>> list() {
    return pool.query(
            "SELECT "
                + COLUMNS
                + " FROM stations s WHERE s.origin <> 'synthetic' "
                + "ORDER BY s.province, s.city, s.district, s.name, s.id LIMIT 2000")
        .execute()
        .map(StationRepository::mapAll);
  }

  public Future<Station> find(long id) {
    return find(pool, id).map(o -> o.orElseThrow(() -> HttpError.notFound(NOT_FOUND)));
  }

  private static Future<Optional<Station>> find(SqlClient db, long id) {
    return db.preparedQuery("SELECT " + COLUMNS + " FROM stations s WHERE s.id = $1")
        .execute(Tuple.of(id))
        .map(
            rows ->
                rows.size() == 0
                    ? Optional.empty()
                    : Optional.of(StationRepository.map(rows.iterator().next())));
  }

  public Future<Long> create(StationDraft d, EditorUser actor) {
    if (!actor.may(Permission.EDIT_STATIONS))
      return Refusal.of(pool, actor, "station", null, Permission.EDIT_STATIONS);
    return pool.withTransaction(
        conn ->
            conn.preparedQuery(
                    "INSERT INTO stations ("
                        + CONTENT_COLUMNS
                        + ", origin) "
                        + "SELECT "
                        + VALUES
                        + ", 'editor' WHERE $21 ON CONFLICT (slug) DO NOTHING RETURNING id")
                .execute(content(d).addBoolean(true))
                .compose(
                    rows -> {
                      if (rows.size() == 0)
                        return Future.failedFuture(
                            HttpError.badRequest("站点标识 id“" + d.slug() + "”已被使用，请换一个。"));
                      long id = rows.iterator().next().getLong(0);
                      return audit(conn, actor.login(), "station.create", id, d.name()).map(id);
                    }));
  }

  /** Saves over {@code baseVersion}; a newer stored version fails with {@link StaleVersion}. */
  public Future<Long> update(long id, int baseVersion, StationDraft d, EditorUser actor) {
    return update(id, baseVersion, d, null, actor, new JsonObject());
  }

  /**
   * The one save of a station's record, for the desk form and the editor API alike: the row (so the
   * change log, the search index and "near me" follow) and, unless {@code exceptions} is null, its
   * whole list of exceptions, in one transaction with its audit row ({@code detail} added).
   */
  public Future<Long> update(
      long id,
      int baseVersion,
      StationDraft d,
      List<StationException> exceptions,
      EditorUser actor,
      JsonObject detail) {
    if (!actor.may(Permission.EDIT_STATIONS))
      return Refusal.of(pool, actor, "station", id, Permission.EDIT_STATIONS);
    return pool.withTransaction(
        conn ->
            conn.preparedQuery(
                    "UPDATE stations s SET ("
                        + CONTENT_COLUMNS
                        + ") = ("
                        + VALUES
                        + "), version = s.version + 1, updated_at = now(), edited_at = now() WHERE s.id = $21 AND s.version = $22 AND $23 "
                        + "RETURNING s.id")
                .execute(
                    content(d)
                        .addLong(id)
                        .addInteger(baseVersion)
                        .addBoolean(actor.may(Permission.EDIT_STATIONS)))
                .compose(
                    rows ->
                        rows.size() > 0
                            ? (exceptions == null
                                    ? Future.<Void>succeededFuture()
                                    : new StationExceptions(conn).replace(id, exceptions))
                                .compose(
                                    v ->
                                        AuditLog.record(
                                            conn,
                                            actor.login(),
                                            "station.update",
                                            "station",
                                            id,
                                            detail.copy().put("name", d.name())))
                                .map(id)
                            : find(conn, id)
                                .compose(
                                    cur ->
                                        cur.<Future<Long>>map(
                                                s ->
                                                    Future.failedFuture(
                                                        new StaleVersion(s, s.version())))
                                            .orElseGet(
                                                () ->
                                                    Future.failedFuture(
                                                        HttpError.notFound(NOT_FOUND))))));
  }

  public Future<Void> setStatus(long id, StationStatus status, EditorUser actor) {
    return change(
        id, actor, "station.status." + status.code(), "status = $2", Tuple.of(id, status.code()));
  }

  public Future<Void> confirm(long id, EditorUser actor) {
    return change(
        id,
        actor,
        "station.verify",
        "verified_at = (now() AT TIME ZONE 'Asia/Shanghai')::date",
        Tuple.of(id));
  }

  /** "确认信息无误": today, by whom and how. */
  public Future<Void> confirm(long id, EditorUser actor, Verification.How how) {
    return change(
        id,
        actor,
        "station.verify." + how.code(),
        "verified_at = (now() AT TIME ZONE 'Asia/Shanghai')::date, "
            + "verified_by = $2, verified_how = $3",
        Tuple.of(id, actor.login(), how.code()));
  }

  private Future<Void> change(long id, EditorUser actor, String action, String set, Tuple params) {
    if (!actor.may(Permission.EDIT_STATIONS))
      return Refusal.of(pool, actor, "station", id, Permission.EDIT_STATIONS);
    String allowed = "$" + (params.size() + 1);
    return pool.withTransaction(
        conn ->
            conn.preparedQuery(
                    "UPDATE stations s SET "
                        + set
                        + ", version = s.version + 1, updated_at = now(), edited_at = now() WHERE s.id = $1 AND "
                        + allowed
                        + " RETURNING s.name")
                .execute(params.addBoolean(actor.may(Permission.EDIT_STATIONS)))
                .compose(
                    rows ->
                        rows.size() == 0
                            ? Future.failedFuture(HttpError.notFound(NOT_FOUND))
                            : audit(
                                conn,
                                actor.login(),
                                action,
                                id,
                                rows.iterator().next().getString(0))));
  }

  /**
   * For the CSV import: a new slug is inserted, a known one updated; answers true when inserted.
   */
  static Future<Boolean> upsert(SqlClient conn, StationDraft d, EditorUser actor) {
    if (!actor.may(Permission.EDIT_STATIONS)) {
      return Future.failedFuture(new HttpError(403, "您的角色（" + actor.role().label() + "）不能导入服务站点。"));
    }
    return conn.preparedQuery(
            "INSERT INTO stations AS s ("
                + CONTENT_COLUMNS
                + ", origin) VALUES ("
                + VALUES
                + ", 'editor') ON CONFLICT (slug) DO UPDATE SET ("
                + CONTENT_COLUMNS
                + ") = ("
                + VALUES
                + "), version = s.version + 1, updated_at = now(), edited_at = now() RETURNING (xmax = 0) AS inserted")
        .execute(content(d))
        .map(rows -> rows.iterator().next().getBoolean(0));
  }

  private static Future<Void> audit(
      SqlClient conn, String actor, String action, long id, String name) {
    return AuditLog.record(conn, actor, action, "station", id, new JsonObject().put("name", name));
  }

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
