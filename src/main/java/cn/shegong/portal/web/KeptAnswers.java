package cn.shegong.portal.web;

import cn.shegong.portal.common.Zones;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;

/**
 * The last good answer of each public GET, kept so that while the database is unavailable a reader
 * still gets what the portal last showed: 200 with a visible notice on pages, {@code Warning: 110}
 * and {@code X-Portal-Stale} on every answer. Bounded in bytes, least recently used first out;
 * nothing from the desk and no answer to a signed-in editor is kept (the desk is never public).
 * Nothing asked with a position ({@code near=}) and no search ({@code q=}, {@code search=}, the
 * search pages) is kept either: the resident's position or words would stay in memory as the key;
 * during an outage the stations' own copy answers "near me" and the index answers searches.
 */
public final class KeptAnswers {
  static final String MAIN_TAG = "<main id=\"main\"";
  private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
  private static final int MAX_KEY_LENGTH = 1024;

  /** Where the router's first handler leaves this store for features that send their own bodies. */
  static final String KEY = "keptAnswers";

  private record Answer(String contentType, Buffer body, Instant at) {
    int size() {
      return body.length() + 64;
    }
  }

  private final long maxBytes;
  private final LinkedHashMap<String, Answer> answers = new LinkedHashMap<>(256, 0.75f, true);
  private long bytes;

  public KeptAnswers(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  /** Puts this store where {@link #keepFor} finds it. */
  public void attach(RoutingContext ctx) {
    ctx.put(KEY, this);
    ctx.next();
  }

  /** Keeps a 200 answer a feature is about to send itself (JSON, feeds, the sitemap). */
  public static void keepFor(RoutingContext ctx, String contentType, Buffer body) {
    KeptAnswers kept = ctx.get(KEY);
    if (kept != null) kept.keep(ctx, contentType, body);
  }

  /** Keeps a 200 answer of a public GET. */
  public void keep(RoutingContext ctx, String contentType, Buffer body) {
    if (ctx == null || !keepable(ctx) || body.length() > maxBytes / 8) return;
    put(ctx.request().uri(), new Answer(contentType, body, Instant.now()));
  }

  /** Sends the kept answer for this request, marked as stale; false when there is none. */
  public boolean serveStale(RoutingContext ctx) {
    if (!keepable(ctx) || ctx.response().headWritten()) return false;
    Answer a = get(ctx.request().uri());
    if (a == null) return false;
    Buffer body = a.contentType().startsWith("text/html") ? withNotice(a.body(), a.at()) : a.body();
    ctx.response()
        .setStatusCode(200)
        .putHeader("Content-Type", a.contentType())
        .putHeader("Warning", "110 - \"stale\"")
        .putHeader("X-Portal-Stale", a.at().toString())
        .putHeader("Cache-Control", "no-store")
        .end(body);
    return true;
  }

  /** The notice every page carries while it is served from a copy: the time is China time. */
  public static String notice(Instant at) {
    return "数据库暂时不可用，以下是 " + HH_MM.format(ZonedDateTime.ofInstant(at, Zones.CHINA)) + " 时的内容";
  }

  static Buffer withNotice(Buffer page, Instant at) {
    String html = page.toString(StandardCharsets.UTF_8);
    String p = "<p class=\"stale-notice\" role=\"status\">" + notice(at) + "。</p>";
    int main = html.indexOf(MAIN_TAG);
    int end = main < 0 ? -1 : html.indexOf('>', main);
    if (end < 0) {
      int body = html.indexOf("<body");
      end = body < 0 ? -1 : html.indexOf('>', body);
    }
    String out = end < 0 ? p + html : html.substring(0, end + 1) + p + html.substring(end + 1);
    return Buffer.buffer(out.getBytes(StandardCharsets.UTF_8));
  }

  private static boolean keepable(RoutingContext ctx) {
    String path = ctx.request().path();
    return ctx.request().method() == HttpMethod.GET
        && path != null
        && ctx.request().getHeader("Cookie") == null
        && ctx.request().uri().length() <= MAX_KEY_LENGTH
        && !asksWithWordsOrPosition(ctx)
        && !path.startsWith("/editor")
        // a station's own update link: its holder's page, never a copy for anyone else
        && !path.startsWith("/stations/update/")
        && !path.startsWith("/api/editor")
        && !path.equals("/ready")
        && !path.equals("/health");
  }

  /** A search (the site's, a station's free text, HSDS {@code search}) or a "near me" position. */
  private static boolean asksWithWordsOrPosition(RoutingContext ctx) {
    String path = ctx.request().path();
    if (path.startsWith("/search") || path.equals("/api/search") || path.equals("/api/suggest"))
      return true;
    try {
      var params = ctx.queryParams();
      return params.contains("q") || params.contains("search") || params.contains("near");
    } catch (IllegalArgumentException badlyEncoded) {
      return true;
    }
  }

  private synchronized Answer get(String key) {
    return answers.get(key);
  }

  private synchronized void put(String key, Answer a) {
    Answer old = answers.remove(key);
    if (old != null) bytes -= old.size();
    answers.put(key, a);
    bytes += a.size();
    var oldest = answers.entrySet().iterator();
    while (bytes > maxBytes && oldest.hasNext()) {
      bytes -= oldest.next().getValue().size();
      oldest.remove();
    }
  }
}
