package cn.shegong.portal.search;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The index answers a news list page down to the depth it sorts")
class KeptListDepthTest {
  @Test
  @DisplayName("a page whose last article lies within the depth: answered")
  void within() {
    assertTrue(IndexedArticles.answerable(0, 12, 30, 24));
    assertTrue(IndexedArticles.answerable(12, 12, 30, 24), "articles 13–24 of 30, depth 24");
    assertTrue(IndexedArticles.answerable(12, 12, 20, 24), "the last page is shorter");
    assertTrue(IndexedArticles.answerable(0, 12, 0, 24), "an empty list");
  }

  @Test
  @DisplayName("a page past the depth: the database's to answer")
  void deeper() {
    assertFalse(IndexedArticles.answerable(24, 12, 30, 24), "articles 25–30 need sorting 30");
    assertFalse(IndexedArticles.answerable(1_199_988, 12, 2_000_000, 10_000));
  }

  @Test
  @DisplayName("a page past the end: empty, as the database says, whatever the depth")
  void pastTheEnd() {
    assertTrue(IndexedArticles.answerable(36, 12, 30, 24));
    assertTrue(IndexedArticles.answerable(1_199_988, 12, 30, 24));
  }
}
