package cn.shegong.portal.web;

import io.vertx.core.json.JsonObject;

/**
 * The one shape of every JSON error the portal answers: {"error": a Chinese sentence, "status": the
 * HTTP code}.
 */
public final class JsonError {
  private JsonError() {}

  public static JsonObject of(int status, String message) {
    return new JsonObject().put("error", message).put("status", status);
  }
}
