package cn.shegong.portal.stations;

import cn.shegong.portal.db.ContentVersions;
import java.util.LinkedHashMap;
import java.util.Map;

/** Counts of located stations per filter, valid for one stations version. */
final class LocatedCounts {
  /** Stands for "near some point, no radius" in a key: the count does not depend on the point. */
  static final NearbyQuery ANY_POINT = new NearbyQuery(0, 0, null);

  private static final int CAPACITY = 256;

  private final Map<StationFilter, Long> counts =
      new LinkedHashMap<>(CAPACITY, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<StationFilter, Long> eldest) {
          return size() > CAPACITY;
        }
      };
  private ContentVersions.Stations version;

  synchronized Long get(StationFilter key, ContentVersions.Stations currentVersion) {
    if (currentVersion == null || !currentVersion.equals(version)) return null;
    return counts.get(key);
  }

  synchronized void put(StationFilter key, ContentVersions.Stations countedAt, long count) {
    if (countedAt == null) return;
    if (!countedAt.equals(version)) {
      counts.clear();
      version = countedAt;
    }
    counts.put(key, count);
  }
}
