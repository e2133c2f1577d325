package cn.shegong.portal.editor;

import cn.shegong.portal.common.HttpError;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** The saved versions of an article; restoring one saves it again as the newest version. */
public final class Revisions {
  public record Revision(
      long articleId,
      int version,
      String title,
      String savedBy,
      OffsetDateTime savedAt,
      JsonObject snapshot) {}

  private final Pool pool;

  public Revisions(Pool pool) {
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
