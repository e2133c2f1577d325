package cn.shegong.portal.db;

import io.vertx.core.Future;
import java.util.Optional;
import java.util.Set;

/**
 * What a copy of the stations kept in memory needs of the change feed: the stations' version, the
 * stations changed since a version it was made at, and a way to wait for a write just committed on
 * this process to be read back.
 */
public interface StationChanges {
  /** The stations' version now, or null while changes made elsewhere cannot be seen. */
  ContentVersions.Stations version();

  /**
   * The ids of the stations changed since {@code since}, a version taken before the copy was read;
   * empty when the feed no longer holds them all (another generation, or too many since): then the
   * copy reads everything again.
   */
  Optional<Set<Long>> changedSince(ContentVersions.Stations since);

  /**
   * Completes once a reading of the log that began after this call has been applied, so that a
   * write committed here before the call is among {@link #changedSince}; fails when that reading
   * failed or nothing follows.
   */
  Future<Void> caughtUp();
}
