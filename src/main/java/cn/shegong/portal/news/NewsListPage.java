package cn.shegong.portal.news;

import cn.shegong.portal.common.Pagination;
import cn.shegong.portal.news.NewsRoutes.ActiveFilter;
import cn.shegong.portal.news.NewsRoutes.FeedLink;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The /news list's model, the same whether the database or the search index's copy answered (then
 * {@code fromIndex} says so on the page).
 */
final class NewsListPage {
  private NewsListPage() {}

  static Map<String, Object> model(
      ArticleFilter filter,
      Pagination pagination,
      List<? extends ListedArticle> articles,
      List<NewsFacets.Facet> facets,
      String base) {
    Map<String, Object> model = new HashMap<>();
    model.put("articles", articles);
    model.put("pagination", pagination);
    model.put("facets", facets);
    model.put("active", active(filter));
    model.put("feeds", feeds(filter));
    model.put("pagerBase", NewsLinks.pagerBase(filter));
    model.put("firstPage", NewsLinks.list(filter));
    model.put("canonical", base + NewsLinks.list(filter, pagination.page()));
    return model;
  }

  private static List<ActiveFilter> active(ArticleFilter f) {
    List<ActiveFilter> out = new ArrayList<>();
    f.region()
        .ifPresent(
            v ->
                out.add(new ActiveFilter("地区", v, NewsLinks.list(f.withRegion(Optional.empty())))));
    f.tag()
        .ifPresent(
            v -> out.add(new ActiveFilter("主题", v, NewsLinks.list(f.withTag(Optional.empty())))));
    f.year()
        .ifPresent(
            v ->
                out.add(
                    new ActiveFilter("年份", v + "年", NewsLinks.list(f.withYear(Optional.empty())))));
    f.month()
        .ifPresent(
            v ->
                out.add(
                    new ActiveFilter(
                        "月份", v + "月", NewsLinks.list(f.withMonth(Optional.empty())))));
    f.source()
        .ifPresent(
            v ->
                out.add(new ActiveFilter("来源", v, NewsLinks.list(f.withSource(Optional.empty())))));
    return out;
  }

  private static List<FeedLink> feeds(ArticleFilter f) {
    List<FeedLink> out = new ArrayList<>();
    f.region().ifPresent(v -> out.add(new FeedLink(v + "的报道", NewsLinks.regionFeed(v))));
    f.tag().ifPresent(v -> out.add(new FeedLink("主题：" + v, NewsLinks.tagFeed(v))));
    return out;
  }
}
