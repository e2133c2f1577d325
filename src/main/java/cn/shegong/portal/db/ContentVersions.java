package cn.shegong.portal.db;

/**
 * Where the content stands as this process has seen it: a value that moves whenever something a
 * copy was made from may have changed. {@code generation} moves when a new follower starts (a new
 * index generation, a restart of following), {@code articles} and {@code stations} when a batch of
 * changes to them has been applied, {@code localWrites} at once after an editor's write on this
 * process, before the change log has been read back.
 */
public record ContentVersions(long generation, long articles, long stations, long localWrites) {

  /** The part a copy of stations alone depends on: article changes do not move it. */
  public record Stations(long generation, long stations, long localWrites) {}

  public Stations stationsOnly() {
    return new Stations(generation, stations, localWrites);
  }
}
