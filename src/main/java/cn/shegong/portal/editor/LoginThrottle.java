package cn.shegong.portal.editor;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.Locale;

/**
 * Sign-in attempts per client address and per account, in PostgreSQL so every process counts
 * together. An attempt is reserved in one atomic statement before its password or code is checked,
 * so concurrent guesses cannot all slip through: a key is free again only at its next_at ({@link
 * DelaySchedule}). A quiet quarter hour starts a key's count anew.
 */
public final class LoginThrottle {
  private static final String NEXT =
      "(SELECT clock_timestamp() + make_interval(secs => ($2::int[])"
          + "[greatest(1, least(%s, cardinality($2::int[])))]))";
  private static final String QUIET = "t.last_at < clock_timestamp() - interval '15 minutes'";
  private static final String COUNT = "CASE WHEN " + QUIET + " THEN 1 ELSE t.attempts + 1 END";

  private final Pool pool;

  public LoginThrottle(Pool pool) {
    this.pool = pool;
  }

  public static String accountKey(String login) {
    String l = login == null ? "" : login.strip().toLowerCase(Locale.ROOT);
    return "login:" + (l.length() > 100 ? l.substring(0, 100) : l);
  }

  public static String codeKey(long userId) {
    return "code:" + userId;
  }

  public static String addressKey(String address) {
    return "addr:" + address;
  }

  /**
   * A sign-in step: the address first (so a flood from one place costs the account nothing), then
   * the account's key.
   */
  public Future<Long> reserve(String address, String account) {
    return reserve(address, DelaySchedule.ADDRESS)
        .compose(
            wait ->
                wait > 0
                    ? Future.succeededFuture(wait)
                    : reserve(account, DelaySchedule.ACCOUNT)
                        .compose(
                            w ->
                                w == 0
                                    ? Future.succeededFuture(0L)
                                    : refund(address, DelaySchedule.ADDRESS).map(w)));
  }

  /** A wrong password or code. */
  public Future<Void> penalise(String address, String account) {
    return penalise(address, DelaySchedule.ADDRESS)
        .compose(v -> penalise(account, DelaySchedule.ACCOUNT));
  }

  /** A step passed: the account's count starts anew, the address gets its attempt back. */
  public Future<Void> passed(String address, String account) {
    return reset(account).compose(v -> refund(address, DelaySchedule.ADDRESS));
  }

  /**
   * Takes one attempt for the key: 0 when taken, else the seconds until the key is free again (at
   * least 1).
   */
  public Future<Long> reserve(String key, DelaySchedule schedule) {
    Integer[] delays = schedule.table();
    return pool.preparedQuery(
            "INSERT INTO login_throttle AS t (key, attempts, last_at, next_at) "
                + "VALUES ($1, 1, clock_timestamp(), "
                + NEXT.formatted("1")
                + ") ON CONFLICT (key) DO UPDATE SET "
                + "attempts = "
                + COUNT
                + ", last_at = clock_timestamp(), next_at = "
                + NEXT.formatted(COUNT)
                + " WHERE t.next_at <= clock_timestamp() RETURNING attempts")
        .execute(Tuple.of(key).addArrayOfInteger(delays))
        .compose(rows -> rows.size() > 0 ? Future.succeededFuture(0L) : waitFor(key));
  }

  /**
   * After a wrong password or code: the key's wait counts from now, not from when the check began.
   */
  public Future<Void> penalise(String key, DelaySchedule schedule) {
    return pool.preparedQuery(
            "UPDATE login_throttle t SET next_at = greatest(t.next_at, "
                + NEXT.formatted("t.attempts")
                + ") WHERE key = $1")
        .execute(Tuple.of(key).addArrayOfInteger(schedule.table()))
        .mapEmpty();
  }

  /** Gives back one attempt (a successful sign-in is not a guess); never lengthens the wait. */
  public Future<Void> refund(String key, DelaySchedule schedule) {
    return pool.preparedQuery(
            "UPDATE login_throttle t SET attempts = greatest(t.attempts - 1, 0), "
                + "next_at = least(t.next_at, "
                + NEXT.formatted("t.attempts - 1")
                + ") WHERE key = $1")
        .execute(Tuple.of(key).addArrayOfInteger(schedule.table()))
        .mapEmpty();
  }

  public Future<Void> reset(String key) {
    return pool.preparedQuery("DELETE FROM login_throttle WHERE key = $1")
        .execute(Tuple.of(key))
        .mapEmpty();
  }

  /** Rows nobody has touched for a day: their count would start anew anyway. */
  public Future<Integer> deleteStale() {
    return pool.query("DELETE FROM login_throttle WHERE last_at < now() - interval '1 day'")
        .execute()
        .map(rows -> rows.rowCount());
  }

  private Future<Long> waitFor(String key) {
    return pool.preparedQuery(
            "SELECT ceil(extract(epoch FROM next_at - clock_timestamp()))::bigint "
                + "FROM login_throttle WHERE key = $1")
        .execute(Tuple.of(key))
        .map(rows -> rows.size() == 0 ? 1L : Math.max(1L, rows.iterator().next().getLong(0)));
  }
}
