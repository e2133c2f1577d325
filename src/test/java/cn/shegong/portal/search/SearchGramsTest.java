package cn.shegong.portal.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Words of three and more characters are looked up as grams, and match exactly where the characters
 * stand together.
 */
@DisplayName("Han grams: as exact as phrases of bigrams")
class SearchGramsTest {
  static final String[] BODIES = {
    "医务社工走进病房。", // 1: the word as written
    "医务人员和社工一起。", // 2: its characters, not together
    "医务社会工作者在岗。", // 3: a synonym (医务社会工作, six characters)
    "医务社会，社会工作者。", // 4: the synonym's two grams (医务社会, 社会工作), not together
    "精神卫生服务中心开放。", // 5: an eight-character word
    "精神卫生工作的服务中心。", // 6: its grams, not together
    "社区治理，儿童关爱项目。", // 7: typed runs standing as typed
    "儿童在社区里关爱治理。"
  }; // 8: each pair close and in order, the four not in the typed order
  static ByteBuffersDirectory dir = new ByteBuffersDirectory();
  static DirectoryReader reader;
  static SearchEngine engine;

  @BeforeAll
  static void index() throws Exception {
    try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(SearchAnalyzers.forIndex()))) {
      for (int i = 1; i <= BODIES.length; i++) {
        w.addDocument(
            DocumentFactory.build(
                new Indexable(
                    SearchFields.TYPE_ARTICLE,
                    i,
                    "a-" + i,
                    "第" + i + "篇",
                    BODIES[i - 1],
                    "浙江省",
                    "杭州市",
                    "某区",
                    "某街道",
                    null,
                    "editor",
                    LocalDate.of(2024, 5, 1),
                    "2024-05-01",
                    null,
                    null)));
      }
    }
    reader = DirectoryReader.open(dir);
    engine = new SearchEngine(Synonyms.load(Optional.empty()), Duration.ofSeconds(5));
  }

  @AfterAll
  static void close() throws Exception {
    reader.close();
    dir.close();
  }

  static List<Long> ids(String q) throws IOException {
    SearchResult r =
        engine.search(new IndexSearcher(reader), SearchRequest.parse(Map.of("q", q)::get, 10));
    return r.hits().stream().map(SearchHit::id).sorted().toList();
  }

  @Test
  @DisplayName("every stretch of 3 and 4 Han characters, never across other characters")
  void grams() throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream ts =
        new HanGrams.GramAnalyzer()
            .tokenStream(SearchFields.BODY_GRAMS, new StringReader("社工站a医务社工，全覆"))) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) out.add(term.toString());
      ts.end();
    }
    assertEquals(List.of("社工站", "医务社", "医务社工", "务社工"), out);
  }

  @Test
  @DisplayName(
      "a word of 4 characters, or its synonym of 6, or one of 8, finds its characters together only")
  void exact() throws IOException {
    assertEquals(List.of(1L, 3L), ids("医务社工"));
    assertEquals(List.of(5L), ids("精神卫生服务中心"));
  }

  @Test
  @DisplayName("typed runs: their words must stand together, as before the grams")
  void runs() throws IOException {
    assertEquals(List.of(7L), ids("社区治理儿童关爱"));
    assertEquals(List.of(7L, 8L), ids("儿童关爱 社区治理"));
  }
}
