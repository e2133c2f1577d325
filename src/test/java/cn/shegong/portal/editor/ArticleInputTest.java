package cn.shegong.portal.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.shegong.portal.common.DatePrecision;
import cn.shegong.portal.news.ArticleText;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("What an editor writes is checked before anything is saved")
class ArticleInputTest {
  @Test
  @DisplayName(
      "a form: trimmed text, tags split on Chinese and Latin separators without repeats, a day in China")
  void form() {
    ArticleInput.Checked c =
        ArticleInput.fromForm(
            Map.of(
                "title", "  社工站挂牌  ",
                "body", "第一段\r\n\r\n第二段",
                "tags", "社工，心理、社工; 儿童",
                "date", "2024-09-20",
                "date_precision", "month"));
    assertTrue(c.ok(), c.errors().toString());
    ArticleText t = c.input();
    assertEquals("社工站挂牌", t.title());
    assertEquals("第一段\n\n第二段", t.body());
    assertEquals(java.util.List.of("社工", "心理", "儿童"), t.tags());
    assertEquals(java.time.Instant.parse("2024-09-19T16:00:00Z"), t.publishedAt().toInstant());
    assertEquals(DatePrecision.MONTH, t.datePrecision());
    assertEquals(ArticleInput.toForm(t).get("date"), "2024-09-20", "the form shows the day back");
  }

  @Test
  @DisplayName("every fault is named in Chinese at once: empty title, bad date, bad precision, NUL")
  void faults() {
    ArticleInput.Checked c =
        ArticleInput.fromForm(Map.of("title", " ", "date", "2024-13-40", "date_precision", "week"));
    assertFalse(c.ok());
    assertTrue(c.errors().contains("标题不能为空"), c.errors().toString());
    assertTrue(c.errors().stream().anyMatch(e -> e.startsWith("日期无效")));
    assertTrue(c.errors().stream().anyMatch(e -> e.startsWith("日期精度")));
    assertFalse(ArticleInput.fromForm(Map.of("title", "a\0b")).ok());
  }

  @Test
  @DisplayName("JSON with wrong types is refused, and a text survives the snapshot round trip")
  void json() {
    assertFalse(ArticleInput.fromJson(new JsonObject().put("title", 5)).ok());
    assertFalse(ArticleInput.fromJson(new JsonObject().put("title", "t").put("tags", "不是数组")).ok());
    JsonObject in =
        new JsonObject()
            .put("title", "医务社工")
            .put("tags", new JsonArray().add("医院"))
            .put("published_at", "2025-01-02")
            .put("province", "广东省");
    ArticleText t = ArticleInput.fromJson(in).input();
    assertEquals(t, ArticleInput.fromJson(ArticleInput.toJson(t)).input());
  }
}
