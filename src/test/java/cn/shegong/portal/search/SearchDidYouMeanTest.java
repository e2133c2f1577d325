package cn.shegong.portal.search;

import static cn.shegong.portal.search.SearchTesting.enc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.shegong.portal.testing.TestPortal;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("您是不是要找: pinyin, homophones and one wrong character, from names the index holds")
class SearchDidYouMeanTest {
  static ByteBuffersDirectory dir = new ByteBuffersDirectory();
  static DirectoryReader reader;
  static SearchEngine engine;
  static TestPortal portal;

  static Indexable doc(
      String type, long id, String title, String body, String district, String township) {
    return new Indexable(
        type,
        id,
        "d-" + id,
        title,
        body,
        "安徽省",
        "某市",
        district,
        township,
        null,
        "editor",
        LocalDate.of(2024, 5, 1),
        "2024-05-01",
        null,
        null);
  }

  @BeforeAll
  static void index(Vertx vertx) throws Exception {
    try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(SearchAnalyzers.forIndex()))) {
      w.addDocument(
          DocumentFactory.build(
              doc(SearchFields.TYPE_ARTICLE, 1, "医务社工项目", "“髓爱童行”项目陪伴患儿。", "六安市", "")));
      w.addDocument(
          DocumentFactory.build(
              doc(SearchFields.TYPE_STATION, 2, "江桥镇社工站", "镇（街道）社工站\n嘉定区民政局", "嘉定区", "江桥镇")));
    }
    reader = DirectoryReader.open(dir);
    engine = new SearchEngine(Synonyms.load(Optional.empty()), Duration.ofSeconds(5));
    portal = TestPortal.create(vertx).start().await(2, TimeUnit.MINUTES);
    SearchTesting.awaitIndex(portal);
  }

  @AfterAll
  static void close() throws Exception {
    reader.close();
    dir.close();
    portal.destroy().await(1, TimeUnit.MINUTES);
  }

  static SearchResult search(String q) throws IOException {
    return engine.search(new IndexSearcher(reader), SearchRequest.parse(Map.of("q", q)::get, 10));
  }

  @Test
  @DisplayName("a project name with one wrong character suggests the name")
  void oneWrongCharacter() throws IOException {
    SearchResult r = search("髓爱童形");
    assertTrue(r.total() == 0 || r.partial(), "nothing found as typed");
    assertEquals(List.of("髓爱童行"), r.didYouMean());
  }

  @Test
  @DisplayName("a homophone typed for a place name suggests the place (江侨镇 → 江桥镇)")
  void homophone() throws IOException {
    assertTrue(search("江侨镇").didYouMean().contains("江桥镇"));
  }

  @Test
  @DisplayName("pinyin with the other reading of a 多音字 place name suggests it (luan → 六安)")
  void polyphonicPinyin() throws IOException {
    SearchResult r = search("luan");
    assertEquals(0, r.total());
    assertTrue(r.didYouMean().contains("六安"), r.didYouMean().toString());
  }

  @Test
  @DisplayName("a query that finds what it asked for gets no suggestion")
  void noSuggestionWhenFound() throws IOException {
    assertEquals(List.of(), search("髓爱童行").didYouMean());
  }

  @Test
  @DisplayName("the search page and /api/search offer the suggestion as a link and a list")
  void pageAndApi() throws Exception {
    JsonObject api = SearchTesting.api(portal, "q=" + enc("江侨镇"));
    assertTrue(api.getJsonArray("didYouMean").contains("江桥镇"), api.encode());
    String page =
        portal
            .client()
            .get("/search?q=" + enc("江侨镇"))
            .send()
            .await(20, TimeUnit.SECONDS)
            .bodyAsString();
    assertTrue(page.contains("您是不是要找：<a href=\"/search?q=" + enc("江桥镇") + "\">江桥镇</a>"), page);
    assertTrue(SearchTesting.api(portal, "q=" + enc("江桥镇")).getJsonArray("didYouMean").isEmpty());
  }
}
