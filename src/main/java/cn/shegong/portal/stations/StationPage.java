package cn.shegong.portal.stations;

import cn.shegong.portal.common.ScriptJson;
import cn.shegong.portal.common.Zones;
import cn.shegong.portal.web.Portal;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;

/** Renders one station's page, with the report form in whatever state it is in. */
final class StationPage {
  private static final int ARTICLES = 10;

  private final Portal portal;
  private final ReportTokens tokens;
  private final StationArticles articles;

  StationPage(Portal portal, ReportTokens tokens, StationArticles articles) {
    this.portal = portal;
    this.tokens = tokens;
    this.articles = articles;
  }

  Future<Void> render(RoutingContext ctx, Station station, int status, ReportForm form) {
    if (status == 200 && ctx.request().method() == io.vertx.core.http.HttpMethod.GET) {
      // a lost count is no reason to fail the page
      Verification.countView(portal.pool(), station.id());
    }
    Future<Schedule> week =
        ScheduleApi.of(portal, station, java.time.LocalDate.now(Zones.CHINA), 7);
    Future<java.util.List<StationException>> notices =
        new StationExceptions(portal.pool())
            .noticesOn(java.util.List.of(station.id()), java.time.LocalDate.now(Zones.CHINA))
            .map(m -> m.getOrDefault(station.id(), java.util.List.of()));
    return Future.all(
            articles.about(station, ARTICLES),
            Verification.of(portal.pool(), station.id()),
            week,
            notices)
        .compose(
            all -> {
              Object mentions = all.resultAt(0);
              return tokens
                  .issue(station.id(), Instant.now())
                  .map(
                      token ->
                          new Object[] {
                            mentions, all.resultAt(1), token, all.resultAt(2), all.resultAt(3)
                          });
            })
        .compose(
            parts -> {
              Object mentions = parts[0];
              String token = (String) parts[2];
              Schedule schedule = (Schedule) parts[3];
              Map<String, Object> model = new HashMap<>();
              model.put("verification", parts[1]);
              model.put("week", schedule.days());
              model.put("notices", parts[4]);
              model.put("station", station);
              model.put("articles", mentions);
              model.put(
                  "openNow",
                  station.content().openingHours().isOpenAt(ZonedDateTime.now(Zones.CHINA)));
              model.put("report", form);
              model.put("reportToken", token);
              model.putAll(common(station));
              return portal.pages().render(ctx, status, "stations/station.ftlh", model);
            });
  }

  /**
   * The page from the in-memory copy while the database is away: the record as last read, its
   * regular hours but no "open now" (temporary closures cannot be read), no report form.
   */
  Future<Void> renderKept(RoutingContext ctx, Station station, Instant at) {
    Map<String, Object> model = new HashMap<>(common(station));
    model.put("station", station);
    model.put("notices", java.util.List.of());
    model.put("articles", java.util.List.of());
    model.put("report", ReportForm.EMPTY);
    return portal.pages().renderKept(ctx, "stations/station.ftlh", model, at);
  }

  private Map<String, Object> common(Station station) {
    Map<String, Object> model = new HashMap<>();
    model.put("mapLinks", MapCoordinates.linksFor(station));
    model.put("reportFields", ReportForm.FIELDS);
    model.put("pageStyles", true);
    String absoluteUrl = portal.config().publicBaseUrl() + station.url();
    model.put("absoluteUrl", absoluteUrl);
    model.put("jsonLd", ScriptJson.encode(StationMeta.jsonLd(station, absoluteUrl)));
    return model;
  }
}
