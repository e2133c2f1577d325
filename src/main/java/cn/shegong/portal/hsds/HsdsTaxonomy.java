package cn.shegong.portal.hsds;

import cn.shegong.portal.stations.LocationPrecision;
import cn.shegong.portal.stations.StationKind;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * The portal's published taxonomies: station kinds, services, target groups and how exact a
 * location is. Kinds and precisions are fixed lists; services and target groups are the values the
 * stations use.
 */
public final class HsdsTaxonomy {
  public enum Scheme {
    STATION_KIND("station_kind", "站点类型", "社工站点的类型（" + StationKind.labels() + "）。"),
    SERVICE("service", "服务内容", "站点提供的社会工作服务。"),
    TARGET_GROUP("target_group", "服务对象", "站点服务的人群。"),
    LOCATION_PRECISION("location_precision", "位置精度", "地图上的位置有多准确：精确、街道、区县或城市。");

    private final String code;
    private final String label;
    private final String description;

    Scheme(String code, String label, String description) {
      this.code = code;
      this.label = label;
      this.description = description;
    }

    public String code() {
      return code;
    }

    public String id() {
      return HsdsIds.taxonomy(code);
    }

    public JsonObject toJson() {
      return new JsonObject()
          .put("id", id())
          .put("name", label)
          .put("description", description)
          .put("version", "1");
    }

    public static Scheme byId(String id) {
      for (Scheme s : values()) if (s.id().equals(id)) return s;
      return null;
    }

    public static Scheme byCode(String code) {
      for (Scheme s : values()) if (s.code.equals(code)) return s;
      return null;
    }
  }

  /** One term; {@code value} is what the station stores (a kind code, a service's text). */
  public record Term(Scheme scheme, String value, String name) {
    public String id() {
      return HsdsIds.term(scheme.code(), value);
    }

    public JsonObject toJson() {
      return new JsonObject()
          .put("id", id())
          .put("code", value)
          .put("name", name)
          .put("description", scheme.label + "：" + name)
          .put("taxonomy", scheme.code())
          .put("language", "zh")
          .put("taxonomy_id", scheme.id());
    }
  }

  private HsdsTaxonomy() {}

  public static Term kind(StationKind k) {
    return new Term(Scheme.STATION_KIND, k.code(), k.label());
  }

  public static Term precision(LocationPrecision p) {
    return new Term(Scheme.LOCATION_PRECISION, p.code(), p.label());
  }

  public static Term service(String value) {
    return new Term(Scheme.SERVICE, value, value);
  }

  public static Term target(String value) {
    return new Term(Scheme.TARGET_GROUP, value, value);
  }

  /** Every term, in taxonomy order, given the services and target groups in use. */
  public static List<Term> all(List<String> services, List<String> targets) {
    List<Term> out = new ArrayList<>();
    for (StationKind k : StationKind.values()) out.add(kind(k));
    for (String s : services) out.add(service(s));
    for (String t : targets) out.add(target(t));
    for (LocationPrecision p : LocationPrecision.values()) out.add(precision(p));
    return out;
  }
}
