package cn.shegong.portal.editor;

import cn.shegong.portal.news.ArticleEdits;
import cn.shegong.portal.news.ArticleStatus;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;

/**
 * Who may change which article, as parameters of the save's WHERE clause and as the same rule in
 * Java to explain a refusal. A draft is its creator's; other drafts need EDIT_OTHERS_DRAFTS, any
 * other state EDIT_PUBLISHED.
 */
final class ArticleRights {
  /** A save matched no row; {@link DeskArticles} finds out why. */
  static final class NotSaved extends RuntimeException {
    NotSaved() {
      super(null, null, false, false);
    }
  }

  private ArticleRights() {}

  /** What the actor's role and identity allow, for the save's WHERE clause. */
  static ArticleEdits.EditRights of(EditorUser actor) {
    return new ArticleEdits.EditRights(
        actor.may(Permission.EDIT_PUBLISHED), actor.id(), actor.may(Permission.EDIT_OTHERS_DRAFTS));
  }

  /** The permission a save of this article lacks, or null. */
  static Permission missingToEdit(ArticleStatus status, Long owner, EditorUser actor) {
    if (!actor.may(Permission.EDIT_DRAFT)) return Permission.EDIT_DRAFT;
    if (status != ArticleStatus.DRAFT && !actor.may(Permission.EDIT_PUBLISHED))
      return Permission.EDIT_PUBLISHED;
    if (!isOwner(owner, actor) && !actor.may(Permission.EDIT_OTHERS_DRAFTS))
      return Permission.EDIT_OTHERS_DRAFTS;
    return null;
  }

  /**
   * The permission a state change lacks, or null; submitting someone else's draft also needs
   * EDIT_OTHERS_DRAFTS.
   */
  static Permission missingFor(Permission needed, Long owner, EditorUser actor) {
    if (!actor.may(needed)) return needed;
    if (needed == Permission.SUBMIT_FOR_REVIEW
        && !isOwner(owner, actor)
        && !actor.may(Permission.EDIT_OTHERS_DRAFTS)) {
      return Permission.EDIT_OTHERS_DRAFTS;
    }
    return null;
  }

  private static boolean isOwner(Long owner, EditorUser actor) {
    return owner != null && owner == actor.id();
  }

  static <T> Future<T> refused(Pool pool, EditorUser actor, long articleId, Permission missing) {
    return Refusal.of(pool, actor, "article", articleId == 0 ? null : articleId, missing);
  }
}
