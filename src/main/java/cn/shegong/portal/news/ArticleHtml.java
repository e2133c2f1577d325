package cn.shegong.portal.news;

/** An article's text as a small HTML fragment, for feed readers; every piece of text is escaped. */
final class ArticleHtml {
  private ArticleHtml() {}

  static String of(Article a) {
    StringBuilder sb = new StringBuilder();
    for (String p : a.paragraphs()) {
      if (p.startsWith("## ")) sb.append("<h2>").append(escape(p.substring(3))).append("</h2>\n");
      else if (p.startsWith("图："))
        sb.append("<p><small>").append(escape(p)).append("</small></p>\n");
      else sb.append("<p>").append(escape(p)).append("</p>\n");
    }
    if (!a.source().isBlank()) sb.append("<p>据").append(escape(a.source())).append("</p>\n");
    return sb.toString();
  }

  static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }
}
