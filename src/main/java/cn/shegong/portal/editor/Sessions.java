package cn.shegong.portal.editor;

import io.vertx.core.Future;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.Optional;

/**
 * Desk sessions in PostgreSQL, so every portal process sees the same ones. The cookie holds 32
 * random bytes; the table holds only their SHA-256. Idle timeout 30 minutes, absolute lifetime 12
 * hours.
 */
public final class Sessions {
  public static final String COOKIE = "editor_session";
  static final String PATH = "/editor";

  private final Pool pool;
  private final boolean tls;

  public Sessions(Pool pool, boolean tls) {
    this.pool = pool;
    this.tls = tls;
  }

  /** A new session for the user; answers the raw id for the cookie. */
  public Future<String> create(long userId) {
    String raw = Secrets.random(32);
    return pool.preparedQuery(
            "INSERT INTO sessions (id_hash, user_id, csrf_secret, expires_at) "
                + "VALUES ($1, $2, $3, now() + interval '12 hours')")
        .execute(Tuple.of(Secrets.sha256Hex(raw), userId, Secrets.random(32)))
        .map(rows -> raw);
  }

  /**
   * The live session for a cookie value, touching its idle clock; empty when expired, idle, unknown
   * or disabled.
   */
  public Future<Optional<DeskSession>> find(String raw) {
    if (raw == null || raw.isEmpty() || raw.length() > 100)
      return Future.succeededFuture(Optional.empty());
    return pool.preparedQuery(
            "UPDATE sessions s SET last_seen_at = now() FROM users u "
                + "WHERE s.id_hash = $1 AND u.id = s.user_id AND NOT u.disabled AND s.expires_at > now() "
                + "AND s.last_seen_at > now() - interval '30 minutes' "
                + "RETURNING s.id_hash, s.csrf_secret, u.id, u.login, u.role, "
                + SecondFactors.ENROLLED)
        .execute(Tuple.of(Secrets.sha256Hex(raw)))
        .map(
            rows -> rows.size() == 0 ? Optional.empty() : Optional.of(map(rows.iterator().next())));
  }

  public Future<Void> delete(String idHash) {
    return pool.preparedQuery("DELETE FROM sessions WHERE id_hash = $1")
        .execute(Tuple.of(idHash))
        .mapEmpty();
  }

  public Future<Integer> deleteExpired() {
    return pool.query(
            "DELETE FROM sessions WHERE expires_at <= now() OR last_seen_at <= now() - interval '30 minutes'")
        .execute()
        .map(rows -> rows.rowCount());
  }

  public Cookie cookie(String raw) {
    return Cookie.cookie(COOKIE, raw)
        .setPath(PATH)
        .setHttpOnly(true)
        .setSecure(tls)
        .setSameSite(CookieSameSite.LAX);
  }

  public Cookie expiredCookie() {
    return cookie("").setMaxAge(0);
  }

  private static DeskSession map(Row r) {
    return new DeskSession(
        r.getString("id_hash"),
        new EditorUser(r.getLong("id"), r.getString("login"), Role.of(r.getString("role"))),
        r.getString("csrf_secret"),
        r.getBoolean("second_factor"));
  }
}
