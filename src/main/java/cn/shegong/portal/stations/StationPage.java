package cn.shegong.portal.stations;

import cn.shegong.portal.web.Portal;
import cn.shegong.portal.common.Zones;
import cn.shegong.portal.news.Article;
import cn.shegong.portal.news.ArticleRepository;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Renders one station's page, with the report form in whatever state it is in. */
final class StationPage {
  private final Portal portal;
  private final ReportTokens tokens;

  StationPage(Portal portal, ReportTokens tokens) {
    this.portal = portal;
    this.tokens = tokens;
  }

  Future<Void> render(RoutingContext ctx, Station station, int status, ReportForm form) {
    return articles(station).compose(articles -> tokens.issue(station.id(), Instant.now()).compose(token -> {
      Map<String, Object> model = new HashMap<>();
      model.put("station", station);
      model.put("articles", articles);
      model.put("openNow", station.openingHours().isOpenAt(ZonedDateTime.now(Zones.CHINA)));
      model.put("mapLinks", MapCoordinates.linksFor(station));
      model.put("report", form);
      model.put("reportFields", ReportForm.FIELDS);
      model.put("reportToken", token);
      model.put("pageStyles", true);
      return portal.pages().render(ctx, status, "stations/station.ftlh", model);
    }));
  }

  /** Published articles linked to the station, or about its district; newest first. */
  private Future<List<Article>> articles(Station s) {
    return portal.pool().preparedQuery("SELECT " + ArticleRepository.COLUMNS + " FROM articles a "
            + "WHERE a.status = 'published' AND (EXISTS (SELECT 1 FROM article_stations l "
            + "WHERE l.article_id = a.id AND l.station_id = $1) "
            + "OR ($2 <> '' AND a.district = $2 AND a.city = $3 AND a.province = $4)) "
            + "ORDER BY a.published_at DESC, a.id DESC LIMIT 10")
        .execute(Tuple.of(s.id(), s.region().district(), s.region().city(), s.region().province()))
        .map(ArticleRepository::mapAll);
  }
}
