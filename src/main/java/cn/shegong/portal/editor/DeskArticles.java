package cn.shegong.portal.editor;

import static cn.shegong.portal.news.ArticleRepository.COLUMNS;

import cn.shegong.portal.common.HttpError;
import cn.shegong.portal.common.Zones;
import cn.shegong.portal.news.Article;
import cn.shegong.portal.news.ArticleRepository;
import cn.shegong.portal.news.ArticleStatus;
import cn.shegong.portal.news.ArticleText;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The editors' SQL for articles: every save bumps the version, checks the version it was based on,
 * keeps a revision and writes the audit log, all in one transaction (the change_log trigger rides
 * along).
 */
public final class DeskArticles {
  static final String NOT_FOUND = "没有找到这篇文章。";
  // an edit that leaves the date out keeps a published article's date: a public report always has
  // one
  private static final String SET_CONTENT =
      "title = $2, subtitle = $3, kicker = $4, summary = $5, body = $6, "
          + "source = $7, author = $8, province = $9, city = $10, district = $11, tags = $12, "
          + "published_at = coalesce($13, CASE WHEN status = 'published' THEN published_at END), date_precision = $14";

  /**
   * The version an edit starts from is kept too, if no revision holds it yet (seed content, a
   * publish).
   */
  private static final String KEEP_BASE =
      "INSERT INTO article_revisions (article_id, version, snapshot, saved_by) "
          + "SELECT a.id, a.version, jsonb_build_object('title', a.title, 'subtitle', a.subtitle, 'kicker', a.kicker, "
          + "'summary', a.summary, 'body', a.body, 'source', a.source, 'author', a.author, 'province', a.province, "
          + "'city', a.city, 'district', a.district, 'tags', to_jsonb(a.tags), 'published_at', a.published_at, "
          + "'date_precision', a.date_precision), CASE a.origin WHEN 'seed' THEN '（种子数据）' ELSE '（未记录）' END "
          + "FROM articles a WHERE a.id = $1 AND a.version = $2 ON CONFLICT (article_id, version) DO NOTHING";

  private final Pool pool;

  public DeskArticles(Pool pool) {
    this.pool = pool;
  }

  public Future<List<Article>> list(Optional<ArticleStatus> status, int limit) {
    return pool.preparedQuery(
            "SELECT "
                + COLUMNS
                + " FROM articles a WHERE ($1::text IS NULL OR a.status = $1) "
                + "AND a.origin <> 'synthetic' ORDER BY a.updated_at DESC, a.id DESC LIMIT $2")
        .execute(Tuple.of(status.map(ArticleStatus::code).orElse(null), limit))
        .map(ArticleRepository::mapAll);
  }

  public Future<Article> find(long id) {
    return find(pool, id).map(found -> found.orElseThrow(() -> HttpError.notFound(NOT_FOUND)));
  }

  private static Future<Optional<Article>> find(SqlClient db, long id) {
    return db.preparedQuery("SELECT " + COLUMNS + " FROM articles a WHERE a.id = $1")
        .execute(Tuple.of(id))
        .map(
            rows ->
                rows.size() == 0
                    ? Optional.empty()
                    : Optional.of(ArticleRepository.map(rows.iterator().next())));
  }

  /**
   * What the desk shows beside the article: when it is scheduled, whose it is, an editor's note.
   */
  public record DeskState(OffsetDateTime scheduledAt, String createdBy, String reviewNote) {}

  public Future<DeskState> state(long id) {
    return pool.preparedQuery(
            "SELECT a.scheduled_at, u.login, a.review_note FROM articles a "
                + "LEFT JOIN users u ON u.id = a.created_by WHERE a.id = $1")
        .execute(Tuple.of(id))
        .map(
            rows -> {
              if (rows.size() == 0) throw HttpError.notFound(NOT_FOUND);
              Row r = rows.iterator().next();
              return new DeskState(r.getOffsetDateTime(0), r.getString(1), r.getString(2));
            });
  }

