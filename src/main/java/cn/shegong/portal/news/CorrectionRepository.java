package cn.shegong.portal.news;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * SQL for article_corrections: the notes of one or many articles, oldest first; a note is never
 * edited.
 */
public final class CorrectionRepository {
  private static final String SELECT =
      "SELECT article_id, kind, note, noted_at FROM article_corrections ";

  private final SqlClient db;

  public CorrectionRepository(SqlClient db) {
    this.db = db;
  }

  public Future<List<Correction>> forArticle(long articleId) {
    return db.preparedQuery(SELECT + "WHERE article_id = $1 ORDER BY noted_at, id")
        .execute(Tuple.of(articleId))
        .map(
            rows -> {
              List<Correction> out = new ArrayList<>();
              for (Row r : rows) out.add(map(r));
              return out;
            });
  }

  /**
   * For feeds: the notes of each listed article, by article id (articles without notes are absent).
   */
  public Future<Map<Long, List<Correction>>> forArticles(Collection<Long> ids) {
    if (ids.isEmpty()) return Future.succeededFuture(Map.of());
    return db.preparedQuery(SELECT + "WHERE article_id = ANY ($1::bigint[]) ORDER BY noted_at, id")
        .execute(Tuple.of(ids.toArray(Long[]::new)))
        .map(
            rows -> {
              Map<Long, List<Correction>> out = new HashMap<>();
              for (Row r : rows)
                out.computeIfAbsent(r.getLong("article_id"), k -> new ArrayList<>()).add(map(r));
              return out;
            });
  }

  /** Written by the desk in the transaction that changes the article. */
  public static Future<Void> insert(
      SqlClient conn, long articleId, Correction.Kind kind, String note, String by) {
    return conn.preparedQuery(
            "INSERT INTO article_corrections (article_id, kind, note, noted_by) VALUES ($1, $2, $3, $4)")
        .execute(Tuple.of(articleId, kind.code(), note, by))
        .mapEmpty();
  }

  private static Correction map(Row r) {
    return new Correction(
        Correction.Kind.fromCode(r.getString("kind")),
        r.getString("note"),
        r.getOffsetDateTime("noted_at"));
  }
}
