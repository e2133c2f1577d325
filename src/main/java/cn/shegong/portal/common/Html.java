package cn.shegong.portal.common;

/**
 * HTML and XML text escaping for the few fragments built in Java (feed bodies, highlighted
 * snippets, OpenSearch): the one escaper; templates escape through FreeMarker's auto-escaping.
 */
public final class Html {
  private Html() {}

  /** Text safe inside an element or a double- or single-quoted attribute. */
  public static String escape(String s) {
    if (s == null) return "";
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }
}
