package cn.shegong.portal.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
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

/**
 * Counting stops at a limit; below it everything is exact; facets count without their own filter.
 */
@DisplayName("Search counting: limited for broad queries, exact for small ones")
class SearchCountingTest {
  static final String[] PROVINCES = {"浙江省", "江苏省", "安徽省"};
  static ByteBuffersDirectory dir = new ByteBuffersDirectory();
  static DirectoryReader reader;
  static Synonyms synonyms;

  @BeforeAll
  static void index() throws Exception {
    synonyms = Synonyms.load(Optional.empty());
    try (IndexWriter w =
        new IndexWriter(
            dir, new IndexWriterConfig(SearchAnalyzers.forIndex()).setMaxBufferedDocs(20))) {
      for (int i = 1; i <= 90; i++) {
        String province = PROVINCES[i % 3];
        // a few titles name the word: they must rank first whatever the limit
        String title = i % 30 == 7 ? "社工服务第" + i + "期" : "社区活动第" + i + "期";
        String body = "本期由社工组织。" + (i % 10 == 0 ? "珊瑚礁科普讲座。" : "");
        w.addDocument(
            DocumentFactory.build(
                new Indexable(
                    SearchFields.TYPE_ARTICLE,
                    i,
                    "a-" + i,
                    title,
                    body,
                    province,
                    province,
                    "某区",
                    "某街道",
                    null,
                    "editor",
                    LocalDate.of(2020 + i % 4, 5, 1),
                    "2020-05-01",
                    null,
                    null)));
      }
    }
    reader = DirectoryReader.open(dir);
  }

  @AfterAll
  static void close() throws Exception {
    reader.close();
    dir.close();
  }

  static SearchResult search(int limit, Map<String, String> params) throws Exception {
    return new SearchEngine(synonyms, Duration.ofSeconds(5), limit)
        .search(new IndexSearcher(reader), SearchRequest.parse(params::get, 10));
  }

  @Test
  @DisplayName(
      "a query matching more than the limit: total is the limit, marked as a lower bound, same best hits")
  void broadQueryIsCapped() throws Exception {
    SearchResult capped = search(25, Map.of("q", "社工"));
    SearchResult exact = search(10_000, Map.of("q", "社工"));
    assertEquals(90, exact.total());
    assertFalse(exact.capped());
    assertEquals(25, capped.total());
    assertTrue(capped.capped());
    assertEquals(
        25L,
        capped.facets().get(SearchFields.TYPE).get(SearchFields.TYPE_ARTICLE),
        "facets of the counted ones");
    assertEquals(
        exact.hits().stream().map(SearchHit::url).toList(),
        capped.hits().stream().map(SearchHit::url).toList());
    assertTrue(capped.hits().get(0).title().startsWith("社工服务"), capped.hits().get(0).title());
  }

  @Test
  @DisplayName("a query matching fewer than the limit is counted exactly, and so are its facets")
  void smallResultIsExact() throws Exception {
    SearchResult r = search(25, Map.of("q", "珊瑚礁"));
    assertEquals(9, r.total());
    assertFalse(r.capped());
    assertEquals(9, r.hits().size());
    assertEquals(Map.of("浙江省", 3L, "江苏省", 3L, "安徽省", 3L), r.facets().get(SearchFields.PROVINCE));
  }

  @Test
  @DisplayName(
      "with a province chosen, the province facet still lists every province; the others follow the filter")
  void facetIgnoresItsOwnFilter() throws Exception {
    SearchResult r = search(10_000, Map.of("q", "珊瑚礁", "province", "江苏省"));
    assertEquals(3, r.total());
    assertEquals(Map.of("浙江省", 3L, "江苏省", 3L, "安徽省", 3L), r.facets().get(SearchFields.PROVINCE));
    assertEquals(3L, r.facets().get(SearchFields.TYPE).get(SearchFields.TYPE_ARTICLE));
    long years =
        r.facets().get(SearchFields.YEAR).values().stream().mapToLong(Long::longValue).sum();
    assertEquals(3, years, "the year facet counts within the chosen province");
    SearchResult both = search(10_000, Map.of("q", "珊瑚礁", "province", "江苏省", "year", "2022"));
    assertEquals(both.total(), both.facets().get(SearchFields.PROVINCE).get("江苏省"));
    assertEquals(
        3,
        both.facets().get(SearchFields.YEAR).values().stream().mapToLong(Long::longValue).sum(),
        "the year facet ignores the year filter but keeps the province");
  }
}
