package cn.shegong.portal.editor;

import cn.shegong.portal.common.HttpError;
import cn.shegong.portal.db.Transactions;
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
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The editors' writes to stations: versioned saves, status changes, verification and import
 * upserts, each refused without {@link Permission#EDIT_STATIONS} (the refusal audited) and audited
 * in its transaction. The SQL is the stations' own ({@link StationRepository}).
 */
public final class DeskStations {
  static final String NOT_FOUND = "没有找到这个服务站点。";
  private static final Permission NEEDED = Permission.EDIT_STATIONS;

  private final Pool pool;

  public DeskStations(Pool pool) {
    this.pool = pool;
  }

  public Future<List<Station>> list() {
    return new StationRepository(pool).listForDesk();
  }

  public Future<Station> find(long id) {
    return new StationRepository(pool)
        .find(id)
        .map(o -> o.orElseThrow(() -> HttpError.notFound(NOT_FOUND)));
  }

  public Future<Long> create(StationDraft d, EditorUser actor) {
    if (!actor.may(NEEDED)) return Refusal.of(pool, actor, "station", null, NEEDED);
    return Transactions.retrying(
        pool,
        conn ->
            new StationRepository(conn)
                .insert(d, "editor", actor.may(NEEDED))
                .compose(
                    id ->
                        id.isEmpty()
                            ? Future.failedFuture(
                                HttpError.badRequest("站点标识 id“" + d.slug() + "”已被使用，请换一个。"))
                            : audit(conn, actor.login(), "station.create", id.get(), d.name())
                                .map(id.get())));
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
    if (!actor.may(NEEDED)) return Refusal.of(pool, actor, "station", id, NEEDED);
    return Transactions.retrying(
        pool, conn -> saveOn(conn, id, baseVersion, d, exceptions, actor, detail));
  }

  /** {@link #update} inside the caller's transaction (a reviewed proposal saves more with it). */
  static Future<Long> saveOn(
      SqlClient conn,
      long id,
      int baseVersion,
      StationDraft d,
      List<StationException> exceptions,
      EditorUser actor,
      JsonObject detail) {
    StationRepository stations = new StationRepository(conn);
    return stations
        .update(id, baseVersion, d, actor.may(NEEDED))
        .compose(
            saved ->
                saved
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
                    : stations
                        .find(id)
                        .compose(
                            cur ->
                                Future.failedFuture(
                                    cur.<RuntimeException>map(s -> new StaleVersion(s, s.version()))
                                        .orElseGet(() -> HttpError.notFound(NOT_FOUND)))));
  }

  public Future<Void> setStatus(long id, StationStatus status, EditorUser actor) {
    return change(
        id,
        actor,
        "station.status." + status.code(),
        (repo, allowed) -> repo.setStatus(id, status, allowed));
  }

  public Future<Void> confirm(long id, EditorUser actor) {
    return change(
        id, actor, "station.verify", (repo, allowed) -> repo.confirm(id, null, null, allowed));
  }

  /** "确认信息无误": today, by whom and how. */
  public Future<Void> confirm(long id, EditorUser actor, Verification.How how) {
    if (!actor.may(NEEDED)) return Refusal.of(pool, actor, "station", id, NEEDED);
    return Transactions.retrying(pool, conn -> confirmOn(conn, id, actor, how));
  }

  /** {@link #confirm} inside the caller's transaction. */
  static Future<Void> confirmOn(SqlClient conn, long id, EditorUser actor, Verification.How how) {
    return new StationRepository(conn)
        .confirm(id, actor.login(), how.code(), actor.may(NEEDED))
        .compose(
            name ->
                name.isEmpty()
                    ? Future.failedFuture(HttpError.notFound(NOT_FOUND))
                    : audit(conn, actor.login(), "station.verify." + how.code(), id, name.get()));
  }

  private Future<Void> change(
      long id,
      EditorUser actor,
      String action,
      BiFunction<StationRepository, Boolean, Future<Optional<String>>> write) {
    if (!actor.may(NEEDED)) return Refusal.of(pool, actor, "station", id, NEEDED);
    return Transactions.retrying(
        pool,
        conn ->
            write
                .apply(new StationRepository(conn), actor.may(NEEDED))
                .compose(
                    name ->
                        name.isEmpty()
                            ? Future.failedFuture(HttpError.notFound(NOT_FOUND))
                            : audit(conn, actor.login(), action, id, name.get())));
  }

  /**
   * For the CSV import: a new slug is inserted, a known one updated; answers true when inserted.
   */
  static Future<Boolean> upsert(SqlClient conn, StationDraft d, EditorUser actor) {
    if (!actor.may(NEEDED)) {
      return Future.failedFuture(new HttpError(403, "您的角色（" + actor.role().label() + "）不能导入服务站点。"));
    }
    return new StationRepository(conn).upsert(d, "editor");
  }

  private static Future<Void> audit(
      SqlClient conn, String actor, String action, long id, String name) {
    return AuditLog.record(conn, actor, action, "station", id, new JsonObject().put("name", name));
  }
}
