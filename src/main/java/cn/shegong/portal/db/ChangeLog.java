package cn.shegong.portal.db;

/**
 * What the readers of change_log share. Its position is a transaction horizon, not a sequence
 * number: the oldest transaction still running when a read began. Every transaction below it has
 * finished, so a reader that asks again for rows with {@code txid >= horizon} also finds a change
 * that took a low seq but committed late.
 */
public final class ChangeLog {
  /** One row, column {@code horizon}: where a read that begins now can resume next time. */
  public static final String HORIZON_SQL =
      "SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint AS horizon";

  private ChangeLog() {}
}
