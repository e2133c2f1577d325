package cn.shegong.portal.editor;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Each account's TOTP secret and recovery codes (table user_totp, recovery_codes). Secrets are
 * never logged.
 */
public final class SecondFactors {
  /**
   * A select-list column for a query over {@code users u}: whether the account has a confirmed
   * second factor.
   */
  static final String ENROLLED =
      "EXISTS (SELECT 1 FROM user_totp f WHERE f.user_id = u.id AND f.enabled_at IS NOT NULL) "
          + "AS second_factor";

  private final Pool pool;

  public SecondFactors(Pool pool) {
    this.pool = pool;
  }

  /** The secret of an enrolment not yet confirmed: the one already started, else a new one. */
  public Future<String> pendingSecret(long userId) {
    return pool.preparedQuery(
            "INSERT INTO user_totp (user_id, secret) VALUES ($1, $2) ON CONFLICT (user_id) "
                + "DO UPDATE SET secret = user_totp.secret RETURNING secret, enabled_at IS NOT NULL AS enabled")
        .execute(Tuple.of(userId, Totp.newSecret()))
        .compose(
            rows ->
                rows.iterator().next().getBoolean("enabled")
                    ? Future.failedFuture(new IllegalStateException("already enrolled"))
                    : Future.succeededFuture(rows.iterator().next().getString("secret")));
  }

  public Future<Boolean> enrolled(long userId) {
    return pool.preparedQuery(
            "SELECT 1 FROM user_totp WHERE user_id = $1 AND enabled_at IS NOT NULL")
        .execute(Tuple.of(userId))
        .map(rows -> rows.size() > 0);
  }

  /**
   * Confirms an enrolment with its first code: answers the ten recovery codes (shown once), or
   * empty.
   */
  public Future<Optional<List<String>>> confirm(long userId, String code) {
    return pool.withTransaction(
        conn ->
            conn.preparedQuery(
                    "SELECT secret FROM user_totp WHERE user_id = $1 "
                        + "AND enabled_at IS NULL FOR UPDATE")
                .execute(Tuple.of(userId))
                .compose(
                    rows -> {
                      if (rows.size() == 0)
                        return Future.succeededFuture(Optional.<List<String>>empty());
                      OptionalLong step =
                          Totp.matchingStep(
                              rows.iterator().next().getString("secret"), code, now());
                      if (step.isEmpty())
                        return Future.succeededFuture(Optional.<List<String>>empty());
                      return conn.preparedQuery(
                              "UPDATE user_totp SET enabled_at = now(), last_step = $2 WHERE user_id = $1")
                          .execute(Tuple.of(userId, step.getAsLong()))
                          .compose(v -> storeRecoveryCodes(conn, userId))
                          .map(Optional::of);
                    }));
  }

  /**
   * For {@code ./portal user add --totp}: enrolled at once, since the operator hands the URI over.
   */
  public Future<List<String>> enrolNow(SqlClient conn, long userId, String secret) {
    return conn.preparedQuery(
            "INSERT INTO user_totp (user_id, secret, enabled_at) VALUES ($1, $2, now()) "
                + "ON CONFLICT (user_id) DO UPDATE SET secret = $2, enabled_at = now(), last_step = 0")
        .execute(Tuple.of(userId, secret))
        .compose(v -> storeRecoveryCodes(conn, userId));
  }

  /**
   * A code at sign-in: a TOTP code for a step later than the last one accepted (so a replay within
   * its step fails), else an unused recovery code, which is used up.
   */
  public Future<Boolean> verify(long userId, String code) {
    return pool.preparedQuery(
            "SELECT secret FROM user_totp WHERE user_id = $1 AND enabled_at IS NOT NULL")
        .execute(Tuple.of(userId))
        .compose(
            rows -> {
              if (rows.size() == 0) return Future.succeededFuture(false);
              OptionalLong step =
                  Totp.matchingStep(rows.iterator().next().getString("secret"), code, now());
              if (step.isPresent()) {
                return pool.preparedQuery(
                        "UPDATE user_totp SET last_step = $2 WHERE user_id = $1 AND last_step < $2")
                    .execute(Tuple.of(userId, step.getAsLong()))
                    .map(r -> r.rowCount() == 1);
              }
              String normalised = Totp.normalise(code);
              if (normalised.isEmpty() || normalised.length() > 64)
                return Future.succeededFuture(false);
              return pool.preparedQuery(
                      "UPDATE recovery_codes SET used_at = now() WHERE user_id = $1 AND code_hash = $2 "
                          + "AND used_at IS NULL")
                  .execute(Tuple.of(userId, Secrets.sha256Hex(normalised)))
                  .map(r -> r.rowCount() == 1);
            });
  }

  /** An admin's reset: the account enrols again at its next sign-in. */
  public Future<Boolean> reset(SqlClient conn, long userId) {
    return conn.preparedQuery("DELETE FROM recovery_codes WHERE user_id = $1")
        .execute(Tuple.of(userId))
        .compose(
            v ->
                conn.preparedQuery("DELETE FROM user_totp WHERE user_id = $1")
                    .execute(Tuple.of(userId)))
        .map(rows -> rows.rowCount() > 0);
  }

  public Future<Integer> unusedRecoveryCodes(long userId) {
    return pool.preparedQuery(
            "SELECT count(*) FROM recovery_codes WHERE user_id = $1 AND used_at IS NULL")
        .execute(Tuple.of(userId))
        .map(rows -> rows.iterator().next().getInteger(0));
  }

  private static Future<List<String>> storeRecoveryCodes(SqlClient conn, long userId) {
    List<String> codes = Totp.newRecoveryCodes();
    List<Tuple> batch =
        codes.stream().map(c -> Tuple.of(userId, Secrets.sha256Hex(Totp.normalise(c)))).toList();
    return conn.preparedQuery("DELETE FROM recovery_codes WHERE user_id = $1")
        .execute(Tuple.of(userId))
        .compose(
            v ->
                conn.preparedQuery(
                        "INSERT INTO recovery_codes (user_id, code_hash) VALUES ($1, $2)")
                    .executeBatch(batch))
        .map(codes);
  }

  private static long now() {
    return Instant.now().getEpochSecond();
  }
}
