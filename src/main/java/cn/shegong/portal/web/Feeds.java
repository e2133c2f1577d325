package cn.shegong.portal.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.StringWriter;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Any list as a feed in the three formats readers take: Atom 1.0 (RFC 4287), RSS 2.0 and JSON Feed
 * 1.1. Each feature maps its rows to {@link Item}s; XML goes through a real writer, so every text
 * is escaped.
 */
public final class Feeds {
  public static final String ATOM = "application/atom+xml; charset=utf-8";
  public static final String RSS = "application/rss+xml; charset=utf-8";
  public static final String JSON_FEED = "application/feed+json; charset=utf-8";

  /**
   * Entry ids never change: they name a slug, which is never reused, not the host the portal runs
   * on.
   */
  public static final String TAG_PREFIX = "tag:shegong.cn,2024:";

  private static final String ATOM_NS = "http://www.w3.org/2005/Atom";
  private static final String DC_NS = "http://purl.org/dc/elements/1.1/";
  private static final OffsetDateTime EPOCH =
      OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

  /**
   * What a feed is about; {@code atomUrl}, {@code rssUrl}, {@code jsonUrl} are its three absolute
   * addresses.
   */
  public record Channel(
      String id,
      String title,
      String subtitle,
      String pageUrl,
      String atomUrl,
      String rssUrl,
      String jsonUrl,
      String siteName,
      String siteUrl) {}

  /**
   * One entry; {@code html} is an escaped HTML fragment (may be empty, then the summary stands as
   * text).
   */
  public record Item(
      String id,
      String title,
      String url,
      OffsetDateTime published,
      OffsetDateTime updated,
      String author,
      List<String> tags,
      String summary,
      String html) {}

  /**
   * A list page's feed in its three formats, for {@code <link rel="alternate">} in the head (the
   * layout writes them from the model's {@code feedLinks}); addresses relative to the site.
   */
  public record Links(String title, String atom, String rss, String json) {}

  private Feeds() {}

  public static String atom(Channel ch, List<Item> items) {
    return xml(
        w -> {
          w.writeStartElement("feed");
          w.writeDefaultNamespace(ATOM_NS);
          w.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", "zh-CN");
          text(w, "id", ch.id());
          text(w, "title", ch.title());
          text(w, "subtitle", ch.subtitle());
          text(w, "updated", rfc3339(latest(items)));
          link(w, "self", "application/atom+xml", ch.atomUrl());
          link(w, "alternate", "text/html", ch.pageUrl());
          w.writeStartElement("author");
          text(w, "name", ch.siteName());
          text(w, "uri", ch.siteUrl());
          w.writeEndElement();
          text(w, "generator", ch.siteName());
          for (Item it : items) {
            w.writeStartElement("entry");
            text(w, "id", it.id());
            text(w, "title", it.title());
            link(w, "alternate", "text/html", it.url());
            text(w, "published", rfc3339(it.published()));
            text(w, "updated", rfc3339(it.updated()));
            if (!it.author().isBlank()) {
              w.writeStartElement("author");
              text(w, "name", it.author());
              w.writeEndElement();
            }
            for (String t : it.tags()) {
              w.writeEmptyElement("category");
              w.writeAttribute("term", safe(t));
            }
            if (!it.summary().isBlank()) text(w, "summary", it.summary());
            if (!it.html().isBlank()) {
              w.writeStartElement("content");
              w.writeAttribute("type", "html");
              w.writeCharacters(safe(it.html()));
              w.writeEndElement();
            }
            w.writeEndElement();
          }
          w.writeEndElement();
        });
  }

