package cn.shegong.portal.search;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A long query is cut to what Lucene will run, with a notice")
class QueryBudgetTest {
  /** 80 characters of Chinese, as a reader might paste a whole sentence. */
  static final String LONG =
      ("社区心理健康社工站为老年人提供居家养老服务和志愿服务医务社工协助残疾人和未成年人保护" + "社工机构培养社工人才精神卫生中心转介个案社区工作者探访困难群众家庭")
          .repeat(2)
          .substring(0, 80);

  static Synonyms synonyms;
  static QueryWords words;
  static QueryBuilder builder;
  static IndexSearcher searcher;

  @BeforeAll
  static void setUp() throws Exception {
    synonyms = Synonyms.load(Optional.empty());
    words = new QueryWords(synonyms.terms());
    builder = new QueryBuilder(synonyms);
    ByteBuffersDirectory dir = new ByteBuffersDirectory();
    try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(SearchAnalyzers.forIndex()))) {
      Document d = new Document();
      d.add(new TextField(SearchFields.TITLE, "社区心理健康社工站", Field.Store.NO));
      d.add(new TextField(SearchFields.BODY, LONG, Field.Store.NO));
      w.addDocument(d);
    }
    searcher = new IndexSearcher(DirectoryReader.open(dir));
  }

  static void run(Query q) throws Exception {
    searcher.search(q, 10);
  }

  @Test
  @DisplayName(
      "80 Chinese characters as built before: Lucene refuses the query (TooManyNestedClauses)")
  void unboundedFails() {
    List<QueryWords.Word> all = words.split(LONG);
    assertThrows(IndexSearcher.TooManyClauses.class, () -> run(builder.strict(all)));
  }

  @Test
  @DisplayName(
      "80 Chinese characters within the budget: strict, loose and closeness queries all run, and the reader is told")
  void boundedRuns() throws Exception {
    QueryBudget.Kept kept = new QueryBudget(builder).keep(words.split(LONG));
    assertDoesNotThrow(() -> run(builder.strict(kept.words())));
    assertDoesNotThrow(() -> run(builder.loose(kept.words())));
    assertDoesNotThrow(() -> run(builder.proximity(kept.words()).orElseThrow()));
    assertNotNull(kept.notice());
    assertTrue(kept.notice().startsWith("查询过长，只按前 "), kept.notice());
    int chars = kept.words().stream().mapToInt(w -> w.text().length()).sum();
    assertTrue(chars <= QueryBudget.MAX_CHARS, chars + " characters kept");
  }

  @Test
  @DisplayName(
      "many distinct Latin words and synonym-rich words, space separated: within the budget and runnable")
  void manyWordsAndSynonyms() throws Exception {
    String manyWords =
        String.join(
            " ",
            List.of(
                "社工 社工站 医务社工 心理健康 养老 居家养老 志愿服务 社工机构 社工人才",
                "社区工作者 未成年人保护 残疾人 老年人 lasa jiading beijing shanghai wuhan chengdu a1 b2 c3 d4 e5 f6 g7 h8"));
    QueryBudget budget = new QueryBudget(builder);
    QueryBudget.Kept kept = budget.keep(words.split(manyWords));
    assertTrue(budget.cost(kept.words()) <= QueryBudget.MAX_CLAUSES);
    assertDoesNotThrow(() -> run(builder.strict(kept.words())));
    assertDoesNotThrow(() -> run(builder.loose(kept.words())));
  }

  @Test
  @DisplayName("an ordinary query is left as typed, without a notice")
  void ordinaryUntouched() {
    List<QueryWords.Word> typed = words.split("嘉定 医务社工");
    QueryBudget.Kept kept = new QueryBudget(builder).keep(typed);
    assertEquals(typed, kept.words());
    assertNull(kept.notice());
  }
}
