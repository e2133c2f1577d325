package cn.shegong.portal.news;

import java.io.StringWriter;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Atom 1.0 (RFC 4287) and RSS 2.0 documents, written with a real XML writer that escapes every
 * text.
 */
final class FeedWriter {
  static final String ATOM_NS = "http://www.w3.org/2005/Atom";
  static final String DC_NS = "http://purl.org/dc/elements/1.1/";

  /**
   * Entry ids never change: they name the slug, which is never reused, not the host the portal runs
   * on.
   */
  static final String TAG_PREFIX = "tag:shegong.cn,2024:";

  /** What one feed is about: its id, title, and where it and its web page live (absolute URLs). */
  record Channel(
      String id, String title, String subtitle, String selfUrl, String pageUrl, String siteName) {}

  private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

  private FeedWriter() {}

  static String entryId(Article a) {
    return TAG_PREFIX + "news/" + a.slug();
  }

  static String atom(
      Channel ch, List<Article> articles, Map<Long, List<Correction>> notes, String baseUrl) {
    return write(
        w -> {
          w.writeStartDocument("UTF-8", "1.0");
          w.writeStartElement("feed");
          w.writeDefaultNamespace(ATOM_NS);
          w.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", "zh-CN");
          text(w, "id", ch.id());
          text(w, "title", ch.title());
          text(w, "subtitle", ch.subtitle());
          text(w, "updated", rfc3339(latest(articles)));
          link(w, "self", "application/atom+xml", ch.selfUrl());
          link(w, "alternate", "text/html", ch.pageUrl());
          w.writeStartElement("author");
          text(w, "name", ch.siteName());
          text(w, "uri", baseUrl + "/");
          w.writeEndElement();
          text(w, "generator", ch.siteName());
          for (Article a : articles) {
            w.writeStartElement("entry");
            text(w, "id", entryId(a));
            text(
                w,
                "title",
                a.text().subtitle().isBlank() ? a.title() : a.title() + "：" + a.text().subtitle());
            link(w, "alternate", "text/html", baseUrl + a.url());
            text(w, "published", rfc3339(a.text().publishedAt()));
            text(w, "updated", rfc3339(updated(a)));
            if (!a.text().author().isBlank()) {
              w.writeStartElement("author");
              text(w, "name", a.text().author());
              w.writeEndElement();
            }
            for (String t : a.text().tags()) {
              w.writeEmptyElement("category");
              w.writeAttribute("term", xmlSafe(t));
            }
            if (!a.text().summary().isBlank()) text(w, "summary", a.text().summary());
            w.writeStartElement("content");
            w.writeAttribute("type", "html");
            w.writeCharacters(xmlSafe(html(a, notes)));
            w.writeEndElement();
            w.writeEndElement();
          }
          w.writeEndElement();
          w.writeEndDocument();
        });
  }

  static String rss(
      Channel ch, List<Article> articles, Map<Long, List<Correction>> notes, String baseUrl) {
    return write(
        w -> {
          w.writeStartDocument("UTF-8", "1.0");
          w.writeStartElement("rss");
          w.writeAttribute("version", "2.0");
          w.writeNamespace("atom", ATOM_NS);
          w.writeNamespace("dc", DC_NS);
          w.writeStartElement("channel");
          text(w, "title", ch.title());
          text(w, "link", ch.pageUrl());
          text(w, "description", ch.subtitle());
          text(w, "language", "zh-cn");
          text(w, "lastBuildDate", rfc822(latest(articles)));
          w.writeEmptyElement("atom", "link", ATOM_NS);
          w.writeAttribute("rel", "self");
          w.writeAttribute("type", "application/rss+xml");
          w.writeAttribute("href", ch.selfUrl());
          for (Article a : articles) {
            w.writeStartElement("item");
            text(
                w,
                "title",
                a.text().subtitle().isBlank() ? a.title() : a.title() + "：" + a.text().subtitle());
            text(w, "link", baseUrl + a.url());
            w.writeStartElement("guid");
            w.writeAttribute("isPermaLink", "false");
            w.writeCharacters(entryId(a));
            w.writeEndElement();
            text(w, "pubDate", rfc822(a.text().publishedAt()));
            if (!a.text().author().isBlank()) {
              w.writeStartElement("dc", "creator", DC_NS);
              w.writeCharacters(xmlSafe(a.text().author()));
              w.writeEndElement();
            }
            for (String t : a.text().tags()) text(w, "category", t);
            text(w, "description", html(a, notes));
            w.writeEndElement();
          }
          w.writeEndElement();
          w.writeEndElement();
          w.writeEndDocument();
        });
  }

  /**
   * The text and, after it, the article's dated notes: a correction republishes the entry with
   * them.
   */
  static String html(Article a, Map<Long, List<Correction>> notes) {
    return ArticleHtml.of(a) + Correction.html(notes.getOrDefault(a.id(), List.of()));
  }

  private interface Body {
    void write(XMLStreamWriter w) throws XMLStreamException;
  }

  private static String write(Body body) {
    StringWriter out = new StringWriter();
    try {
      XMLStreamWriter w = FACTORY.createXMLStreamWriter(out);
      body.write(w);
      w.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("feed could not be written", e);
    }
    return out.toString();
  }

  private static void text(XMLStreamWriter w, String name, String value) throws XMLStreamException {
    w.writeStartElement(name);
    w.writeCharacters(xmlSafe(value));
    w.writeEndElement();
  }

  private static void link(XMLStreamWriter w, String rel, String type, String href)
      throws XMLStreamException {
    w.writeEmptyElement("link");
    w.writeAttribute("rel", rel);
    w.writeAttribute("type", type);
    w.writeAttribute("href", href);
  }

  /**
   * XML 1.0 cannot carry most control characters, even escaped; an editor's stray one must not
   * break the feed.
   */
  static String xmlSafe(String s) {
    return s == null ? "" : s.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]", "");
  }

  static OffsetDateTime updated(Article a) {
    OffsetDateTime u = a.updatedAt();
    return u == null || (a.text().publishedAt() != null && u.isBefore(a.text().publishedAt()))
        ? a.text().publishedAt()
        : u;
  }

  /**
   * The feed changed when its newest change did; an empty feed says the epoch rather than "now", so
   * it stays stable.
   */
  private static OffsetDateTime latest(List<Article> articles) {
    return articles.stream()
        .map(FeedWriter::updated)
        .max(OffsetDateTime::compareTo)
        .orElse(OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
  }

  static String rfc3339(OffsetDateTime t) {
    return t.withOffsetSameInstant(ZoneOffset.UTC)
        .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
        .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }

  static String rfc822(OffsetDateTime t) {
    return t.withOffsetSameInstant(ZoneOffset.UTC).format(DateTimeFormatter.RFC_1123_DATE_TIME);
  }
}
