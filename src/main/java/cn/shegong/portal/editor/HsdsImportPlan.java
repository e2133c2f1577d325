package cn.shegong.portal.editor;

import cn.shegong.portal.hsds.HsdsIds;
import cn.shegong.portal.hsds.HsdsIncoming;
import cn.shegong.portal.stations.Station;
import cn.shegong.portal.stations.StationCsvFormat;
import cn.shegong.portal.stations.StationDraft;
import cn.shegong.portal.stations.StationHsdsIds;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.SqlClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What an HSDS import would do, service by service: a station is found by the HSDS service id it
 * was imported with, else by its slug when the id is the portal's own (UUID v5 of the slug);
 * otherwise it is new. A value HSDS cannot carry exactly (hours beyond the week, the order of
 * services) stays as stored when HSDS says the same; a station whose row comes out the same is left
 * alone, so importing the same package twice changes nothing.
 */
final class HsdsImportPlan {
  /** One line of the report. */
  public record Step(String ref, String action, String slug, String name, List<String> messages) {
    public String actionLabel() {
      return switch (action) {
        case "create" -> "新建";
        case "update" -> "更新";
        case "unchanged" -> "不变，跳过";
        default -> "有错误，跳过";
      };
    }
  }

  record Write(StationDraft draft, String serviceId, String locationId) {}

  public record Plan(List<Step> steps, List<Write> writes) {
    public long count(String action) {
      return steps.stream().filter(s -> s.action().equals(action)).count();
    }
  }

  private record Known(Station station, String serviceId, String locationId) {}

  private HsdsImportPlan() {}

  /** Reads the stations the services may be, then plans on a worker (thousands of rows). */
  static Future<Plan> make(
      Vertx vertx, SqlClient db, List<HsdsIncoming> incoming, String defaultKind) {
    return ownSlugs(vertx, db, incoming)
        .compose(
            named -> {
              List<String> ids = new ArrayList<>();
              List<String> slugs = new ArrayList<>();
              for (HsdsIncoming in : named) {
                if (HsdsIds.parse(in.serviceId()) != null) ids.add(in.serviceId());
                slugs.add(in.row().get("id"));
                slugs.add(fallbackSlug(in));
              }
              return StationHsdsIds.find(db, ids.stream().map(UUID::fromString).toList(), slugs)
                  .compose(
                      known -> vertx.executeBlocking(() -> plan(known, named, defaultKind), false));
            });
  }

  /**
   * A service that names no slug (no location, as in a service_list) may still carry the portal's
   * own id, the UUID v5 of a slug: those are looked up among the stations without HSDS ids.
   */
  private static Future<List<HsdsIncoming>> ownSlugs(
      Vertx vertx, SqlClient db, List<HsdsIncoming> incoming) {
    if (incoming.stream().noneMatch(in -> in.row().get("id").isEmpty()))
      return Future.succeededFuture(incoming);
    return StationHsdsIds.slugsWithoutIds(db)
        .compose(
            own ->
                vertx.executeBlocking(
                    () -> {
                      Map<String, String> byOwnId = new HashMap<>();
                      for (String slug : own) byOwnId.put(HsdsIds.service(slug), slug);
                      List<HsdsIncoming> out = new ArrayList<>();
                      for (HsdsIncoming in : incoming) {
                        String slug = byOwnId.get(in.serviceId());
                        out.add(
                            in.row().get("id").isEmpty() && slug != null ? in.withSlug(slug) : in);
                      }
                      return out;
                    },
                    false));
  }

  private static Plan plan(
      List<StationHsdsIds.Known> rows, List<HsdsIncoming> incoming, String defaultKind) {
    Map<String, Known> byId = new HashMap<>();
    Map<String, Known> bySlug = new HashMap<>();
    for (StationHsdsIds.Known r : rows) {
      Known k = new Known(r.station(), r.serviceId(), r.locationId());
      if (k.serviceId() != null) byId.put(k.serviceId(), k);
      bySlug.put(k.station().slug(), k);
    }
    List<Step> steps = new ArrayList<>();
    List<Write> writes = new ArrayList<>();
    Set<String> seenIds = new HashSet<>();
    Set<String> takenSlugs = new HashSet<>();
    for (HsdsIncoming in : incoming) {
      String name = in.row().get("name");
      if (!seenIds.add(in.serviceId())) {
        steps.add(
            new Step(
                in.ref(), "error", "", name, List.of("服务 id " + in.serviceId() + " 在文件中重复出现")));
        continue;
      }
      Known known = byId.get(in.serviceId());
      String hint = in.row().get("id");
      if (known == null && !hint.isEmpty()) {
        Known k = bySlug.get(hint);
        if (k != null && k.serviceId() == null && HsdsIds.service(hint).equals(in.serviceId()))
          known = k;
      }
      String slug;
      if (known != null) slug = known.station().slug();
      else if (!hint.isEmpty() && !bySlug.containsKey(hint) && !takenSlugs.contains(hint))
        slug = hint;
      else slug = fallbackSlug(in);
      if (known == null && (bySlug.containsKey(slug) || !takenSlugs.add(slug))) {
        steps.add(new Step(in.ref(), "error", slug, name, List.of("站点标识 " + slug + " 已被另一个站点使用")));
        continue;
      }
      Map<String, String> row =
          HsdsImportRows.row(in, slug, known == null ? null : known.station(), defaultKind);
      List<String> messages = new ArrayList<>(in.notes());
      if (row.get("kind").isEmpty()) {
        messages.add(in.ref() + "，字段 attributes：缺少站点类型（station_kind），请在上传时选择默认的站点类型");
        steps.add(new Step(in.ref(), "error", slug, name, messages));
        continue;
      }
      StationCsvFormat.Parsed parsed = StationCsvFormat.parse(row);
      if (!parsed.ok()) {
        for (String e : parsed.errors()) messages.add(in.ref() + "，" + HsdsImportRows.hsdsField(e));
        steps.add(new Step(in.ref(), "error", slug, name, messages));
        continue;
      }
      String locationId =
          HsdsIds.parse(in.locationId()) == null ? null : in.locationId().toLowerCase();
      if (known != null && same(known, row, locationId)) {
        steps.add(new Step(in.ref(), "unchanged", slug, name, messages));
        continue;
      }
      steps.add(new Step(in.ref(), known == null ? "create" : "update", slug, name, messages));
      writes.add(new Write(parsed.draft(), in.serviceId(), locationId));
    }
    return new Plan(steps, writes);
  }

  /** The row and the HSDS ids are those stored (a station's own ids are derived from its slug). */
  private static boolean same(Known k, Map<String, String> row, String locationId) {
    if (!HsdsImportRows.columns(k.station()).equals(row)) return false;
    String slug = k.station().slug();
    String stored = k.locationId() != null ? k.locationId() : HsdsIds.location(slug);
    return locationId == null || locationId.equals(stored);
  }

  private static String fallbackSlug(HsdsIncoming in) {
    return "hsds-" + in.serviceId().toLowerCase().replaceAll("[^a-z0-9-]", "");
  }
}
