package cn.shegong.portal.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.shegong.portal.web.PublicPage;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Splitting the public pages into sitemap files")
class SitemapPlanTest {
  static List<PublicPage> pages(int n) {
    return IntStream.range(0, n)
        .mapToObj(
            i ->
                new PublicPage(
                    "/news/" + i, OffsetDateTime.parse("2025-01-01T00:00:00Z").plusDays(i)))
        .toList();
  }

  @Test
  @DisplayName("up to 50,000 URLs are one urlset; one more makes an index of two files")
  void protocolLimit() {
    assertFalse(new SitemapPlan(pages(0), SitemapPlan.MAX_PER_FILE).needsIndex());
    assertEquals(1, new SitemapPlan(pages(0), SitemapPlan.MAX_PER_FILE).files());
    assertFalse(new SitemapPlan(pages(50_000), SitemapPlan.MAX_PER_FILE).needsIndex());
    SitemapPlan over = new SitemapPlan(pages(50_001), SitemapPlan.MAX_PER_FILE);
    assertTrue(over.needsIndex());
    assertEquals(2, over.files());
    assertEquals(50_000, over.file(1).size());
    assertEquals(
        List.of(new PublicPage("/news/50000", over.pages().get(50_000).lastModified())),
        over.file(2));
    assertTrue(over.file(3).isEmpty() && over.file(0).isEmpty());
  }

  @Test
  @DisplayName(
      "each file's lastmod is its latest page's; unknown times give none; bad sizes refused")
  void lastModified() {
    SitemapPlan plan = new SitemapPlan(pages(25), 10);
    assertEquals(3, plan.files());
    assertEquals(OffsetDateTime.parse("2025-01-10T00:00:00Z"), plan.lastModified(1));
    assertEquals(OffsetDateTime.parse("2025-01-25T00:00:00Z"), plan.lastModified(3));
    assertNull(new SitemapPlan(List.of(new PublicPage("/", null)), 10).lastModified(1));
    assertThrows(IllegalArgumentException.class, () -> new SitemapPlan(pages(1), 0));
    assertThrows(IllegalArgumentException.class, () -> new SitemapPlan(pages(1), 50_001));
  }
}
