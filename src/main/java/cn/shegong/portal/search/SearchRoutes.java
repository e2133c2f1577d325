package cn.shegong.portal.search;

import cn.shegong.portal.common.ScriptJson;
import cn.shegong.portal.db.ContentVersions;
import cn.shegong.portal.web.JsonError;
import cn.shegong.portal.web.PageCache;
import cn.shegong.portal.web.Pages;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** /search (the page), /api/search and /api/suggest. */
public final class SearchRoutes {
  private static final Logger log = LoggerFactory.getLogger(SearchRoutes.class);
  static final String PARTIAL_MESSAGE = "未找到完全匹配，以下为部分匹配结果";
  static final int PAGE_SIZE = 10;

  private final SearchModule search;
  private final Pages pages;
  private final AnswerCache answers = new AnswerCache(2000);

  public SearchRoutes(SearchModule search, Pages pages) {
    this.search = search;
    this.pages = pages;
  }

  public void mount(Router router) {
    router.get("/search").handler(this::page);
    router.get("/api/search").handler(this::api);
    router.get("/api/suggest").handler(this::suggest);
  }

  private void api(RoutingContext ctx) {
    SearchRequest req;
    try {
      req = SearchRequest.parse(name -> param(ctx, name), 10);
    } catch (SearchRequest.Invalid | IllegalArgumentException e) {
      json(ctx, 400, JsonError.of(400, message(e)));
      return;
    }
    ContentVersions version = search.contentVersions();
    Buffer kept = answers.get(req, version);
    if (kept != null) {
      send(ctx, 200, kept);
      return;
    }
    search
        .search(req)
        .onSuccess(
            r -> {
              Buffer body = Buffer.buffer(ScriptJson.encode(SearchJson.result(r)));
              answers.put(req, version, body);
              send(ctx, 200, body);
            })
        .onFailure(e -> failed(ctx, e));
  }

  private void suggest(RoutingContext ctx) {
    String q;
    try {
      q = param(ctx, "q");
    } catch (IllegalArgumentException e) {
      json(ctx, 400, JsonError.of(400, "参数编码无效。"));
      return;
    }
    if (q == null || q.isBlank()) {
      json(ctx, 400, JsonError.of(400, "请输入要搜索的内容。"));
      return;
    }
    if (q.strip().length() > SearchRequest.MAX_QUERY_LENGTH) {
      json(ctx, 400, JsonError.of(400, "搜索内容过长（最多 " + SearchRequest.MAX_QUERY_LENGTH + " 个字符）。"));
      return;
    }
    search
        .suggest(q)
        .onSuccess(
            list -> {
              ctx.response().putHeader("Cache-Control", "public, max-age=60");
              json(ctx, 200, SearchJson.suggestions(q.strip(), list));
            })
        .onFailure(e -> failed(ctx, e));
  }

  private void page(RoutingContext ctx) {
    Map<String, Object> model = new HashMap<>();
    String q;
    SearchRequest req;
    try {
      q = param(ctx, "q");
      model.put("q", q == null ? "" : q.strip());
      if (q == null || q.isBlank()) {
        render(ctx, 200, model, "请输入要搜索的内容，例如“医务社工”“心理健康”“嘉定”，也可以输入拼音，如 lasa。");
        return;
      }
      req = SearchRequest.parse(name -> param(ctx, name), PAGE_SIZE);
    } catch (SearchRequest.Invalid | IllegalArgumentException e) {
      model.putIfAbsent("q", "");
      render(ctx, 400, model, message(e));
      return;
    }
    search
        .search(req)
        .onSuccess(
            r -> {
              long found = r.partial() ? 0 : r.total();
              if (req.offset() == 0 && found <= SearchGaps.FEW) {
                // counted in aggregate for the desk; not cached, so the next such search counts too
                search.countGap(req.query(), found);
                PageCache.skip(ctx);
              }
              model.putAll(SearchPageModel.of(r, PAGE_SIZE));
              render(ctx, 200, model, r.notice());
            })
        .onFailure(
            e -> {
              if (e instanceof SearchModule.NotReady) {
                ctx.response().putHeader("Retry-After", "5");
                render(ctx, 503, model, e.getMessage());
              } else {
                log.error(
                    "Search page failed for a query of {} characters", req.query().length(), e);
                ctx.fail(500, e);
              }
            });
  }

  private void render(RoutingContext ctx, int status, Map<String, Object> model, String message) {
    if (message != null) model.put("message", message);
    pages.render(ctx, status, "search/results.ftlh", model).onFailure(ctx::fail);
  }

  private static String param(RoutingContext ctx, String name) {
    List<String> values = ctx.queryParam(name);
    return values.isEmpty() ? null : values.get(0);
  }

  private static String message(Exception e) {
    return e instanceof SearchRequest.Invalid ? e.getMessage() : "参数编码无效。";
  }

  private static void failed(RoutingContext ctx, Throwable e) {
    if (e instanceof SearchModule.NotReady) {
      ctx.response().putHeader("Retry-After", "5");
      json(ctx, 503, JsonError.of(503, e.getMessage()));
    } else {
      log.error("Search failed", e);
      json(ctx, 500, JsonError.of(500, "搜索暂时不可用，请稍后再试。"));
    }
  }

  private static void json(RoutingContext ctx, int status, JsonObject body) {
    // < > & as JSON unicode escapes: the query is echoed back, and no consumer should ever see
    // markup in it
    send(ctx, status, Buffer.buffer(ScriptJson.encode(body)));
  }

  private static void send(RoutingContext ctx, int status, Buffer body) {
    if (ctx.response().ended()) return;
    ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .end(body);
  }
}
