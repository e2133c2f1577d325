package cn.shegong.portal.common;

import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Optional;

/** Reading query parameters strictly: anything malformed is a 400 with a message, never a 500. */
public final class Params {
  public static final int MAX_PAGE = 100_000;

  private Params() {}

  /**
   * The single value of a parameter, stripped; a repeated parameter is refused rather than guessed.
   */
  public static Optional<String> text(RoutingContext ctx, String name, int maxLength) {
    List<String> all = ctx.queryParam(name);
    if (all.isEmpty()) return Optional.empty();
    if (all.size() > 1) throw HttpError.badRequest("参数 " + name + " 只能出现一次");
    String v = all.get(0).strip();
    if (v.length() > maxLength)
      throw HttpError.badRequest("参数 " + name + " 过长（最多 " + maxLength + " 个字符）");
    return v.isEmpty() ? Optional.empty() : Optional.of(v);
  }

  public static int integer(RoutingContext ctx, String name, int dflt, int min, int max) {
    Optional<String> v = text(ctx, name, 12);
    if (v.isEmpty()) return dflt;
    try {
      int n = Integer.parseInt(v.get());
      if (n >= min && n <= max) return n;
    } catch (NumberFormatException e) {
      // reported below
    }
    throw HttpError.badRequest("参数 " + name + " 应为 " + min + " 到 " + max + " 之间的整数");
  }

  /** 1-based page number from {@code ?page=N}. */
  public static int page(RoutingContext ctx) {
    return integer(ctx, "page", 1, 1, MAX_PAGE);
  }
}
