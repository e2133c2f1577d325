package cn.shegong.portal.news;

/** An article's state; the label is what the desk shows. Only PUBLISHED is public. */
public enum ArticleStatus {
  DRAFT("草稿"),
  IN_REVIEW("待审核"),
  SCHEDULED("定时发布"),
  PUBLISHED("已发布"),
  UNPUBLISHED("已撤下");

  private final String label;

  ArticleStatus(String label) {
    this.label = label;
  }

  public String code() {
    return name().toLowerCase();
  }

  public String label() {
    return label;
  }

  public static ArticleStatus fromCode(String code) {
    return valueOf(code.strip().toUpperCase());
  }
}
