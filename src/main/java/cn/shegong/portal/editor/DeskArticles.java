package cn.shegong.portal.editor;

import cn.shegong.portal.common.HttpError;
import cn.shegong.portal.common.Zones;
import cn.shegong.portal.db.Transactions;
import cn.shegong.portal.news.Article;
import cn.shegong.portal.news.ArticleEdits;
import cn.shegong.portal.news.ArticleRevisions;
import cn.shegong.portal.news.ArticleStatus;
import cn.shegong.portal.news.ArticleText;
import cn.shegong.portal.news.ArticleTransition;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The desk's article work: every save bumps the version, checks the version it was based on, keeps
 * a revision and writes the audit log, all in one transaction (the change_log trigger rides along).
 * The SQL is the articles table's own ({@link ArticleEdits}); the rights go into its WHERE clauses.
 */
public final class DeskArticles {
  static final String NOT_FOUND = "没有找到这篇文章。";

  private final Pool pool;

  public DeskArticles(Pool pool) {
    this.pool = pool;
  }

  public Future<List<Article>> list(Optional<ArticleStatus> status, int limit) {
    return ArticleEdits.list(pool, status, limit);
  }

  public Future<Article> find(long id) {
    return ArticleEdits.find(pool, id)
        .map(found -> found.orElseThrow(() -> HttpError.notFound(NOT_FOUND)));
  }

  /**
   * What the desk shows beside the article: when it is scheduled, whose it is, an editor's note.
   */
  public record DeskState(OffsetDateTime scheduledAt, String createdBy, String reviewNote) {}

  public Future<DeskState> state(long id) {
    return ArticleEdits.state(pool, id)
        .compose(
            found -> {
              ArticleEdits.DeskState s = found.orElseThrow(() -> HttpError.notFound(NOT_FOUND));
              return login(s.createdBy())
                  .map(login -> new DeskState(s.scheduledAt(), login, s.reviewNote()));
            });
  }

