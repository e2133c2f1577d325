package cn.shegong.portal.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.shegong.portal.testing.TestPortal;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("What a search engine or a link preview reads in a page's head")
class PageHeadTest {
  private static final Pattern DESCRIPTION =
      Pattern.compile("<meta name=\"description\" content=\"([^\"]{10,})\">");
  private static final String NOINDEX = "<meta name=\"robots\" content=\"noindex";
  static TestPortal portal;

  @BeforeAll
  static void start(Vertx vertx) throws Exception {
    portal = TestPortal.create(vertx).start().await(2, TimeUnit.MINUTES);
  }

  @AfterAll
  static void stop() throws Exception {
    portal.destroy().await(1, TimeUnit.MINUTES);
  }

  private static String page(String uri) throws Exception {
    var r = portal.client().get(uri).send().await(20, TimeUnit.SECONDS);
    assertEquals(200, r.statusCode(), uri);
    return r.bodyAsString();
  }

  @Test
  @DisplayName(
      "every public page has its own description of at least 10 characters and may be indexed")
  void publicPages() throws Exception {
    Map<String, String> seen = new HashMap<>();
    for (String uri :
        new String[] {
          "/",
          "/stations",
          "/news",
          "/news/" + StructuredDataTest.ARTICLE,
          "/stations/" + StructuredDataTest.STATION,
          "/stations/" + StructuredDataTest.STATION + "/history",
          "/accessibility",
          "/privacy"
        }) {
      String html = page(uri);
      var m = DESCRIPTION.matcher(html);
      assertTrue(m.find(), uri + " has no description");
      String earlier = seen.put(m.group(1), uri);
      assertNull(earlier, uri + " repeats the description of " + earlier);
      assertTrue(!html.contains(NOINDEX), uri + " says noindex");
    }
  }

  @Test
  @DisplayName("search results and the desk's sign-in are described but kept out of search engines")
  void noindexPages() throws Exception {
    for (String uri : new String[] {"/search?q=社工", "/editor/login"}) {
      String html = page(uri);
      assertTrue(html.contains(NOINDEX), uri + " may be indexed");
      assertTrue(DESCRIPTION.matcher(html).find(), uri + " has no description");
    }
  }
}
