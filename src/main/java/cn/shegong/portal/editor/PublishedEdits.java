package cn.shegong.portal.editor;

import cn.shegong.portal.common.HttpError;
import cn.shegong.portal.news.Article;
import cn.shegong.portal.news.ArticleEdits;
import cn.shegong.portal.news.ArticleText;
import cn.shegong.portal.news.Correction;
import cn.shegong.portal.news.CorrectionRepository;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The rule for changing what readers have already read: a published article's content changes only
 * with a public 更正/更新 note or an audited "typo only". Runs first in the saving transaction, with
 * the row locked.
 */
final class PublishedEdits {
  private PublishedEdits() {}

  /** Answers whether the save changes the public content (then the article's edited_at moves). */
  static Future<Boolean> check(
      SqlClient conn, long id, int baseVersion, ArticleText in, ChangeNote note, EditorUser user) {
    String actor = user.login();
    return ArticleEdits.lock(conn, id)
        .compose(
            found -> {
              if (found.isEmpty()) return Future.succeededFuture(false);
              Article cur = found.get();
              // a save the rights refuse, or that is stale, fails in the UPDATE that follows;
              // nothing here is kept then
              if (cur.version() != baseVersion
                  || !cur.isPublic()
                  || !user.may(Permission.EDIT_PUBLISHED)
                  || !changes(cur, in)) {
                return Future.succeededFuture(false);
              }
              if (note.isNone())
                return Future.failedFuture(HttpError.badRequest(ChangeNote.REQUIRED));
              if (note.isTypo()) {
                return AuditLog.record(
                        conn,
                        actor,
                        "article.typo",
                        "article",
                        id,
                        new JsonObject().put("version", baseVersion + 1).put("title", in.title()))
                    .map(true);
              }
              return CorrectionRepository.insert(
                      conn, id, Correction.Kind.fromCode(note.kind()), note.note(), actor)
                  .compose(
                      v ->
                          AuditLog.record(
                              conn,
                              actor,
                              "article.note." + note.kind(),
                              "article",
                              id,
                              new JsonObject()
                                  .put("version", baseVersion + 1)
                                  .put("note", note.note())))
                  .map(true);
            });
  }

  /**
   * An edit that leaves the date out keeps the published date, as the save itself does; dates
   * compare as instants.
   */
  private static boolean changes(Article cur, ArticleText in) {
    return !normal(cur.text(), cur.text().publishedAt())
        .equals(normal(in, cur.text().publishedAt()));
  }

  private static ArticleText normal(ArticleText in, OffsetDateTime keptDate) {
    OffsetDateTime d = in.publishedAt() == null ? keptDate : in.publishedAt();
    return in.withPublishedAt(d == null ? null : d.withOffsetSameInstant(ZoneOffset.UTC));
  }
}
