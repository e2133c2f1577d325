package cn.shegong.portal.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Names match as one unit; words typed apart rank close matches first and drop far ones. */
@DisplayName("Names as units, closeness for words typed apart")
class SearchNamesTest {
  static final List<String> BODIES = new ArrayList<>();

  static {
    BODIES.add("通辽社会工作学院揭牌成立。"); // 1: the institution
    BODIES.add("推进社会工作体系建设。联合山东理工大学法学院遴选实践基地。"); // 2: its parts, sentences apart
    BODIES.add("“复元同行”项目服务康复者。"); // 3: a project name in quotes
    BODIES.add("社工复元训练，医务同行交流。"); // 4: the project name's parts, apart
    BODIES.add("北京市儿童医院的社工部。"); // 5: 北京 … 医院, never 北京医院
    BODIES.add("青少年活动很多，场地有限。本年度继续开展了志愿培训。"); // 6: 活动 … 培训, far apart
    for (int i = 7; i <= 16; i++) BODIES.add("社区开展活动培训第" + i + "期。"); // 7–16: close
    BODIES.add("青少年培训班开课。"); // 17: 青少年 培训 close (doc 6 has them far apart)
  }

  static ByteBuffersDirectory dir = new ByteBuffersDirectory();
  static DirectoryReader reader;
  static SearchEngine engine;

  @BeforeAll
  static void index() throws Exception {
    try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(SearchAnalyzers.forIndex()))) {
      for (int i = 1; i <= BODIES.size(); i++) {
        w.addDocument(
            DocumentFactory.build(
                new Indexable(
                    SearchFields.TYPE_ARTICLE,
                    i,
                    "a-" + i,
                    "第" + i + "篇",
                    BODIES.get(i - 1),
                    "浙江省",
                    "杭州市",
                    "某区",
                    "",
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

  static SearchResult search(String q, int limit) throws IOException {
    return engine.search(
        new IndexSearcher(reader),
        SearchRequest.parse(Map.of("q", q, "limit", String.valueOf(limit))::get, 50));
  }

  static List<Long> ids(String q) throws IOException {
    return search(q, 50).hits().stream().map(SearchHit::id).sorted().toList();
  }

  @Test
  @DisplayName("an institution's name finds it, not its parts in different sentences")
  void institution() throws IOException {
    assertEquals(List.of(1L), ids("社会工作学院"));
    assertEquals(List.of(1L), ids("社工学院"), "a synonym of a part in its place");
    assertEquals(List.of(2L), ids("山东理工大学"));
  }

  @Test
  @DisplayName("a project name the index holds in quotes is one unit")
  void project() throws IOException {
    assertEquals(List.of(3L), ids("复元同行"));
  }

  @Test
  @DisplayName("a name that stands together nowhere stays words: still found, nothing lost")
  void unknownName() throws IOException {
    assertEquals(List.of(5L), ids("北京医院"));
  }

  @Test
  @DisplayName(
      "words typed apart: with a page of close matches the far-apart-only one is dropped; with fewer it ranks last")
  void closeness() throws IOException {
    List<Long> all = ids("活动 培训");
    assertEquals(10, all.size(), all.toString());
    assertFalse(all.contains(6L), "far apart, dropped: " + all);
    List<Long> few = search("青少年 培训", 50).hits().stream().map(SearchHit::id).toList();
    assertTrue(few.contains(6L), few.toString());
    assertEquals(List.of(17L, 6L), few, "close one first, far one kept: " + few);
  }

  @Test
  @DisplayName("strict finds nothing: the loose search still runs and says so")
  void looseFallback() throws IOException {
    SearchResult r = search("社会工作学院 射波刀", 10);
    assertTrue(r.partial());
    assertTrue(r.total() > 0);
  }
}
