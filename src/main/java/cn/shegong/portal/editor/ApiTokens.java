package cn.shegong.portal.editor;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * API tokens: shown once, stored only as SHA-256, revocable, expiring (90 days unless told
 * otherwise).
 */
public final class ApiTokens {
  public record TokenInfo(
      long id,
      String login,
      OffsetDateTime createdAt,
      OffsetDateTime lastUsedAt,
      OffsetDateTime revokedAt,
      OffsetDateTime expiresAt,
      boolean expired) {}

  /** Whose token it is, and whether that account may still act. */
  public record Holder(EditorUser user, boolean disabled, boolean expired, boolean secondFactor) {}

  static final String PREFIX = "sgt_";
  public static final int DEFAULT_DAYS = 90;
  public static final int MAX_DAYS = 3650;

  private final SqlClient db;

  public ApiTokens(SqlClient db) {
    this.db = db;
  }

  /**
   * A new token for the account, valid for {@code days}; answers the raw token, or empty when there
   * is no such account.
   */
  public Future<Optional<String>> create(String login, int days) {
    if (days < 1 || days > MAX_DAYS)
      throw new IllegalArgumentException("days must be 1–" + MAX_DAYS);
    String raw = PREFIX + Secrets.random(32);
    return db.preparedQuery(
            "INSERT INTO api_tokens (user_id, token_hash, expires_at) "
                + "SELECT id, $2, now() + make_interval(days => $3) FROM users WHERE login = $1 RETURNING id")
        .execute(Tuple.of(login, Secrets.sha256Hex(raw), days))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(raw));
  }

  public Future<Optional<Holder>> find(String raw) {
    if (raw == null || !raw.startsWith(PREFIX) || raw.length() > 100)
      return Future.succeededFuture(Optional.empty());
    return db.preparedQuery(
            "UPDATE api_tokens t SET last_used_at = CASE WHEN t.expires_at > now() THEN now() "
                + "ELSE t.last_used_at END FROM users u WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND u.id = t.user_id "
                + "RETURNING u.id, u.login, u.role, u.disabled, t.expires_at <= now() AS expired, "
                + SecondFactors.ENROLLED)
        .execute(Tuple.of(Secrets.sha256Hex(raw)))
        .map(
            rows -> {
              if (rows.size() == 0) return Optional.empty();
              Row r = rows.iterator().next();
              return Optional.of(
                  new Holder(
                      new EditorUser(
                          r.getLong("id"), r.getString("login"), Role.of(r.getString("role"))),
                      r.getBoolean("disabled"),
                      r.getBoolean("expired"),
                      r.getBoolean("second_factor")));
            });
  }

  public Future<List<TokenInfo>> list() {
    return db.query(
            "SELECT t.id, u.login, t.created_at, t.last_used_at, t.revoked_at, t.expires_at, "
                + "t.expires_at <= now() AS expired FROM api_tokens t "
                + "JOIN users u ON u.id = t.user_id ORDER BY t.revoked_at IS NOT NULL, t.created_at DESC LIMIT 500")
        .execute()
        .map(
            rows -> {
              List<TokenInfo> out = new ArrayList<>();
              for (Row r : rows) {
                out.add(
                    new TokenInfo(
                        r.getLong("id"),
                        r.getString("login"),
                        r.getOffsetDateTime("created_at"),
                        r.getOffsetDateTime("last_used_at"),
                        r.getOffsetDateTime("revoked_at"),
                        r.getOffsetDateTime("expires_at"),
                        r.getBoolean("expired")));
              }
              return out;
            });
  }

  public Future<Boolean> revoke(long id) {
    return db.preparedQuery(
            "UPDATE api_tokens SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL")
        .execute(Tuple.of(id))
        .map(rows -> rows.rowCount() > 0);
  }
}
