package cn.shegong.portal.editor;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.Locale;

/**
 * Consecutive login failures per account and per client address, in the database so every process
 * counts together. Ten failures lock the key for fifteen minutes; a quiet quarter hour starts the count anew.
 */
public final class LoginThrottle {
  static final int MAX_FAILURES = 10;

  private final Pool pool;

  public LoginThrottle(Pool pool) {
    this.pool = pool;
  }

  public static String accountKey(String login) {
    String l = login == null ? "" : login.strip().toLowerCase(Locale.ROOT);
    return "login:" + (l.length() > 100 ? l.substring(0, 100) : l);
  }

  public static String addressKey(String address) {
    return "addr:" + address;
  }

  /** Seconds until the first of these keys unlocks, or 0 when none is locked. */
  public Future<Long> retryAfter(List<String> keys) {
    return pool.preparedQuery("SELECT coalesce(ceil(extract(epoch FROM max(locked_until) - now())), 0)::bigint "
            + "FROM login_throttle WHERE key = ANY($1) AND locked_until > now()")
        .execute(Tuple.of(keys.toArray(String[]::new)))
        .map(rows -> rows.iterator().next().getLong(0));
  }

  public Future<Void> recordFailure(List<String> keys) {
    String[] k = keys.toArray(String[]::new);
    return pool.withTransaction(conn -> conn.preparedQuery("INSERT INTO login_throttle AS t (key, failures) "
            + "SELECT x, 1 FROM unnest($1::text[]) x ON CONFLICT (key) DO UPDATE SET failures = CASE "
            + "WHEN t.last_failure_at < now() - interval '15 minutes' THEN 1 ELSE t.failures + 1 END, "
            + "last_failure_at = now()")
        .execute(Tuple.of(k))
        .compose(v -> conn.preparedQuery("UPDATE login_throttle SET locked_until = now() + interval '15 minutes' "
                + "WHERE key = ANY($1) AND failures >= $2")
            .execute(Tuple.of(k, MAX_FAILURES)))
        .mapEmpty());
  }

  public Future<Void> reset(String key) {
    return pool.preparedQuery("DELETE FROM login_throttle WHERE key = $1").execute(Tuple.of(key)).mapEmpty();
  }
}
