package cn.shegong.portal.search;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.index.IndexReader;

/**
 * The latest answers per request, valid for one index reader only: a refresh (a content change, a
 * new generation) opens a new reader, whose first store empties the cache. Frequent broad queries
 * (社工) are then answered without searching again until the index changes.
 */
final class ResultCache {
  private final int capacity;
  private final Map<SearchRequest, SearchResult> entries;
  private Object readerKey;

  ResultCache(int capacity) {
    this.capacity = capacity;
    this.entries =
        new LinkedHashMap<>(capacity, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<SearchRequest, SearchResult> eldest) {
            return size() > ResultCache.this.capacity;
          }
        };
  }

  synchronized Optional<SearchResult> get(IndexReader reader, SearchRequest request) {
    Object key = key(reader);
    if (key == null || key != readerKey) return Optional.empty();
    return Optional.ofNullable(entries.get(request));
  }

  /** Results cut short by the time limit are not kept: the next try may well finish. */
  synchronized void put(IndexReader reader, SearchRequest request, SearchResult result) {
    Object key = key(reader);
    if (key == null || result.timedOut()) return;
    if (key != readerKey) {
      entries.clear();
      readerKey = key;
    }
    entries.put(request, result);
  }

  private static Object key(IndexReader reader) {
    IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
    return helper == null ? null : helper.getKey();
  }
}
