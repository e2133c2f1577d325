package cn.shegong.portal.news;

public enum ArticleStatus {
  DRAFT, SCHEDULED, PUBLISHED, UNPUBLISHED;

  public String code() {
    return name().toLowerCase();
  }

  public static ArticleStatus fromCode(String code) {
    return valueOf(code.strip().toUpperCase());
  }
}
