package cn.shegong.portal.hsds;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Stable HSDS identifiers: RFC 9562 name-based UUIDs (version 5, SHA-1) in the portal's own
 * namespace, so a station keeps the same service, location and phone ids across exports, restarts
 * and machines.
 */
public final class HsdsIds {
  /** The portal's namespace: itself the version-5 UUID of its name in the URL namespace. */
  public static final UUID NAMESPACE =
      v5(UUID.fromString("6ba7b811-9dad-11d1-80b4-00c04fd430c8"), "https://shegong.cn/hsds");

  private HsdsIds() {}

  public static String service(String slug) {
    return id("service/" + slug);
  }

  public static String location(String slug) {
    return id("location/" + slug);
  }

  public static String serviceAtLocation(String slug) {
    return id("service_at_location/" + slug);
  }

  public static String address(String slug) {
    return id("address/" + slug);
  }

  public static String phone(String slug) {
    return id("phone/" + slug);
  }

  public static String schedule(String slug, String key) {
    return id("schedule/" + slug + "/" + key);
  }

  public static String attribute(String slug, String termId) {
    return id("attribute/" + slug + "/" + termId);
  }

  /** Organisations are named, not kept as rows: the name is the identity. */
  public static String organization(String name) {
    return id("organization/" + name);
  }

  public static String taxonomy(String code) {
    return id("taxonomy/" + code);
  }

  public static String term(String taxonomyCode, String value) {
    return id("taxonomy_term/" + taxonomyCode + "/" + value);
  }

  static String id(String name) {
    return v5(NAMESPACE, name).toString();
  }

  /**
   * Parses a UUID strictly (36 characters, hex), or null: lookups by a malformed id are refused by
   * the caller.
   */
  public static UUID parse(String text) {
    if (text == null
        || !text.matches(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")) {
      return null;
    }
    return UUID.fromString(text);
  }

  static UUID v5(UUID namespace, String name) {
    try {
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      sha1.update(
          ByteBuffer.allocate(16)
              .putLong(namespace.getMostSignificantBits())
              .putLong(namespace.getLeastSignificantBits())
              .array());
      byte[] h = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
      h[6] = (byte) ((h[6] & 0x0f) | 0x50);
      h[8] = (byte) ((h[8] & 0x3f) | 0x80);
      ByteBuffer b = ByteBuffer.wrap(h, 0, 16);
      return new UUID(b.getLong(), b.getLong());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is part of every JDK", e);
    }
  }
}
