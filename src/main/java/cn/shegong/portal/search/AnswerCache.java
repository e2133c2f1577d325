package cn.shegong.portal.search;

import cn.shegong.portal.db.ContentVersions;
import io.vertx.core.buffer.Buffer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Encoded /api/search answers of one content version, kept on the event loop so that a repeated
 * question skips the hop to the search threads and the encoding. The version is read before the
 * search runs, so an answer computed while a change was being applied is kept under the version it
 * may predate, never under the new one.
 */
final class AnswerCache {
  private record Kept(ContentVersions version, Buffer body) {}

  private final int maxEntries;
  private final LinkedHashMap<SearchRequest, Kept> entries;

  AnswerCache(int maxEntries) {
    this.maxEntries = maxEntries;
    this.entries =
        new LinkedHashMap<>(256, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<SearchRequest, Kept> eldest) {
            return size() > AnswerCache.this.maxEntries;
          }
        };
  }

  /** The kept answer, if it belongs to this version (null: none, or changes cannot be seen). */
  synchronized Buffer get(SearchRequest request, ContentVersions version) {
    if (version == null) return null;
    Kept e = entries.get(request);
    return e != null && e.version().equals(version) ? e.body() : null;
  }

  synchronized void put(SearchRequest request, ContentVersions version, Buffer body) {
    if (version != null && body.length() <= 256 * 1024)
      entries.put(request, new Kept(version, body));
  }
}
