package cn.shegong.portal.news;

import cn.shegong.portal.common.HttpError;
import cn.shegong.portal.common.Params;
import cn.shegong.portal.common.Zones;
import io.vertx.ext.web.RoutingContext;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;

/**
 * Which published articles a list, feed or API call asks for. {@code region} matches a province,
 * city or district by name; {@code month} needs {@code year}; {@code since} is the first moment
 * included.
 */
public record ArticleFilter(
    Optional<String> region,
    Optional<String> tag,
    Optional<Integer> year,
    Optional<Integer> month,
    Optional<String> source,
    Optional<OffsetDateTime> since) {

  static final int MAX_TEXT = 100;
  static final int MIN_YEAR = 1949;
  static final int MAX_YEAR = 2100;

  public static final ArticleFilter NONE =
      new ArticleFilter(
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty());

  public boolean isEmpty() {
    return this.equals(NONE);
  }

  public ArticleFilter withRegion(Optional<String> v) {
    return new ArticleFilter(v, tag, year, month, source, since);
  }

  public ArticleFilter withTag(Optional<String> v) {
    return new ArticleFilter(region, v, year, month, source, since);
  }

  public ArticleFilter withYear(Optional<Integer> v) {
    // a month without its year means nothing, so it goes with the year
    return new ArticleFilter(region, tag, v, v.isEmpty() ? Optional.empty() : month, source, since);
  }

  public ArticleFilter withMonth(Optional<Integer> v) {
    return new ArticleFilter(region, tag, year, v, source, since);
  }

  public ArticleFilter withSource(Optional<String> v) {
    return new ArticleFilter(region, tag, year, month, v, since);
  }

  /** The filters of the /news page; any other parameter than these (and utm_*) is refused. */
  public static ArticleFilter forList(RoutingContext ctx) {
    refuseUnknown(ctx, Set.of("region", "tag", "year", "month", "source", "page"));
    Optional<Integer> year = number(ctx, "year", MIN_YEAR, MAX_YEAR);
    Optional<Integer> month = number(ctx, "month", 1, 12);
    if (month.isPresent() && year.isEmpty()) throw HttpError.badRequest("按月份筛选时，请同时选择年份（year）");
    return new ArticleFilter(
        text(ctx, "region"), text(ctx, "tag"), year, month, text(ctx, "source"), Optional.empty());
  }

  /**
   * The filters of the feeds: region and tag; other parameters are ignored, as feed readers add
   * their own.
   */
  public static ArticleFilter forFeed(RoutingContext ctx) {
    return NONE.withRegion(text(ctx, "region")).withTag(text(ctx, "tag"));
  }

  /** The filters of GET /api/articles, which refuses parameters it does not know. */
  public static ArticleFilter forApi(RoutingContext ctx) {
    refuseUnknown(
        ctx, Set.of("region", "tag", "since", "limit", "offset", "year", "month", "source"));
    Optional<Integer> year = number(ctx, "year", MIN_YEAR, MAX_YEAR);
    Optional<Integer> month = number(ctx, "month", 1, 12);
    if (month.isPresent() && year.isEmpty()) throw HttpError.badRequest("参数 month 需要同时给出 year");
    return new ArticleFilter(
        text(ctx, "region"), text(ctx, "tag"), year, month, text(ctx, "source"), since(ctx));
  }

  private static Optional<OffsetDateTime> since(RoutingContext ctx) {
    Optional<String> v = Params.text(ctx, "since", 40);
    if (v.isEmpty()) return Optional.empty();
    String s = v.get();
    try {
      if (s.length() == 10)
        return Optional.of(LocalDate.parse(s).atStartOfDay(Zones.CHINA).toOffsetDateTime());
      if (s.endsWith("Z") || s.matches(".*[+-]\\d\\d:\\d\\d$"))
        return Optional.of(OffsetDateTime.parse(s));
      return Optional.of(LocalDateTime.parse(s).atZone(Zones.CHINA).toOffsetDateTime());
    } catch (DateTimeParseException e) {
      throw HttpError.badRequest("参数 since 应为 ISO 日期，如 2024-01-31 或 2024-01-31T08:00:00+08:00");
    }
  }

  private static Optional<String> text(RoutingContext ctx, String name) {
    Optional<String> v = Params.text(ctx, name, MAX_TEXT);
    if (v.isPresent() && v.get().chars().anyMatch(Character::isISOControl)) {
      throw HttpError.badRequest("参数 " + name + " 含有不可见的控制字符");
    }
    return v;
  }

  private static Optional<Integer> number(RoutingContext ctx, String name, int min, int max) {
    if (Params.text(ctx, name, 12).isEmpty()) return Optional.empty();
    return Optional.of(Params.integer(ctx, name, min, min, max));
  }

  private static void refuseUnknown(RoutingContext ctx, Set<String> known) {
    for (String name : ctx.queryParams().names()) {
      if (!known.contains(name) && !name.startsWith("utm_")) {
        String shown = name.length() > 40 ? name.substring(0, 40) + "…" : name;
        throw HttpError.badRequest(
            "不认识的参数：" + shown + "（可用：" + String.join("、", known.stream().sorted().toList()) + "）");
      }
    }
  }
}
