package cn.shegong.portal.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The one HTML escaper")
class HtmlTest {
  @Test
  @DisplayName(
      "escapes the five markup characters, keeps Chinese and everything else, and null as empty")
  void escapes() {
    assertEquals(
        "&lt;script&gt;alert(&quot;社工&quot; &amp; &#39;x&#39;)&lt;/script&gt;",
        Html.escape("<script>alert(\"社工\" & 'x')</script>"));
    assertEquals("心理健康社工站 12356", Html.escape("心理健康社工站 12356"));
    assertEquals("&amp;amp;", Html.escape("&amp;"));
    assertEquals("", Html.escape(null));
  }
}
