package cn.shegong.portal.news;

import static cn.shegong.portal.news.ArticleRepository.COLUMNS;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every write to articles, for the desk and scheduled publishing. Who may do what is decided by the
 * caller but enforced here, in the WHERE clause of the same statement: a write the rights do not
 * allow, or that starts from an old version, matches no row and answers empty. Each method runs on
 * the caller's connection, inside the caller's transaction.
 */
public final class ArticleEdits {
  /** What the editor's role and identity allow for a content save. */
  public record EditRights(boolean mayEditPublished, long actorId, boolean mayEditOthers) {}

  /** The desk's view of an article beside its content. */
  public record DeskState(OffsetDateTime scheduledAt, Long createdBy, String reviewNote) {}

  private static final String CONTENT =
      "title = $2, subtitle = $3, kicker = $4, summary = $5, body = $6, "
          + "source = $7, author = $8, province = $9, city = $10, district = $11, tags = $12, "
          // an edit that leaves the date out keeps a published article's date
          + "published_at = coalesce($13, CASE WHEN status = 'published' THEN published_at END), "
          + "date_precision = $14";

  private ArticleEdits() {}

  public static Future<Optional<Article>> find(SqlClient db, long id) {
    return db.preparedQuery("SELECT " + COLUMNS + " FROM articles a WHERE a.id = $1")
        .execute(Tuple.of(id))
        .map(ArticleEdits::first);
  }

  /** The row, locked until the transaction ends. */
  public static Future<Optional<Article>> lock(SqlClient conn, long id) {
    return conn.preparedQuery("SELECT " + COLUMNS + " FROM articles a WHERE a.id = $1 FOR UPDATE")
        .execute(Tuple.of(id))
        .map(ArticleEdits::first);
  }

  /** Who created the article (null for seeds and imports, or when there is no such article). */
  public static Future<Long> owner(SqlClient db, long id) {
    return db.preparedQuery("SELECT created_by FROM articles WHERE id = $1")
        .execute(Tuple.of(id))
        .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getLong(0));
  }

  /** The desk's list, newest change first; benchmark rows are left out. */
  public static Future<List<Article>> list(
      SqlClient db, Optional<ArticleStatus> status, int limit) {
    return db.preparedQuery(
            "SELECT "
                + COLUMNS
                + " FROM articles a WHERE ($1::text IS NULL OR a.status = $1) "
                + "AND a.origin <> 'synthetic' ORDER BY a.updated_at DESC, a.id DESC LIMIT $2")
        .execute(Tuple.of(status.map(ArticleStatus::code).orElse(null), limit))
        .map(ArticleRepository::mapAll);
  }

  public static Future<Optional<DeskState>> state(SqlClient db, long id) {
    return db.preparedQuery(
            "SELECT scheduled_at, created_by, review_note FROM articles WHERE id = $1")
        .execute(Tuple.of(id))
        .map(
            rows -> {
              if (rows.size() == 0) return Optional.empty();
              Row r = rows.iterator().next();
              return Optional.of(
                  new DeskState(r.getOffsetDateTime(0), r.getLong(1), r.getString(2)));
            });
  }

  public static Future<Map<String, Long>> countByStatus(SqlClient db) {
    return db.query(
            "SELECT status, count(*) FROM articles WHERE origin <> 'synthetic' GROUP BY status")
        .execute()
        .map(
            rows -> {
              Map<String, Long> out = new HashMap<>();
              for (Row r : rows) out.put(r.getString(0), r.getLong(1));
              return out;
            });
  }

  /** A new draft; empty when the slug is taken (the caller draws another). */
  public static Future<Optional<Article>> insertDraft(
      SqlClient conn, String slug, ArticleText text, long createdBy) {
    return conn.preparedQuery(
            "INSERT INTO articles AS a (slug, title, subtitle, kicker, summary, body, source, "
                + "author, province, city, district, tags, published_at, date_precision, status, "
                + "origin, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, "
                + "$13, $14, 'draft', 'editor', $15) ON CONFLICT (slug) DO NOTHING RETURNING "
                + COLUMNS)
        .execute(content(slug, text).addLong(createdBy))
        .map(ArticleEdits::first);
  }

  /**
   * Saves new content over {@code baseVersion}: a draft is its creator's unless {@code
   * mayEditOthers}; any other state needs {@code mayEditPublished}. {@code edited} moves the public
   * edit time.
   */
  public static Future<Optional<Article>> updateContent(
      SqlClient conn,
      long id,
      int baseVersion,
      ArticleText text,
      EditRights rights,
      boolean edited) {
    return conn.preparedQuery(
            "UPDATE articles a SET "
                + CONTENT
                + ", version = a.version + 1, updated_at = now(), "
                + "edited_at = CASE WHEN $19 THEN now() ELSE a.edited_at END "
                + "WHERE a.id = $1 AND a.version = $15 "
                + "AND (a.status = 'draft' OR $16) AND (a.created_by = $17 OR $18) RETURNING "
                + COLUMNS)
        .execute(
            content(id, text)
                .addInteger(baseVersion)
                .addBoolean(rights.mayEditPublished())
                .addLong(rights.actorId())
                .addBoolean(rights.mayEditOthers())
                .addBoolean(edited))
        .map(ArticleEdits::first);
  }

  /** A change of state; {@code allowed} false (the caller's rights) matches nothing. */
  public static Future<Optional<Article>> move(
      SqlClient conn, long id, ArticleTransition to, boolean allowed, Object... params) {
    Tuple tuple = Tuple.of(id, allowed);
    for (Object p : params) tuple.addValue(p);
    return conn.preparedQuery(
            "UPDATE articles a SET "
                + to.set()
                + ", version = a.version + 1, updated_at = now() WHERE a.id = $1 AND $2 AND "
                + to.when()
                + " RETURNING "
                + COLUMNS)
        .execute(tuple)
        .map(ArticleEdits::first);
  }

  /** Publishes every article whose scheduled time has passed. */
  public static Future<List<Article>> publishDue(SqlClient conn) {
    return conn.query(
            "UPDATE articles a SET status = 'published', "
                + "published_at = coalesce(a.published_at, a.scheduled_at), scheduled_at = NULL, "
                + "version = a.version + 1, updated_at = now() "
                + "WHERE a.status = 'scheduled' AND a.scheduled_at <= now() RETURNING "
                + COLUMNS)
        .execute()
        .map(ArticleRepository::mapAll);
  }

  private static Tuple content(Object first, ArticleText t) {
    return Tuple.from(
        new Object[] {
          first,
          t.title(),
          t.subtitle(),
          t.kicker(),
          t.summary(),
          t.body(),
          t.source(),
          t.author(),
          t.region().province(),
          t.region().city(),
          t.region().district(),
          t.tags().toArray(String[]::new),
          t.publishedAt(),
          t.datePrecision().code()
        });
  }

  private static Optional<Article> first(RowSet<Row> rows) {
    return rows.size() == 0
        ? Optional.empty()
        : Optional.of(ArticleRepository.map(rows.iterator().next()));
  }
}