  private Future<String> login(Long userId) {
    if (userId == null) return Future.succeededFuture(null);
    return pool.preparedQuery("SELECT login FROM users WHERE id = $1")
        .execute(Tuple.of(userId))
        .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getString(0));
  }

  public Future<Map<String, Long>> countByStatus() {
    return ArticleEdits.countByStatus(pool);
  }

  public Future<Article> create(ArticleText in, EditorUser actor) {
    if (!actor.may(Permission.EDIT_DRAFT))
      return ArticleRights.refused(pool, actor, 0, Permission.EDIT_DRAFT);
    return create(in, actor, 0);
  }

  private Future<Article> create(ArticleText in, EditorUser actor, int attempt) {
    String slug =
        LocalDate.now(Zones.CHINA).format(DateTimeFormatter.BASIC_ISO_DATE)
            + "-"
            + Secrets.randomAlnum(6);
    return Transactions.retrying(
            pool,
            conn ->
                ArticleEdits.insertDraft(conn, slug, in, actor.id())
                    .compose(
                        created ->
                            created.isEmpty()
                                ? Future.succeededFuture(null)
                                : keep(conn, created.get(), in, actor.login(), "article.create")
                                    .map(created.get())))
        .compose(
            a ->
                a != null || attempt >= 3
                    ? Future.succeededFuture(a)
                    : create(in, actor, attempt + 1));
  }

  /**
   * Saves over {@code baseVersion}. The WHERE clause carries the rules, so no route can reopen
   * them: an article that is not a draft needs EDIT_PUBLISHED, someone else's needs
   * EDIT_OTHERS_DRAFTS. A refused save changes nothing and answers 403; a newer stored version
   * fails with {@link StaleVersion}.
   */
  public Future<Article> update(
      long id, int baseVersion, ArticleText in, EditorUser actor, String action) {
    return update(id, baseVersion, in, ChangeNote.NONE, actor, action);
  }

  /**
   * A published article's content changes only with a note ({@link PublishedEdits}); it then moves
   * edited_at.
   */
  Future<Article> update(
      long id, int baseVersion, ArticleText in, ChangeNote note, EditorUser actor, String action) {
    return Transactions.retrying(
            pool,
            conn ->
                PublishedEdits.check(conn, id, baseVersion, in, note, actor)
                    .compose(edited -> ArticleRevisions.keepBase(conn, id, baseVersion).map(edited))
                    .compose(
                        edited ->
                            ArticleEdits.updateContent(
                                conn, id, baseVersion, in, ArticleRights.of(actor), edited))
                    .compose(
                        saved ->
                            saved.isEmpty()
                                ? Future.<Article>failedFuture(new ArticleRights.NotSaved())
                                : keep(conn, saved.get(), in, actor.login(), action)
                                    .map(saved.get())))
        .recover(
            e ->
                e instanceof ArticleRights.NotSaved
                    ? whyNotSaved(
                        id,
                        (cur, owner) -> ArticleRights.missingToEdit(cur.status(), owner, actor),
                        actor,
                        cur -> new StaleVersion(cur, cur.version()))
                    : Future.failedFuture(e));
  }

  public Future<Article> publish(long id, EditorUser actor) {
    return transition(id, actor, Permission.PUBLISH, ArticleTransition.PUBLISH);
  }

  public Future<Article> unpublish(long id, EditorUser actor) {
    return transition(id, actor, Permission.PUBLISH, ArticleTransition.UNPUBLISH);
  }

  public Future<Article> schedule(long id, OffsetDateTime at, EditorUser actor) {
    return transition(id, actor, Permission.PUBLISH, ArticleTransition.SCHEDULE, at);
  }

  /** A draft goes to the editors; a contributor may submit only their own. */
  public Future<Article> submit(long id, EditorUser actor) {
    return transition(
        id,
        actor,
        Permission.SUBMIT_FOR_REVIEW,
        ArticleTransition.SUBMIT,
        actor.id(),
        actor.may(Permission.EDIT_OTHERS_DRAFTS));
  }

  /** An editor sends a submitted draft back to its writer with a note. */
  public Future<Article> sendBack(long id, String note, EditorUser actor) {
    return transition(id, actor, Permission.PUBLISH, ArticleTransition.SEND_BACK, note);
  }

  private Future<Article> transition(
      long id, EditorUser actor, Permission needed, ArticleTransition to, Object... params) {
    String action = "article." + to.name().toLowerCase(java.util.Locale.ROOT);
    return Transactions.retrying(
            pool,
            conn ->
                ArticleEdits.move(conn, id, to, actor.may(needed), params)
                    .compose(
                        moved -> {
                          if (moved.isEmpty())
                            return Future.<Article>failedFuture(new ArticleRights.NotSaved());
                          Article a = moved.get();
                          return AuditLog.record(
                                  conn, actor.login(), action, "article", id, what(a))
                              .map(a);
                        }))
        .recover(
            e ->
                e instanceof ArticleRights.NotSaved
                    ? whyNotSaved(
                        id,
                        (cur, owner) -> ArticleRights.missingFor(needed, owner, actor),
                        actor,
                        cur ->
                            new HttpError(409, "这篇文章现在是“" + cur.status().label() + "”，不能执行这一操作。"))
                    : Future.failedFuture(e));
  }

  /**
   * Nothing was written: say why — missing, not allowed (audited), or in another state / edited
   * meanwhile.
   */
  private Future<Article> whyNotSaved(
      long id,
      BiFunction<Article, Long, Permission> rule,
      EditorUser actor,
      Function<Article, Throwable> otherwise) {
    return ArticleEdits.find(pool, id)
        .compose(
            found -> {
              if (found.isEmpty()) return Future.failedFuture(HttpError.notFound(NOT_FOUND));
              Article cur = found.get();
              return ArticleEdits.owner(pool, id)
                  .compose(
                      owner -> {
                        Permission missing = rule.apply(cur, owner);
                        return missing != null
                            ? ArticleRights.refused(pool, actor, id, missing)
                            : Future.failedFuture(otherwise.apply(cur));
                      });
            });
  }

  private static Future<Void> keep(
      SqlClient conn, Article a, ArticleText in, String actor, String action) {
    return ArticleRevisions.keepRevision(conn, a.id(), a.version(), ArticleInput.toJson(in), actor)
        .compose(v -> AuditLog.record(conn, actor, action, "article", a.id(), what(a)));
  }

  private static JsonObject what(Article a) {
    return new JsonObject().put("version", a.version()).put("title", a.title());
  }
}
