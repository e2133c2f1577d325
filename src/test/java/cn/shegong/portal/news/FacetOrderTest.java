package cn.shegong.portal.news;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A facet lists its values in one order, whoever counted them")
class FacetOrderTest {
  static List<String> keys(List<Map.Entry<String, Long>> listed) {
    return listed.stream().map(Map.Entry::getKey).toList();
  }

  @Test
  @DisplayName("the most articles first; equal counts by code point, as COLLATE \"C\" sorts them")
  void mostFirst() {
    // U+20000 is a surrogate pair: String.compareTo would put it before U+FF01, code points after
    Map<String, Long> counts =
        Map.of("𠀀来源", 1L, "！来源", 1L, "上海市", 3L, "北京市", 3L, "Zibo", 1L, "山东省", 6L);
    assertEquals(
        List.of("山东省", "上海市", "北京市", "Zibo", "！来源", "𠀀来源"),
        keys(FacetOrder.MOST_FIRST.listed(counts, 40)));
    assertTrue("𠀀".compareTo("！") < 0, "String order differs from code point order here");
    assertTrue(FacetOrder.byCodePoint("𠀀", "！") > 0);
    assertTrue(FacetOrder.byCodePoint("社工", "社工站") < 0, "a prefix first");
    assertEquals(0, FacetOrder.byCodePoint("社工", "社工"));
  }

  @Test
  @DisplayName("years latest first, months January to December (not 1, 10, 11, 12, 2 …)")
  void numbers() {
    assertEquals(
        List.of("2024", "2023", "1999"),
        keys(FacetOrder.NEWEST_FIRST.listed(Map.of("2023", 9L, "1999", 1L, "2024", 2L), 40)));
    assertEquals(
        List.of("1", "2", "9", "10", "12"),
        keys(
            FacetOrder.BY_NUMBER.listed(
                Map.of("10", 1L, "2", 5L, "12", 1L, "1", 1L, "9", 3L), 40)));
  }

  @Test
  @DisplayName("at most the limit, the first ones in order; counts kept")
  void limit() {
    List<Map.Entry<String, Long>> listed =
        FacetOrder.MOST_FIRST.listed(Map.of("a", 1L, "b", 2L, "c", 3L), 2);
    assertEquals(List.of(Map.entry("c", 3L), Map.entry("b", 2L)), listed);
  }

  @Test
  @DisplayName("the SQL orders by the same keys")
  void sql() {
    assertEquals(
        "count(*) DESC, min(CAST(a.source AS text) COLLATE \"C\")",
        FacetOrder.MOST_FIRST.sql("a.source"));
    assertEquals("min(m) DESC", FacetOrder.NEWEST_FIRST.sql("m"));
    assertEquals("min(m)", FacetOrder.BY_NUMBER.sql("m"));
  }
}
