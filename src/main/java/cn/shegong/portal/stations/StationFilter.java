package cn.shegong.portal.stations;

import cn.shegong.portal.common.HttpError;
import cn.shegong.portal.common.Params;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The filters of the station list and the open-data API, read strictly from the query string. */
public record StationFilter(
    StationKind kind,
    String province,
    String city,
    String district,
    String service,
    String target,
    String text,
    NearbyQuery near) {

  public static final StationFilter ALL = new StationFilter(null, "", "", "", "", "", "", null);

  public static StationFilter from(RoutingContext ctx) {
    StationKind kind =
        Params.text(ctx, "kind", 20)
            .map(
                code ->
                    StationKind.fromCode(code)
                        .orElseThrow(
                            () -> HttpError.badRequest("参数 kind 应为 " + StationKind.choices())))
            .orElse(null);
    NearbyQuery near =
        NearbyQuery.parse(Params.text(ctx, "near", 60), Params.text(ctx, "radius_km", 20))
            .orElse(null);
    return new StationFilter(
        kind,
        text(ctx, "province"),
        text(ctx, "city"),
        text(ctx, "district"),
        text(ctx, "service"),
        text(ctx, "target"),
        Params.text(ctx, "q", 100).orElse(""),
        near);
  }

  private static String text(RoutingContext ctx, String name) {
    return Params.text(ctx, name, 60).orElse("");
  }

  public Optional<NearbyQuery> nearby() {
    return Optional.ofNullable(near);
  }

  /**
   * Whether a station passes the kind, place, service and target filters, as the SQL's WHERE would:
   * the copies kept in memory filter with this; free text and distance are not part of it.
   */
  boolean admits(Station s) {
    StationDraft c = s.content();
    return (kind == null || c.kind() == kind)
        && (province.isEmpty() || province.equals(c.region().province()))
        && (city.isEmpty() || city.equals(c.region().city()))
        && (district.isEmpty() || district.equals(c.region().district()))
        && (service.isEmpty() || c.services().contains(service))
        && (target.isEmpty() || c.targetGroups().contains(target));
  }

  public boolean hasPlace() {
    return !province.isEmpty() || !city.isEmpty() || !district.isEmpty();
  }

  /** The same filters with the place replaced by a point, for "nearest to this district". */
  public StationFilter nearInsteadOfPlace(NearbyQuery point) {
    return new StationFilter(kind, "", "", "", service, target, text, point);
  }

  public StationFilter withNear(NearbyQuery point) {
    return new StationFilter(kind, province, city, district, service, target, text, point);
  }

  /** The filters as a query string without page ("kind=psych&near=…"), for bookmarkable links. */
  public String queryString() {
    List<String> parts = new ArrayList<>();
    if (kind != null) add(parts, "kind", kind.code());
    add(parts, "province", province);
    add(parts, "city", city);
    add(parts, "district", district);
    add(parts, "service", service);
    add(parts, "target", target);
    add(parts, "q", text);
    if (near != null) {
      add(parts, "near", near.nearParam());
      if (near.radiusKm() != null) add(parts, "radius_km", stripZeros(near.radiusKm()));
    }
    return String.join("&", parts);
  }

  private static void add(List<String> parts, String name, String value) {
    if (value != null && !value.isEmpty()) {
      parts.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
    }
  }

  static String stripZeros(double d) {
    return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
  }
}
