package cn.shegong.portal.stations;

import io.vertx.core.Future;
import java.util.List;

/**
 * The published reports about a station for its page, newest first: those linked to it or about its
 * district. The articles table belongs to news, which answers this (news.ArticleLinks); stations
 * only show the result, so the dependency points from news to stations and never back.
 */
public interface StationArticles {
  Future<List<? extends Mention>> about(Station station, int limit);

  /** What the station page shows of a report. */
  interface Mention {
    String url();

    String title();

    String displayDate();
  }
}
