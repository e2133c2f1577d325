package cn.shegong.portal.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Folding, pinyin, synonyms and query words")
class SearchAnalysisTest {
  static final Synonyms SYNONYMS =
      Synonyms.parse(
          """
      # comment
      社工, 社会工作, 社會工作者
      社工站, 社会工作服务站
      养老院 => 养老机构, 敬老院
      """);
  static final QueryWords WORDS = new QueryWords(SYNONYMS.terms());

  static List<String> words(String q) {
    return WORDS.split(q).stream().map(QueryWords.Word::text).toList();
  }

  @Test
  @DisplayName("traditional to simplified, full width to half width, lower case, same length")
  void folding() {
    assertEquals("医务社工", TextNormalizer.normalize("醫務社工"));
    assertEquals("abc 123", TextNormalizer.normalize("ＡＢＣ　１２３"));
    String mixed = "北京醫院 Beijing（东城）";
    assertEquals(mixed.length(), TextNormalizer.normalize(mixed).length());
  }

  @Test
  @DisplayName("typed pinyin splits into syllables, fewest first; other letters do not")
  void pinyin() {
    assertEquals(Optional.of(List.of("jia", "ding")), Pinyin.split("jiading"));
    assertEquals(Optional.of(List.of("la", "sa")), Pinyin.split("lasa"));
    assertEquals(Optional.of(List.of("xian")), Pinyin.split("xian"));
    assertEquals(Optional.empty(), Pinyin.split("qqq"));
    assertEquals(List.of("zi", "bo"), Pinyin.syllables("淄博"));
    assertEquals("石城", RegionNames.core("石城县"));
    assertEquals("内蒙古", RegionNames.core("内蒙古自治区"));
  }

  @Test
  @DisplayName(
      "Solr synonym format: equivalences, explicit mappings, folded terms, errors with line numbers")
  void synonyms() {
    assertEquals(Set.of("社工", "社会工作", "社会工作者"), SYNONYMS.expand("社工"));
    assertEquals(Set.of("社会工作者", "社工", "社会工作"), SYNONYMS.expand("社会工作者"), "folded from 社會工作者");
    assertEquals(Set.of("养老机构", "敬老院"), SYNONYMS.expand("养老院"));
    assertEquals(Set.of("别的"), SYNONYMS.expand("别的"));
    var e = assertThrows(IllegalArgumentException.class, () -> Synonyms.parse("a, b\n => c\n"));
    assertTrue(e.getMessage().contains("line 2"));
  }

  @Test
  @DisplayName(
      "query words: dictionary first, unknown names kept whole, syntax characters only separate words")
  void queryWords() {
    assertEquals(List.of("社工站", "全", "覆盖"), words("社工站全覆盖"));
    assertEquals(List.of("济阳区"), words("济阳区"));
    assertEquals(List.of("北京", "医院"), words("北京醫院"));
    assertEquals(List.of("title", "社工", "and", "医务", "2"), words("title:社工 AND (医务*)~2"));
    assertEquals(List.of(), words("()[]{}*?~^\"\\/:"));
    assertEquals(QueryWords.MAX_WORDS, WORDS.split("社 ".repeat(100)).size());
  }

  @Test
  @DisplayName("snippets mark the query's words and escape everything else")
  void snippets() {
    Snippet s = Snippet.best("前文<b>很长</b>。社工站全部建成，实现全覆盖。后文", List.of("社工站", "覆盖"));
    assertTrue(s.html().contains("<mark>社工站</mark>"));
    assertTrue(s.html().contains("&lt;b&gt;"));
    assertEquals("前文<b>很长</b>。社工站全部建成，实现全覆盖。后文", s.text());
  }
}
