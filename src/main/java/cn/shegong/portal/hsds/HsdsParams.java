package cn.shegong.portal.hsds;

import cn.shegong.portal.common.HttpError;
import cn.shegong.portal.common.Params;
import cn.shegong.portal.common.Zones;
import cn.shegong.portal.hsds.HsdsDirectory.Names;
import cn.shegong.portal.hsds.HsdsTaxonomy.Scheme;
import cn.shegong.portal.hsds.HsdsTaxonomy.Term;
import cn.shegong.portal.stations.NearbyQuery;
import cn.shegong.portal.stations.StationCatalog.Filter;
import cn.shegong.portal.stations.StationCatalog.Listed;
import cn.shegong.portal.stations.StationKind;
import io.vertx.ext.web.RoutingContext;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The HSDS API's query parameters, read strictly (a malformed one is a 400): {@code search}, {@code
 * page}, {@code per_page}, {@code modified_after}, {@code organization_id}, {@code
 * taxonomy_term_id}, {@code taxonomy_id}, {@code format} and the proximity filter {@code
 * near=LAT,LON} with {@code proximity} in metres. Every filter given must hold (AND).
 */
record HsdsParams(
    String search,
    int page,
    int perPage,
    OffsetDateTime modifiedAfter,
    String organizationId,
    String taxonomyTermId,
    String taxonomyId,
    boolean ndjson,
    NearbyQuery near) {
  static final int DEFAULT_PER_PAGE = 50;
  static final int MAX_PER_PAGE = 500;
  static final double MAX_PROXIMITY_M = 1_000_000;

  static HsdsParams from(RoutingContext ctx) {
    String format = Params.text(ctx, "format", 10).orElse("json");
    if (!format.equals("json") && !format.equals("ndjson"))
      throw HttpError.badRequest("参数 format 应为 json 或 ndjson");
    return new HsdsParams(
        Params.text(ctx, "search", 100).orElse(null),
        Params.page(ctx),
        Params.integer(ctx, "per_page", DEFAULT_PER_PAGE, 1, MAX_PER_PAGE),
        Params.text(ctx, "modified_after", 40).map(HsdsParams::dateTime).orElse(null),
        uuid(ctx, "organization_id"),
        uuid(ctx, "taxonomy_term_id"),
        uuid(ctx, "taxonomy_id"),
        format.equals("ndjson"),
        near(ctx));
  }

  long offset() {
    return (long) (page - 1) * perPage;
  }

  /** The stations these parameters select; ids that name nothing select nothing. */
  Filter filter(Names names) {
    boolean none = false;
    String organization = null;
    if (organizationId != null) {
      organization = names.organizations().get(organizationId);
      none = organization == null;
    }
    StationKind kind = null;
    String service = null;
    String target = null;
    if (taxonomyTermId != null) {
      Term t = names.termsById().get(taxonomyTermId);
      if (t == null || t.scheme() == Scheme.LOCATION_PRECISION) none = true;
      else
        switch (t.scheme()) {
          case STATION_KIND -> kind = StationKind.fromCode(t.value()).orElseThrow();
          case SERVICE -> service = t.value();
          default -> target = t.value();
        }
    }
    Listed listed = null;
    if (taxonomyId != null) {
      Scheme s = Scheme.byId(taxonomyId);
      if (s == null || s == Scheme.LOCATION_PRECISION) none = true;
      else
        listed =
            switch (s) {
              case STATION_KIND -> Listed.KIND;
              case SERVICE -> Listed.SERVICES;
              default -> Listed.TARGET_GROUPS;
            };
    }
    return new Filter(
        search, modifiedAfter, organization, kind, service, target, listed, near, none);
  }

  private static String uuid(RoutingContext ctx, String name) {
    Optional<String> v = Params.text(ctx, name, 40);
    if (v.isEmpty()) return null;
    if (HsdsIds.parse(v.get()) == null) throw HttpError.badRequest("参数 " + name + " 应为 UUID");
    return v.get().toLowerCase(java.util.Locale.ROOT);
  }

  /** An ISO date-time with offset, or a date (the start of that day in China). */
  static OffsetDateTime dateTime(String text) {
    try {
      return OffsetDateTime.parse(text);
    } catch (DateTimeParseException e) {
      try {
        return LocalDate.parse(text).atStartOfDay(Zones.CHINA).toOffsetDateTime();
      } catch (DateTimeParseException e2) {
        throw HttpError.badRequest(
            "参数 modified_after 应为日期（2026-01-31）或带时区的时间（2026-01-31T08:00:00+08:00）");
      }
    }
  }

  private static NearbyQuery near(RoutingContext ctx) {
    Optional<String> near = Params.text(ctx, "near", 60);
    Optional<String> proximity = Params.text(ctx, "proximity", 20);
    if (near.isPresent() != proximity.isPresent()) {
      throw HttpError.badRequest("距离筛选需要同时给出 near（纬度,经度）和 proximity（米）");
    }
    if (near.isEmpty()) return null;
    double metres;
    try {
      metres = Double.parseDouble(proximity.get());
    } catch (NumberFormatException e) {
      metres = -1;
    }
    if (!(metres > 0 && metres <= MAX_PROXIMITY_M)) {
      throw HttpError.badRequest("参数 proximity 应为大于 0、不超过 1000000 的米数");
    }
    NearbyQuery point = NearbyQuery.parse(near, Optional.empty()).orElseThrow();
    return new NearbyQuery(point.latitude(), point.longitude(), metres / 1000);
  }
}
