package cn.shegong.portal.hsds;

import cn.shegong.portal.hsds.HsdsTaxonomy.Term;
import cn.shegong.portal.stations.Station;
import cn.shegong.portal.stations.StationStatus;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * One station as HSDS 3.0 objects: a service, delivered at one location, by its organisation (when
 * named). Only what is known is written: an unknown value is left out, never filled with a guess.
 */
public final class HsdsJson {
  /** The location's external identifier type: the station's slug, which the portal's URLs use. */
  public static final String SLUG_TYPE = "shegong_slug";

  private final String baseUrl;

  public HsdsJson(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  public static String status(StationStatus s) {
    return switch (s) {
      case ACTIVE -> "active";
      case TEMPORARILY_CLOSED -> "temporarily closed";
      case CLOSED -> "defunct";
    };
  }

  public static StationStatus status(String hsds) {
    return switch (hsds == null ? "active" : hsds) {
      case "temporarily closed", "inactive" -> StationStatus.TEMPORARILY_CLOSED;
      case "defunct" -> StationStatus.CLOSED;
      default -> StationStatus.ACTIVE;
    };
  }

  /** The one-to-one fields of the service (the service_list shape, also the services.csv row). */
  public JsonObject serviceRow(Station s) {
    JsonObject o = new JsonObject().put("id", HsdsIds.service(s.slug()));
    if (!s.content().organization().isEmpty())
      o.put("organization_id", HsdsIds.organization(s.content().organization()));
    o.put("name", s.name());
    if (!s.content().description().isEmpty()) o.put("description", s.content().description());
    o.put("url", baseUrl + s.url()).put("status", status(s.content().status()));
    if (s.content().verifiedAt() != null)
      o.put("assured_date", s.content().verifiedAt().toString());
    return o.put("last_modified", s.updatedAt().toInstant().toString());
  }

  public JsonObject serviceList(Station s) {
    JsonObject o = serviceRow(s);
    if (!s.content().organization().isEmpty())
      o.put("organization", organization(s.content().organization()));
    return o;
  }

  public JsonObject service(Station s) {
    JsonObject o = serviceList(s);
    o.put("phones", new JsonArray(phones(s)));
    o.put("schedules", new JsonArray(schedules(s)));
    o.put("service_at_locations", new JsonArray().add(serviceAtLocation(s, false)));
    o.put("attributes", new JsonArray(serviceAttributes(s)));
    return o;
  }

  public static JsonObject organization(String name) {
    return new JsonObject()
        .put("id", HsdsIds.organization(name))
        .put("name", name)
        .put("description", "");
  }

  public List<JsonObject> phones(Station s) {
    if (s.content().phone().isBlank()) return List.of();
    return List.of(
        new JsonObject()
            .put("id", HsdsIds.phone(s.slug()))
            .put("service_id", HsdsIds.service(s.slug()))
            .put("number", s.content().phone())
            .put("type", "voice"));
  }

  public List<JsonObject> schedules(Station s) {
    return HsdsSchedules.of(s.slug(), HsdsIds.service(s.slug()), s.content().openingHours());
  }

  /** The location row: a physical place; latitude and longitude only when known. */
  public JsonObject locationRow(Station s) {
    JsonObject o =
        new JsonObject().put("id", HsdsIds.location(s.slug())).put("location_type", "physical");
    if (!s.content().organization().isEmpty())
      o.put("organization_id", HsdsIds.organization(s.content().organization()));
    o.put("name", s.name());
    if (s.hasLocation())
      o.put("latitude", s.content().latitude()).put("longitude", s.content().longitude());
    return o.put("external_identifier", s.slug()).put("external_identifier_type", SLUG_TYPE);
  }

  public JsonObject location(Station s) {
    JsonObject o = locationRow(s);
    o.put("addresses", new JsonArray(addresses(s)));
    o.put(
        "attributes",
        new JsonArray()
            .add(
                attribute(
                    s,
                    HsdsTaxonomy.precision(s.content().locationPrecision()),
                    HsdsIds.location(s.slug()),
                    "location")));
    return o;
  }

  /**
   * The postal code is required by HSDS but not known to the portal: it stays empty rather than
   * guessed.
   */
  public List<JsonObject> addresses(Station s) {
    if (s.content().address().isEmpty() && s.content().region().province().isEmpty())
      return List.of();
    JsonObject a =
        new JsonObject()
            .put("id", HsdsIds.address(s.slug()))
            .put("location_id", HsdsIds.location(s.slug()))
            .put("address_1", s.content().address());
    if (!s.content().township().isEmpty()) a.put("address_2", s.content().township());
    a.put("city", s.content().region().city());
    if (!s.content().region().district().isEmpty())
      a.put("region", s.content().region().district());
    return List.of(
        a.put("state_province", s.content().region().province())
            .put("postal_code", "")
            .put("country", "CN")
            .put("address_type", "physical"));
  }

  public JsonObject serviceAtLocationRow(Station s) {
    return new JsonObject()
        .put("id", HsdsIds.serviceAtLocation(s.slug()))
        .put("service_id", HsdsIds.service(s.slug()))
        .put("location_id", HsdsIds.location(s.slug()));
  }

  /**
   * With {@code withService}, the service_at_location endpoints' shape; without, nested inside a
   * service.
   */
  public JsonObject serviceAtLocation(Station s, boolean withService) {
    JsonObject o = serviceAtLocationRow(s).put("location", location(s));
    if (withService) o.put("service", serviceList(s));
    return o;
  }

  public JsonObject serviceAtLocationFull(Station s) {
    return serviceAtLocation(s, true)
        .put("phones", new JsonArray(phones(s)))
        .put("schedules", new JsonArray(schedules(s)));
  }

  /** The service's taxonomy terms: its kind, services and target groups. */
  public List<JsonObject> serviceAttributes(Station s) {
    String id = HsdsIds.service(s.slug());
    List<JsonObject> out = new ArrayList<>();
    out.add(attribute(s, HsdsTaxonomy.kind(s.content().kind()), id, "service"));
    // a value listed twice is one term, one attribute
    for (String v : new LinkedHashSet<>(s.content().services()))
      out.add(attribute(s, HsdsTaxonomy.service(v), id, "service"));
    for (String v : new LinkedHashSet<>(s.content().targetGroups()))
      out.add(attribute(s, HsdsTaxonomy.target(v), id, "service"));
    return out;
  }

  static JsonObject attributeRow(Station s, Term t, String linkId, String entity) {
    return new JsonObject()
        .put("id", HsdsIds.attribute(s.slug(), entity + "/" + t.id()))
        .put("link_id", linkId)
        .put("taxonomy_term_id", t.id())
        .put("link_type", t.scheme().code())
        .put("link_entity", entity)
        .put("value", t.value());
  }

  private static JsonObject attribute(Station s, Term t, String linkId, String entity) {
    return attributeRow(s, t, linkId, entity).put("taxonomy_term", t.toJson());
  }
}
