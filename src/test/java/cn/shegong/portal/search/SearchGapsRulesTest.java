package cn.shegong.portal.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("What readers could not find: which queries may be counted at all")
class SearchGapsRulesTest {
  @Test
  @DisplayName(
      "queries shorter than 2 characters, with phone or ID numbers, or e-mail addresses, are never kept")
  void sensitivePatterns() {
    for (String q :
        new String[] {
          "",
          " ",
          "社",
          "a",
          "13812345678",
          "138 1234 5678",
          "138-1234-5678",
          "张三 13812345678",
          "021-62345678",
          "(010)12345678",
          "电话6234567",
          "11010519491231002X",
          "110105 19491231 002x",
          "某人 110105194912310021 地址",
          "zhang@example.com",
          "长".repeat(41)
        }) {
      assertEquals(Optional.empty(), SearchGaps.keepable(q), q);
    }
  }

  @Test
  @DisplayName(
      "other queries are kept folded, spaces collapsed; short numbers (hotlines, years) stay")
  void kept() {
    assertEquals(Optional.of("医务社工"), SearchGaps.keepable(" 醫務社工 "));
    assertEquals(Optional.of("社工站 全覆盖"), SearchGaps.keepable("社工站　　全覆盖"));
    assertEquals(Optional.of("12345热线"), SearchGaps.keepable("12345热线"));
    assertEquals(Optional.of("2023 年 报告"), SearchGaps.keepable("2023 年 报告"));
    assertTrue(SearchGaps.keepable("社工").isPresent());
  }
}
