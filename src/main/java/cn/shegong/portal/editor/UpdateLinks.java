package cn.shegong.portal.editor;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signatures of station self-update invitations, with a key every portal process reads from the
 * database (station_update_secret). A link is {@code <invitation id>.<mac>} over the id and its one
 * station, so it can be shown again in the desk and cannot be turned into another station's; its
 * form carries {@code <issued epoch seconds>.<mac>} (CSRF, the staff have no cookie).
 */
final class UpdateLinks {
  static final Duration LIFETIME = Duration.ofDays(14);
  static final Duration FORM_LIFETIME = Duration.ofHours(4);
  private static final Duration CLOCK_SKEW = Duration.ofMinutes(1);
  private static final String MAC = "[A-Za-z0-9_-]{43}";

  private final SqlClient db;
  private volatile byte[] secret;

  UpdateLinks(SqlClient db) {
    this.db = db;
  }

  Future<String> token(long invitationId, long stationId) {
    return key().map(k -> invitationId + "." + mac(k, "link:" + invitationId + ":" + stationId));
  }

  /** The invitation id a token names, if it is shaped like one (its signature is not checked). */
  static OptionalLong idOf(String token) {
    if (token == null || !token.matches("[1-9]\\d{0,17}\\." + MAC)) return OptionalLong.empty();
    return OptionalLong.of(Long.parseLong(token.substring(0, token.indexOf('.'))));
  }

  Future<Boolean> matches(String token, long invitationId, long stationId) {
    return token(invitationId, stationId).map(t -> same(t, token));
  }

  Future<String> formToken(long invitationId, Instant now) {
    long at = now.getEpochSecond();
    return key().map(k -> at + "." + mac(k, "form:" + invitationId + ":" + at));
  }

  Future<Boolean> formTokenValid(String token, long invitationId, Instant now) {
    if (token == null || !token.matches("\\d{1,12}\\." + MAC)) return Future.succeededFuture(false);
    long issued = Long.parseLong(token.substring(0, token.indexOf('.')));
    Instant at = Instant.ofEpochSecond(issued);
    if (at.isAfter(now.plus(CLOCK_SKEW)) || at.plus(FORM_LIFETIME).isBefore(now))
      return Future.succeededFuture(false);
    return key()
        .map(k -> same(issued + "." + mac(k, "form:" + invitationId + ":" + issued), token));
  }

  private static boolean same(String a, String b) {
    return MessageDigest.isEqual(
        a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
  }

  private Future<byte[]> key() {
    byte[] k = secret;
    if (k != null) return Future.succeededFuture(k);
    return db.query("SELECT secret FROM station_update_secret WHERE id = 1")
        .execute()
        .map(
            rows -> {
              byte[] loaded = rows.iterator().next().getBuffer(0).getBytes();
              secret = loaded;
              return loaded;
            });
  }

  private static String mac(byte[] key, String message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      byte[] out = mac.doFinal(("station-update:" + message).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
