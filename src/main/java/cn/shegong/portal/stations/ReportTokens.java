package cn.shegong.portal.stations;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The CSRF token of the report form, for readers who have no session or cookie: HMAC-SHA256 over
 * the station id and the time the form was issued, with a key every portal process reads from the
 * database. Form: {@code <issued epoch seconds>.<base64url mac>}.
 */
public final class ReportTokens {
  static final Duration LIFETIME = Duration.ofHours(2);
  private static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

  private final SqlClient db;
  private volatile byte[] secret;

  public ReportTokens(SqlClient db) {
    this.db = db;
  }

  public Future<String> issue(long stationId, Instant now) {
    return key().map(k -> now.getEpochSecond() + "." + mac(k, stationId, now.getEpochSecond()));
  }

  /** True when the token was issued by a portal for this station and has not expired. */
  public Future<Boolean> verify(String token, long stationId, Instant now) {
    if (token == null || !token.matches("\\d{1,12}\\.[A-Za-z0-9_-]{43}"))
      return Future.succeededFuture(false);
    long issued = Long.parseLong(token.substring(0, token.indexOf('.')));
    Instant at = Instant.ofEpochSecond(issued);
    if (at.isAfter(now.plus(CLOCK_SKEW)) || at.plus(LIFETIME).isBefore(now))
      return Future.succeededFuture(false);
    String given = token.substring(token.indexOf('.') + 1);
    return key()
        .map(
            k ->
                MessageDigest.isEqual(
                    mac(k, stationId, issued).getBytes(StandardCharsets.US_ASCII),
                    given.getBytes(StandardCharsets.US_ASCII)));
  }

  private Future<byte[]> key() {
    byte[] k = secret;
    if (k != null) return Future.succeededFuture(k);
    return db.query("SELECT secret FROM station_report_secret WHERE id = 1")
        .execute()
        .map(
            rows -> {
              byte[] loaded = rows.iterator().next().getBuffer(0).getBytes();
              secret = loaded;
              return loaded;
            });
  }

  private static String mac(byte[] key, long stationId, long issued) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      byte[] out =
          mac.doFinal(
              ("station-report:" + stationId + ":" + issued).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
