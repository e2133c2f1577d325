package cn.shegong.portal.common;

import io.vertx.core.json.JsonObject;

/**
 * JSON for a {@code <script type="application/ld+json">} element, whatever text editors put in it.
 */
public final class ScriptJson {
  private ScriptJson() {}

  /**
   * {@code <}, {@code >} and {@code &} become \\u escapes, so no text can close the element or open
   * a comment; the JSON means the same.
   */
  public static String encode(JsonObject json) {
    return json.encode().replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
  }
}