  public Future<Map<String, Long>> countByStatus() {
    return pool.query(
            "SELECT status, count(*) FROM articles WHERE origin <> 'synthetic' GROUP BY status")
        .execute()
        .map(
            rows -> {
              Map<String, Long> out = new HashMap<>();
              for (Row r : rows) out.put(r.getString(0), r.getLong(1));
              return out;
            });
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
    return pool.withTransaction(
            conn ->
                conn.preparedQuery(
                        "INSERT INTO articles AS a (slug, title, subtitle, kicker, "
                            + "summary, body, source, author, province, city, district, tags, published_at, date_precision, status, "
                            + "origin, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, 'draft', "
                            + "'editor', $15) ON CONFLICT (slug) DO NOTHING RETURNING "
                            + COLUMNS)
                    .execute(content(slug, in).addLong(actor.id()))
                    .compose(
                        rows -> {
                          if (rows.size() == 0) return Future.succeededFuture(null);
                          Article a = ArticleRepository.map(rows.iterator().next());
                          return keep(conn, a, in, actor.login(), "article.create").map(a);
                        }))
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
    return pool.withTransaction(
            conn ->
                PublishedEdits.check(conn, id, baseVersion, in, note, actor)
                    .compose(
                        edited ->
                            conn.preparedQuery(KEEP_BASE)
                                .execute(Tuple.of(id, baseVersion))
                                .map(edited))
                    .compose(
                        edited ->
                            conn.preparedQuery(
                                    "UPDATE articles a SET "
                                        + SET_CONTENT
                                        + ", version = a.version + 1, updated_at = now(), edited_at = CASE WHEN $19 THEN now() ELSE a.edited_at END"
                                        + " WHERE a.id = $1 AND a.version = $15 AND "
                                        + ArticleRights.MAY_EDIT
                                        + " RETURNING "
                                        + COLUMNS)
                                .execute(
                                    ArticleRights.editParams(
                                            content(id, in).addInteger(baseVersion), actor)
                                        .addBoolean(edited))
                                .compose(
                                    rows -> {
                                      if (rows.size() == 0)
                                        return Future.failedFuture(new ArticleRights.NotSaved());
                                      Article a = ArticleRepository.map(rows.iterator().next());
                                      return keep(conn, a, in, actor.login(), action).map(a);
                                    })))
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
    return transition(
        id,
        actor,
        Permission.PUBLISH,
        "article.publish",
        "status = 'published', "
            + "published_at = coalesce(a.published_at, now()), scheduled_at = NULL, review_note = ''",
        "TRUE");
  }

  public Future<Article> unpublish(long id, EditorUser actor) {
    return transition(
        id,
        actor,
        Permission.PUBLISH,
        "article.unpublish",
        "status = 'unpublished', scheduled_at = NULL",
        "TRUE");
  }

  public Future<Article> schedule(long id, OffsetDateTime at, EditorUser actor) {
    return transition(
        id,
        actor,
        Permission.PUBLISH,
        "article.schedule",
        "status = 'scheduled', scheduled_at = $3",
        "TRUE",
        at);
  }

  /** A draft goes to the editors; a contributor may submit only their own. */
  public Future<Article> submit(long id, EditorUser actor) {
    return transition(
        id,
        actor,
        Permission.SUBMIT_FOR_REVIEW,
        "article.submit",
        "status = 'in_review', review_note = ''",
        "a.status = 'draft' AND (a.created_by = $3 OR $4)",
        actor.id(),
        actor.may(Permission.EDIT_OTHERS_DRAFTS));
  }

  /** An editor sends a submitted draft back to its writer with a note. */
  public Future<Article> sendBack(long id, String note, EditorUser actor) {
    return transition(
        id,
        actor,
        Permission.PUBLISH,
        "article.send_back",
        "status = 'draft', review_note = $3",
        "a.status = 'in_review'",
        note);
  }

  private Future<Article> transition(
      long id,
      EditorUser actor,
      Permission needed,
      String action,
      String set,
      String when,
      Object... more) {
    Tuple params = Tuple.of(id, actor.may(needed));
    for (Object o : more) params.addValue(o);
    return pool.withTransaction(
            conn ->
                conn.preparedQuery(
                        "UPDATE articles a SET "
                            + set
                            + ", version = a.version + 1, updated_at = now() WHERE a.id = $1 AND $2 AND "
                            + when
                            + " RETURNING "
                            + COLUMNS)
                    .execute(params)
                    .compose(
                        rows -> {
                          if (rows.size() == 0)
                            return Future.failedFuture(new ArticleRights.NotSaved());
                          Article a = ArticleRepository.map(rows.iterator().next());
                          return AuditLog.record(
                                  conn,
                                  actor.login(),
                                  action,
                                  "article",
                                  id,
                                  new JsonObject()
                                      .put("version", a.version())
                                      .put("title", a.title()))
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
    return find(pool, id)
        .compose(
            found -> {
              if (found.isEmpty()) return Future.failedFuture(HttpError.notFound(NOT_FOUND));
              Article cur = found.get();
              return ArticleRights.owner(pool, id)
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
    return conn.preparedQuery(
            "INSERT INTO article_revisions (article_id, version, snapshot, saved_by) "
                + "VALUES ($1, $2, $3, $4)")
        .execute(Tuple.of(a.id(), a.version(), ArticleInput.toJson(in), actor))
        .compose(
            v ->
                AuditLog.record(
                    conn,
                    actor,
                    action,
                    "article",
                    a.id(),
                    new JsonObject().put("version", a.version()).put("title", a.title())));
  }

  private static Tuple content(Object first, ArticleText in) {
    return Tuple.from(
        new Object[] {
          first,
          in.title(),
          in.subtitle(),
          in.kicker(),
          in.summary(),
          in.body(),
          in.source(),
          in.author(),
          in.region().province(),
          in.region().city(),
          in.region().district(),
          in.tags().toArray(String[]::new),
          in.publishedAt(),
          in.datePrecision().code()
        });
  }
}
