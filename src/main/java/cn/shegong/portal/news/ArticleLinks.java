package cn.shegong.portal.news;

import cn.shegong.portal.stations.Station;
import cn.shegong.portal.stations.StationArticles;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import java.util.List;

/**
 * The news side of a station page: the published reports linked to the station or about its
 * district.
 */
public final class ArticleLinks implements StationArticles {
  private final ArticleRepository articles;

  public ArticleLinks(SqlClient db) {
    this.articles = new ArticleRepository(db);
  }

  @Override
  public Future<List<? extends Mention>> about(Station station, int limit) {
    return articles
        .listPublishedAbout(station.id(), station.content().region(), limit)
        .map(list -> list);
  }
}
