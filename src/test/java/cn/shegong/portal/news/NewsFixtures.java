package cn.shegong.portal.news;

import cn.shegong.portal.testing.TestDatabase;
import java.util.List;

/**
 * Articles that must never be public, and one whose text tries to break out of HTML, XML and JSON.
 */
final class NewsFixtures {
  static final List<String> HIDDEN_SLUGS =
      List.of("secret-draft", "secret-scheduled", "secret-unpublished");
  static final String SYNTHETIC_SLUG = "synthetic-bench-1";
  static final String HIDDEN_TITLE_MARK = "不应公开";
  static final String TRICKY_SLUG = "tricky-markup";
  static final String TRICKY_TITLE = "标题含 </script><b>&amp; \"引号\" 'x'";

  private NewsFixtures() {}

  static void insertHidden(TestDatabase db) {
    db.exec(
        "INSERT INTO articles (slug, title, body, province, city, tags, status, published_at, origin) VALUES "
            + "('secret-draft', '草稿：不应公开', '草稿正文', '上海市', '上海市', '{心理健康,医务社工}', 'draft', NULL, 'editor')");
    db.exec(
        "INSERT INTO articles (slug, title, body, province, city, tags, status, scheduled_at, origin) VALUES "
            + "('secret-scheduled', '定时：不应公开', '定时正文', '上海市', '上海市', '{心理健康}', 'scheduled', "
            + "now() + interval '30 days', 'editor')");
    db.exec(
        "INSERT INTO articles (slug, title, body, province, city, tags, status, published_at, origin) VALUES "
            + "('secret-unpublished', '撤下：不应公开', '撤下正文', '上海市', '上海市', '{心理健康}', 'unpublished', "
            + "'2024-10-01T09:00:00+08', 'editor')");
  }

  /** Published, but generated for benchmarks: kept out of feeds and the sitemap. */
  static void insertSynthetic(TestDatabase db) {
    db.exec(
        "INSERT INTO articles (slug, title, body, province, city, tags, status, published_at, origin) VALUES "
            + "('"
            + SYNTHETIC_SLUG
            + "', '合成基准报道', '合成正文', '上海市', '上海市', '{心理健康}', 'published', "
            + "'2024-10-02T09:00:00+08', 'synthetic')");
  }

  static void insertTricky(TestDatabase db) {
    db.exec(
        "INSERT INTO articles (slug, title, summary, body, source, author, tags, status, published_at, origin) VALUES "
            + "('"
            + TRICKY_SLUG
            + "', '"
            + TRICKY_TITLE.replace("'", "''")
            + "', '摘要 <i>&</i>', "
            + "'第一段 <script>alert(1)</script> & 更多\n\n## 小标题 <b>\n\n图：图片说明 ]]>', '《测试报》', '作者<甲>', "
            + "'{测试<标签>}', 'published', '2020-05-01T10:00:00+08', 'editor')");
  }
}
