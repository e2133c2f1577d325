package cn.shegong.portal.stations;

import cn.shegong.portal.common.ScriptJson;
import cn.shegong.portal.web.Portal;
import cn.shegong.portal.common.Zones;
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
    return articles.about(station, ARTICLES).compose(mentions -> tokens.issue(station.id(), Instant.now()).compose(token -> {
      Map<String, Object> model = new HashMap<>();
      model.put("station", station);
      model.put("articles", mentions);
      model.put("openNow", station.openingHours().isOpenAt(ZonedDateTime.now(Zones.CHINA)));
      model.put("mapLinks", MapCoordinates.linksFor(station));
      model.put("report", form);
      model.put("reportFields", ReportForm.FIELDS);
      model.put("reportToken", token);
      model.put("pageStyles", true);
      String absoluteUrl = portal.config().publicBaseUrl() + station.url();
      model.put("absoluteUrl", absoluteUrl);
      model.put("jsonLd", ScriptJson.encode(StationMeta.jsonLd(station, absoluteUrl)));
      return portal.pages().render(ctx, status, "stations/station.ftlh", model);
    }));
  }
}
