package cn.shegong.portal.news;

import cn.shegong.portal.common.HttpError;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The saved versions of an article (the article_revisions table); restoring one saves it again as
 * the newest version.
 */
public final class ArticleRevisions {
  public record Revision(
      long articleId,
      int version,
      String title,
      String savedBy,
      OffsetDateTime savedAt,
      JsonObject snapshot) {}

  private final Pool pool;

  public ArticleRevisions(Pool pool) {
    this.pool = pool;
  }

  public Future<List<Revision>> list(long articleId) {
    return pool.preparedQuery(
            "SELECT article_id, version, snapshot, saved_by, saved_at FROM article_revisions "
                + "WHERE article_id = $1 ORDER BY version DESC LIMIT 200")
        .execute(Tuple.of(articleId))
        .map(
            rows -> {
              List<Revision> out = new ArrayList<>();
              for (Row r : rows) out.add(map(r));
              return out;
            });
  }

  public Future<Revision> find(long articleId, int version) {
    return pool.preparedQuery(
            "SELECT article_id, version, snapshot, saved_by, saved_at FROM article_revisions "
                + "WHERE article_id = $1 AND version = $2")
        .execute(Tuple.of(articleId, version))
        .map(
            rows -> {
              if (rows.size() == 0) throw HttpError.notFound("没有找到这个历史版本。");
              return map(rows.iterator().next());
            });
  }

  private static final String KEEP_BASE =
      "INSERT INTO article_revisions (article_id, version, snapshot, saved_by) "
          + "SELECT a.id, a.version, jsonb_build_object('title', a.title, 'subtitle', a.subtitle, "
          + "'kicker', a.kicker, 'summary', a.summary, 'body', a.body, 'source', a.source, "
          + "'author', a.author, 'province', a.province, 'city', a.city, 'district', a.district, "
          + "'tags', to_jsonb(a.tags), 'published_at', a.published_at, "
          + "'date_precision', a.date_precision), "
          + "CASE a.origin WHEN 'seed' THEN '（种子数据）' ELSE '（未记录）' END "
          + "FROM articles a WHERE a.id = $1 AND a.version = $2 "
          + "ON CONFLICT (article_id, version) DO NOTHING";

  /** Keeps the version an edit starts from, if no revision holds it yet (seeds, a publish). */
  public static Future<Void> keepBase(SqlClient conn, long id, int version) {
    return conn.preparedQuery(KEEP_BASE).execute(Tuple.of(id, version)).mapEmpty();
  }

  public static Future<Void> keepRevision(
      SqlClient conn, long id, int version, JsonObject snapshot, String savedBy) {
    return conn.preparedQuery(
            "INSERT INTO article_revisions (article_id, version, snapshot, saved_by) "
                + "VALUES ($1, $2, $3, $4)")
        .execute(Tuple.of(id, version, snapshot, savedBy))
        .mapEmpty();
  }

  private static Revision map(Row r) {
    JsonObject snap = r.getJsonObject("snapshot");
    return new Revision(
        r.getLong("article_id"),
        r.getInteger("version"),
        snap.getString("title", ""),
        r.getString("saved_by"),
        r.getOffsetDateTime("saved_at"),
        snap);
  }
}
