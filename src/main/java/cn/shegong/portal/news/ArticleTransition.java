package cn.shegong.portal.news;

/**
 * The desk's changes of an article's state, as the SET and the condition of one UPDATE. Extra
 * parameters start at $3; $2 is whether the caller's rights allow it.
 */
public enum ArticleTransition {
  PUBLISH(
      "status = 'published', published_at = coalesce(a.published_at, now()), "
          + "scheduled_at = NULL, review_note = ''",
      "TRUE"),
  UNPUBLISH("status = 'unpublished', scheduled_at = NULL", "TRUE"),
  /** $3: when. */
  SCHEDULE("status = 'scheduled', scheduled_at = $3", "TRUE"),
  /** $3: the actor's id, $4: whether they may submit others' drafts. */
  SUBMIT(
      "status = 'in_review', review_note = ''", "a.status = 'draft' AND (a.created_by = $3 OR $4)"),
  /** $3: the editor's note to the writer. */
  SEND_BACK("status = 'draft', review_note = $3", "a.status = 'in_review'");

  private final String set;
  private final String when;

  ArticleTransition(String set, String when) {
    this.set = set;
    this.when = when;
  }

  String set() {
    return set;
  }

  String when() {
    return when;
  }
}
