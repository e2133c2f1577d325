package cn.shegong.portal.editor;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Chooses the body limit of a desk request before a byte of its body is buffered. Anyone not signed
 * in (and every login attempt) may send at most {@link #ANONYMOUS_LIMIT}: a declared Content-Length
 * above it is refused at once with 413, a chunked body is cut off there. Only a body that may be
 * larger (declared above the small limit, or chunked) or an upload costs a look-up of the session
 * or token; meanwhile the request stays paused. Signed-in editors keep the form limit; only the
 * imports (CSV, HSDS) take a file, each with its own limit.
 */
final class DeskBodyLimit implements Handler<RoutingContext> {
  static final long ANONYMOUS_LIMIT = 16 * 1024;

  private final BodyHandler small = BodyHandler.create(false).setBodyLimit(ANONYMOUS_LIMIT);
  private final BodyHandler forms;
  private final Map<String, BodyHandler> uploads = new HashMap<>();
  private final long formLimit;
  private final Map<String, Long> uploadLimits;
  private final Function<RoutingContext, Future<Boolean>> signedIn;

  /**
   * @param uploadLimits the routes that take a file, each with its limit (empty: no uploads under
   *     this prefix)
   * @param signedIn whether the request carries a live session or token (it is checked again,
   *     fully, later)
   */
  DeskBodyLimit(
      long formLimit,
      String uploadsDir,
      Map<String, Long> uploadLimits,
      Function<RoutingContext, Future<Boolean>> signedIn) {
    this.formLimit = formLimit;
    this.forms = BodyHandler.create(false).setBodyLimit(formLimit);
    this.uploadLimits = Map.copyOf(uploadLimits);
    uploadLimits.forEach(
        (path, limit) ->
            uploads.put(
                path,
                BodyHandler.create(uploadsDir)
                    .setBodyLimit(limit)
                    .setDeleteUploadedFilesOnEnd(true)));
    this.signedIn = signedIn;
  }

  @Override
  public void handle(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    long declared = contentLength(request);
    boolean chunked = declared < 0 && request.headers().contains(HttpHeaders.TRANSFER_ENCODING);
    // an upload, however small, needs the handler that keeps files, so it is always looked up
    BodyHandler uploadHandler = request.isEnded() ? null : uploads.get(ctx.normalizedPath());
    boolean upload = uploadHandler != null;
    if (!upload
        && (request.isEnded()
            || ctx.normalizedPath().equals(DeskAuth.LOGIN)
            || (declared <= ANONYMOUS_LIMIT && !chunked))) {
      small.handle(ctx);
      return;
    }
    if (declared > (upload ? uploadLimits.get(ctx.normalizedPath()) : formLimit)) {
      ctx.fail(413);
      return;
    }
    request.pause();
    signedIn
        .apply(ctx)
        .onComplete(
            known -> {
              if (known.failed()) ctx.fail(known.cause());
              else if (!known.result()) small.handle(ctx);
              else (upload ? uploadHandler : forms).handle(ctx);
            });
  }

  /** The declared length; -1 when absent or not a number (then the streaming cap applies). */
  static long contentLength(HttpServerRequest request) {
    String v = request.getHeader(HttpHeaders.CONTENT_LENGTH);
    if (v == null) return -1;
    try {
      return Long.parseLong(v.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** The raw bearer token of an API request, or null. */
  static String bearer(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
        ? header.substring(7).strip()
        : null;
  }
}