  public static String rss(Channel ch, List<Item> items) {
    return xml(
        w -> {
          w.writeStartElement("rss");
          w.writeAttribute("version", "2.0");
          w.writeNamespace("atom", ATOM_NS);
          w.writeNamespace("dc", DC_NS);
          w.writeStartElement("channel");
          text(w, "title", ch.title());
          text(w, "link", ch.pageUrl());
          text(w, "description", ch.subtitle());
          text(w, "language", "zh-cn");
          text(
              w,
              "lastBuildDate",
              latest(items)
                  .withOffsetSameInstant(ZoneOffset.UTC)
                  .format(DateTimeFormatter.RFC_1123_DATE_TIME));
          w.writeEmptyElement("atom", "link", ATOM_NS);
          w.writeAttribute("rel", "self");
          w.writeAttribute("type", "application/rss+xml");
          w.writeAttribute("href", ch.rssUrl());
          for (Item it : items) {
            w.writeStartElement("item");
            text(w, "title", it.title());
            text(w, "link", it.url());
            w.writeStartElement("guid");
            w.writeAttribute("isPermaLink", "false");
            w.writeCharacters(safe(it.id()));
            w.writeEndElement();
            text(
                w,
                "pubDate",
                it.published()
                    .withOffsetSameInstant(ZoneOffset.UTC)
                    .format(DateTimeFormatter.RFC_1123_DATE_TIME));
            if (!it.author().isBlank()) {
              w.writeStartElement("dc", "creator", DC_NS);
              w.writeCharacters(safe(it.author()));
              w.writeEndElement();
            }
            for (String t : it.tags()) text(w, "category", t);
            text(w, "description", it.html().isBlank() ? it.summary() : it.html());
            w.writeEndElement();
          }
          w.writeEndElement();
          w.writeEndElement();
        });
  }

  /**
   * JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/): every item has an id and content_html or
   * content_text.
   */
  public static String json(Channel ch, List<Item> items) {
    JsonArray list = new JsonArray();
    for (Item it : items) {
      JsonObject o =
          new JsonObject()
              .put("id", it.id())
              .put("url", it.url())
              .put("title", it.title())
              .put("date_published", rfc3339(it.published()))
              .put("date_modified", rfc3339(it.updated()));
      if (it.html().isBlank())
        o.put("content_text", it.summary().isBlank() ? it.title() : it.summary());
      else o.put("content_html", it.html());
      if (!it.summary().isBlank()) o.put("summary", it.summary());
      if (!it.author().isBlank())
        o.put("authors", new JsonArray().add(new JsonObject().put("name", it.author())));
      if (!it.tags().isEmpty()) o.put("tags", new JsonArray(it.tags()));
      list.add(o);
    }
    return new JsonObject()
        .put("version", "https://jsonfeed.org/version/1.1")
        .put("title", ch.title())
        .put("home_page_url", ch.pageUrl())
        .put("feed_url", ch.jsonUrl())
        .put("description", ch.subtitle())
        .put("language", "zh-CN")
        .put(
            "authors",
            new JsonArray()
                .add(new JsonObject().put("name", ch.siteName()).put("url", ch.siteUrl())))
        .put("items", list)
        .encode();
  }

  /**
   * The feed changed when its newest entry did; an empty feed names a fixed date rather than "now".
   */
  private static OffsetDateTime latest(List<Item> items) {
    return items.stream().map(Item::updated).max(OffsetDateTime::compareTo).orElse(EPOCH);
  }

  public static String rfc3339(OffsetDateTime t) {
    return t.withOffsetSameInstant(ZoneOffset.UTC)
        .truncatedTo(ChronoUnit.SECONDS)
        .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }

  private interface Body {
    void write(XMLStreamWriter w) throws XMLStreamException;
  }

  private static String xml(Body body) {
    StringWriter out = new StringWriter();
    try {
      XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      w.writeStartDocument("UTF-8", "1.0");
      body.write(w);
      w.writeEndDocument();
      w.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("feed could not be written", e);
    }
    return out.toString();
  }

  private static void text(XMLStreamWriter w, String name, String value) throws XMLStreamException {
    w.writeStartElement(name);
    w.writeCharacters(safe(value));
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
   * XML 1.0 cannot carry most control characters, even escaped; a stray one must not break the
   * feed.
   */
  public static String safe(String s) {
    return s == null ? "" : s.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]", "");
  }
}
