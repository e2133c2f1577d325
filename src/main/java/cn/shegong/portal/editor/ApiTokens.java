package cn.shegong.portal.editor;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** API tokens: shown once, stored only as SHA-256, revocable. */
public final class ApiTokens {
  public record TokenInfo(long id, String login, OffsetDateTime createdAt, OffsetDateTime lastUsedAt,
      OffsetDateTime revokedAt) {}

  /** Whose token it is, and whether that account may still act. */
  public record Holder(EditorUser user, boolean disabled) {}

  static final String PREFIX = "sgt_";

  private final SqlClient db;

  public ApiTokens(SqlClient db) {
    this.db = db;
  }

  /** A new token for the account; answers the raw token, or empty when there is no such account. */
  public Future<Optional<String>> create(String login) {
    String raw = PREFIX + Secrets.random(32);
    return db.preparedQuery("INSERT INTO api_tokens (user_id, token_hash) SELECT id, $2 FROM users WHERE login = $1 "
            + "RETURNING id")
        .execute(Tuple.of(login, Secrets.sha256Hex(raw)))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(raw));
  }

  public Future<Optional<Holder>> find(String raw) {
    if (raw == null || !raw.startsWith(PREFIX) || raw.length() > 100) return Future.succeededFuture(Optional.empty());
    return db.preparedQuery("UPDATE api_tokens t SET last_used_at = now() FROM users u "
            + "WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND u.id = t.user_id "
            + "RETURNING u.id, u.login, u.role, u.disabled")
        .execute(Tuple.of(Secrets.sha256Hex(raw)))
        .map(rows -> {
          if (rows.size() == 0) return Optional.empty();
          Row r = rows.iterator().next();
          return Optional.of(new Holder(new EditorUser(r.getLong("id"), r.getString("login"), Role.of(r.getString("role"))),
              r.getBoolean("disabled")));
        });
  }

  public Future<List<TokenInfo>> list() {
    return db.query("SELECT t.id, u.login, t.created_at, t.last_used_at, t.revoked_at FROM api_tokens t "
            + "JOIN users u ON u.id = t.user_id ORDER BY t.revoked_at IS NOT NULL, t.created_at DESC LIMIT 500")
        .execute()
        .map(rows -> {
          List<TokenInfo> out = new ArrayList<>();
          for (Row r : rows) {
            out.add(new TokenInfo(r.getLong("id"), r.getString("login"), r.getOffsetDateTime("created_at"),
                r.getOffsetDateTime("last_used_at"), r.getOffsetDateTime("revoked_at")));
          }
          return out;
        });
  }

  public Future<Boolean> revoke(long id) {
    return db.preparedQuery("UPDATE api_tokens SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL")
        .execute(Tuple.of(id)).map(rows -> rows.rowCount() > 0);
  }
}
