package cn.shegong.portal.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import cn.shegong.portal.db.ContentVersions;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Kept /api/search answers belong to one content version")
class AnswerCacheTest {
  static final ContentVersions V1 = new ContentVersions(1, 5, 3, 0);

  @Test
  @DisplayName(
      "a hit for the same question and version; a miss once anything moved or none is known")
  void perVersion() {
    AnswerCache cache = new AnswerCache(2);
    SearchRequest q = SearchRequest.simple("社工", 10);
    cache.put(q, V1, Buffer.buffer("{\"total\":1}"));
    assertEquals("{\"total\":1}", cache.get(q, V1).toString());
    assertEquals("{\"total\":1}", cache.get(SearchRequest.simple("社工", 10), V1).toString());
    assertNull(cache.get(q, new ContentVersions(1, 6, 3, 0)), "an article was applied");
    assertNull(cache.get(q, new ContentVersions(1, 5, 3, 1)), "a write on this process");
    assertNull(cache.get(q, null), "changes cannot be seen");
    assertNull(cache.get(SearchRequest.simple("社工", 20), V1), "another question");
    cache.put(q, null, Buffer.buffer("x"));
    assertEquals("{\"total\":1}", cache.get(q, V1).toString(), "nothing kept without a version");
  }

  @Test
  @DisplayName("bounded: the least recently asked goes first")
  void bounded() {
    AnswerCache cache = new AnswerCache(2);
    SearchRequest a = SearchRequest.simple("a", 10);
    SearchRequest b = SearchRequest.simple("b", 10);
    SearchRequest c = SearchRequest.simple("c", 10);
    cache.put(a, V1, Buffer.buffer("a"));
    cache.put(b, V1, Buffer.buffer("b"));
    cache.get(a, V1);
    cache.put(c, V1, Buffer.buffer("c"));
    assertNull(cache.get(b, V1));
    assertEquals("a", cache.get(a, V1).toString());
  }
}
