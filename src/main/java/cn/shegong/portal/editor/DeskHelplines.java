package cn.shegong.portal.editor;

import cn.shegong.portal.common.HttpError;
import cn.shegong.portal.helplines.Helpline;
import cn.shegong.portal.helplines.HelplineRepository;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import java.util.ArrayList;
import java.util.List;

/**
 * The admins' writes to the help lines and the crisis words: each in one transaction with its audit
 * row, refused (and the refusal audited) for a role without {@link Permission#MANAGE_HELPLINES}.
 */
final class DeskHelplines {
  static final String NOT_FOUND = "没有找到这条热线。";
  private static final Permission NEEDED = Permission.MANAGE_HELPLINES;

  private final Pool pool;

  DeskHelplines(Pool pool) {
    this.pool = pool;
  }

  Future<List<HelplineRepository.Stored>> list() {
    return new HelplineRepository(pool).stored();
  }

  Future<HelplineRepository.Stored> find(String id) {
    return new HelplineRepository(pool)
        .find(id)
        .map(o -> o.orElseThrow(() -> HttpError.notFound(NOT_FOUND)));
  }

  Future<List<String>> words() {
    return new HelplineRepository(pool).crisisWords();
  }

  Future<Void> create(Helpline h, EditorUser actor) {
    if (!actor.may(NEEDED)) return Refusal.of(pool, actor, "helpline", null, NEEDED);
    return pool.withTransaction(
        conn ->
            new HelplineRepository(conn)
                .insert(h)
                .compose(
                    inserted ->
                        inserted
                            ? audit(conn, actor, "helpline.create", h)
                            : Future.failedFuture(
                                HttpError.badRequest("编号“" + h.id() + "”已被使用，请换一个。"))));
  }

  /** Saves over {@code baseVersion}; another stored version fails with {@link StaleVersion}. */
  Future<Void> update(Helpline h, int baseVersion, EditorUser actor) {
    if (!actor.may(NEEDED)) return Refusal.of(pool, actor, "helpline", null, NEEDED);
    return pool.withTransaction(
        conn -> {
          HelplineRepository repo = new HelplineRepository(conn);
          return repo.update(h, baseVersion)
              .compose(
                  saved ->
                      saved
                          ? audit(conn, actor, "helpline.update", h)
                          : repo.find(h.id())
                              .compose(
                                  cur ->
                                      Future.failedFuture(
                                          cur.<RuntimeException>map(
                                                  s -> new StaleVersion(s, s.version()))
                                              .orElseGet(() -> HttpError.notFound(NOT_FOUND)))));
        });
  }

  Future<Void> retire(String id, boolean retired, EditorUser actor) {
    if (!actor.may(NEEDED)) return Refusal.of(pool, actor, "helpline", null, NEEDED);
    return pool.withTransaction(
        conn -> {
          HelplineRepository repo = new HelplineRepository(conn);
          return repo.find(id)
              .compose(
                  cur ->
                      cur.isEmpty()
                          ? Future.failedFuture(HttpError.notFound(NOT_FOUND))
                          : repo.retire(id, retired)
                              .compose(
                                  v ->
                                      audit(
                                          conn,
                                          actor,
                                          retired ? "helpline.retire" : "helpline.restore",
                                          cur.get().line())));
        });
  }

  /** Replaces the whole word list; the audit row says what was added and what removed. */
  Future<Void> replaceWords(List<String> words, EditorUser actor) {
    if (!actor.may(NEEDED)) return Refusal.of(pool, actor, "crisis_words", null, NEEDED);
    return pool.withTransaction(
        conn -> {
          HelplineRepository repo = new HelplineRepository(conn);
          return repo.crisisWords()
              .compose(
                  before -> {
                    List<String> added = new ArrayList<>(words);
                    added.removeAll(before);
                    List<String> removed = new ArrayList<>(before);
                    removed.removeAll(words);
                    return repo.replaceCrisisWords(words)
                        .compose(
                            v ->
                                AuditLog.record(
                                    conn,
                                    actor.login(),
                                    "crisis_words.replace",
                                    "crisis_words",
                                    null,
                                    new JsonObject()
                                        .put("added", new JsonArray(added))
                                        .put("removed", new JsonArray(removed))
                                        .put("count", words.size())));
                  });
        });
  }

  private static Future<Void> audit(SqlClient conn, EditorUser actor, String action, Helpline h) {
    return AuditLog.record(
        conn,
        actor.login(),
        action,
        "helpline",
        null,
        new JsonObject()
            .put("id", h.id())
            .put("name", h.name())
            .put("number", h.number())
            .put("hours", h.hours())
            .put("source_url", h.sourceUrl()));
  }
}
