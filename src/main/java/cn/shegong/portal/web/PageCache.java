package cn.shegong.portal.web;

import cn.shegong.portal.common.Zones;
import cn.shegong.portal.db.ChangeFeed;
import cn.shegong.portal.db.ContentVersions;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32C;
import java.util.zip.GZIPOutputStream;

/**
 * Rendered public pages, kept in memory while the content they show cannot have changed: an entry
 * belongs to one {@link ContentVersions} of the change feed, which moves when a change from the
 * change log has been applied (every process follows it, so an edit made anywhere reaches here
 * within the feed's delay), when an editor's write on this process completes, and when the date in
 * China changes (citation lines carry it). A short maximum age is only the safety net for what no
 * version sees. While the feed cannot see changes nothing is cached.
 */
public final class PageCache {
  /** The routing-context key under which a page to be stored waits for {@link Pages#render}. */
  static final String PENDING = "pageCache.pending";

  static final long MAX_AGE_MS = 60_000;
  private static final int MAX_KEY_LENGTH = 1024;

  record Version(ContentVersions content, LocalDate day) {}

  /**
   * A kept page, also gzip-compressed once: most readers accept it, and compressing per request
   * costs more.
   */
  private record Entry(Version version, long storedAt, String etag, Buffer body, Buffer gzip) {
    int size() {
      return body.length() + gzip.length();
    }
  }

  /** A miss being rendered: stored by {@link Pages#render} if it ends as a 200 page. */
  record Pending(PageCache cache, String key, Version version) {
    void store(RoutingContext ctx, Buffer body) {
      String etag = cache.put(key, version, body);
      ctx.response().putHeader("ETag", etag).putHeader("Vary", "Accept-Encoding");
    }
  }

  private final ChangeFeed changes;
  private final long maxBytes;
  private final AtomicLong hits = new AtomicLong();
  private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(256, 0.75f, true);
  private long bytes;

  public PageCache(ChangeFeed changes, long maxBytes) {
    this.changes = changes;
    this.maxBytes = maxBytes;
  }

  /**
   * This answer is not to be kept: the next identical request must reach its handler again (the
   * search page counts searches that found little).
   */
  public static void skip(RoutingContext ctx) {
    ctx.remove(PENDING);
  }

  /** Answers a GET from memory when it can, else marks the page to be stored once rendered. */
  public Handler<RoutingContext> handler() {
    return ctx -> {
      String key = ctx.request().uri();
      Version version = version();
      if (ctx.request().method() != HttpMethod.GET
          || key.length() > MAX_KEY_LENGTH
          || version == null) {
        ctx.next();
        return;
      }
      Entry e = get(key, version);
      if (e == null) {
        ctx.put(PENDING, new Pending(this, key, version));
        ctx.next();
        return;
      }
      hits.incrementAndGet();
      var response =
          ctx.response().putHeader("ETag", e.etag()).putHeader("Vary", "Accept-Encoding");
      if (e.etag().equals(ctx.request().getHeader("If-None-Match"))) {
        response.setStatusCode(304).end();
      } else if (acceptsGzip(ctx.request().getHeader("Accept-Encoding"))) {
        // a Content-Encoding already set tells the server's own compressor to leave the body alone
        response
            .putHeader("Content-Type", "text/html; charset=utf-8")
            .putHeader("Content-Encoding", "gzip")
            .end(e.gzip());
      } else {
        response.putHeader("Content-Type", "text/html; charset=utf-8").end(e.body());
      }
    };
  }

  /**
   * A write on this process shows at once: its transaction has committed by the time the response's
   * headers go out, and the writer can ask for the page only after reading them. For authenticated
   * routes only (an anonymous POST must not be able to empty the cache), and only when the write
   * succeeded.
   */
  public Handler<RoutingContext> invalidateAfterWrites() {
    return ctx -> {
      if (ctx.request().method() != HttpMethod.GET && ctx.request().method() != HttpMethod.HEAD) {
        ctx.addHeadersEndHandler(
            v -> {
              if (ctx.response().getStatusCode() < 400) invalidate();
            });
      }
      ctx.next();
    };
  }

  public void invalidate() {
    changes.noteLocalWrite();
  }

  /** Pages answered from memory since start, for tests and the load benchmark's log. */
  public long hits() {
    return hits.get();
  }

  /** The current content version (null while changes cannot be seen), for other kept figures. */
  public ContentVersions contentVersion() {
    return changes.current();
  }

  private Version version() {
    ContentVersions content = changes.current();
    return content == null ? null : new Version(content, LocalDate.now(Zones.CHINA));
  }

  private synchronized Entry get(String key, Version version) {
    Entry e = entries.get(key);
    if (e == null) return null;
    if (e.version().equals(version) && System.currentTimeMillis() - e.storedAt() < MAX_AGE_MS)
      return e;
    remove(key);
    return null;
  }

  static boolean acceptsGzip(String acceptEncoding) {
    return acceptEncoding != null
        && acceptEncoding.contains("gzip")
        && !acceptEncoding.replace(" ", "").contains("gzip;q=0");
  }

  private String put(String key, Version version, Buffer body) {
    byte[] bytes = body.getBytes();
    CRC32C crc = new CRC32C();
    crc.update(bytes);
    String etag =
        "W/\"" + Long.toHexString(crc.getValue()) + "-" + Integer.toHexString(bytes.length) + "\"";
    if (bytes.length <= maxBytes / 8) {
      keep(key, new Entry(version, System.currentTimeMillis(), etag, body, gzip(bytes)));
    }
    return etag;
  }

  private static Buffer gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4);
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // in memory: cannot happen
    }
    return Buffer.buffer(out.toByteArray());
  }

  private synchronized void keep(String key, Entry entry) {
    remove(key);
    entries.put(key, entry);
    bytes += entry.size();
    var oldest = entries.entrySet().iterator();
    while (bytes > maxBytes && oldest.hasNext()) {
      bytes -= oldest.next().getValue().size();
      oldest.remove();
    }
  }

  private void remove(String key) {
    Entry old = entries.remove(key);
    if (old != null) bytes -= old.size();
  }
}
