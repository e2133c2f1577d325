package cn.shegong.portal.stations;

import cn.shegong.portal.common.HttpError;
import cn.shegong.portal.common.Params;
import cn.shegong.portal.web.Feeds;
import cn.shegong.portal.web.KeptAnswers;
import cn.shegong.portal.web.Pages;
import cn.shegong.portal.web.Portal;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What changed in the directory, as a feed: /stations.atom, /stations.rss and /stations.json (JSON
 * Feed 1.1), the whole directory or one kind with ?kind= (the same parameter as /stations). Each
 * entry is one public change, linked to the station's history; never who made it.
 */
final class StationFeedRoutes {
  static final int ENTRIES = 50;

  private final Portal portal;
  private final StationHistoryRepository history;

  StationFeedRoutes(Portal portal) {
    this.portal = portal;
    this.history = new StationHistoryRepository(portal.pool());
  }

  private interface Writer {
    String write(Feeds.Channel channel, List<Feeds.Item> items);
  }

  void mount(Router router) {
    router.get("/stations.atom").handler(ctx -> serve(ctx, Feeds.ATOM, Feeds::atom));
    router.get("/stations.rss").handler(ctx -> serve(ctx, Feeds.RSS, Feeds::rss));
    router.get("/stations.json").handler(ctx -> serve(ctx, Feeds.JSON_FEED, Feeds::json));
  }

  /** The feeds a station list (or a station of {@code kind}) advertises: directory, then kind. */
  static List<Feeds.Links> links(StationKind kind) {
    List<Feeds.Links> out = new ArrayList<>();
    out.add(of("服务站点信息变更", ""));
    if (kind != null) out.add(of(kind.label() + "信息变更", "?kind=" + kind.code()));
    return out;
  }

  private static Feeds.Links of(String title, String qs) {
    return new Feeds.Links(
        title, "/stations.atom" + qs, "/stations.rss" + qs, "/stations.json" + qs);
  }

  private void serve(RoutingContext ctx, String contentType, Writer writer) {
    Optional<StationKind> kind;
    try {
      kind =
          Params.text(ctx, "kind", 20)
              .map(
                  code ->
                      StationKind.fromCode(code)
                          .orElseThrow(
                              () -> HttpError.badRequest("参数 kind 应为 " + StationKind.choices())));
    } catch (HttpError e) {
      ctx.fail(e);
      return;
    }
    Feeds.Channel channel = channel(kind);
    history
        .latest(kind, ENTRIES)
        .map(changes -> Buffer.buffer(writer.write(channel, items(changes))))
        .onSuccess(
            body -> {
              KeptAnswers.keepFor(ctx, contentType, body);
              ctx.response()
                  .putHeader("Content-Type", contentType)
                  .putHeader("Cache-Control", "public, max-age=300")
                  .end(body);
            })
        .onFailure(ctx::fail);
  }

  private List<Feeds.Item> items(List<StationChange> changes) {
    String base = portal.config().publicBaseUrl();
    List<Feeds.Item> out = new ArrayList<>();
    for (StationChange c : changes) {
      String what =
          c.fields().isEmpty()
              ? c.action()
              : String.join("、", c.fields().stream().map(StationChange.Field::label).toList())
                  + "有变化";
      String summary = c.summary() + (c.verification().isEmpty() ? "" : "。" + c.verification());
      out.add(
          new Feeds.Item(
              Feeds.TAG_PREFIX + "stations/" + c.slug() + "/changes/" + c.id(),
              c.stationName() + "：" + what,
              base + Station.urlOf(c.slug()) + "/history",
              c.at(),
              c.at(),
              "",
              List.of(c.kind().label()),
              summary,
              ""));
    }
    return out;
  }

  private Feeds.Channel channel(Optional<StationKind> kind) {
    String base = portal.config().publicBaseUrl();
    String qs = kind.map(k -> "?kind=" + k.code()).orElse("");
    String about = kind.map(StationKind::label).orElse("服务站点");
    return new Feeds.Channel(
        Feeds.TAG_PREFIX + "stations/changes" + kind.map(k -> "/kind/" + k.code()).orElse(""),
        Pages.SITE_NAME + " · " + about + "信息变更",
        about + "公开信息的每一次变化（原值 → 新值）和核实方式，最新的在前。",
        base + "/stations" + qs,
        base + "/stations.atom" + qs,
        base + "/stations.rss" + qs,
        base + "/stations.json" + qs,
        Pages.SITE_NAME,
        base + "/");
  }
}
