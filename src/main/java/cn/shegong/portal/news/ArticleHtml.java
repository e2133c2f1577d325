package cn.shegong.portal.news;

import static cn.shegong.portal.common.Html.escape;

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
    if (!a.text().source().isBlank())
      sb.append("<p>据").append(escape(a.text().source())).append("</p>\n");
    return sb.toString();
  }
}
