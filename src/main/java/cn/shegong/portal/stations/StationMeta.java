package cn.shegong.portal.stations;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * What a station page tells machines: a schema.org Place with its address, position, telephone and
 * hours.
 */
final class StationMeta {
  private StationMeta() {}

  /**
   * Only what the record states: no telephone, position or hours are given when the station has
   * none.
   */
  static JsonObject jsonLd(Station s, String absoluteUrl) {
    JsonObject ld =
        new JsonObject()
            .put("@context", "https://schema.org")
            .put("@type", "Place")
            .put("@id", absoluteUrl)
            .put("name", s.name())
            .put("url", absoluteUrl)
            .put("address", address(s));
    if (!s.content().description().isBlank()) ld.put("description", s.content().description());
    if (s.hasLocation()) {
      ld.put(
          "geo",
          new JsonObject()
              .put("@type", "GeoCoordinates")
              .put("latitude", s.content().latitude())
              .put("longitude", s.content().longitude()));
    }
    if (!s.content().phone().isBlank()) ld.put("telephone", s.content().phone());
    if (s.content().openingHours().known())
      ld.put("openingHoursSpecification", hours(s.content().openingHours()));
    if (!s.content().services().isEmpty())
      ld.put("keywords", String.join(",", s.content().services()));
    // the position's precision: a street or district centre is not the door
    ld.put(
        "additionalProperty",
        new JsonObject()
            .put("@type", "PropertyValue")
            .put("name", "位置精度")
            .put("value", s.content().locationPrecision().label()));
    return ld;
  }

  private static JsonObject address(Station s) {
    JsonObject a = new JsonObject().put("@type", "PostalAddress").put("addressCountry", "CN");
    String street =
        s.content().address().isBlank() ? s.content().township() : s.content().address();
    if (!street.isBlank()) a.put("streetAddress", street);
    String locality = s.content().region().city() + s.content().region().district();
    if (!locality.isBlank()) a.put("addressLocality", locality);
    if (!s.content().region().province().isBlank())
      a.put("addressRegion", s.content().region().province());
    return a;
  }

  private static JsonArray hours(OpeningHours h) {
    JsonArray out = new JsonArray();
    for (OpeningHours.Interval i : h.intervals()) {
      String day = i.day().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
      out.add(
          new JsonObject()
              .put("@type", "OpeningHoursSpecification")
              .put("dayOfWeek", "https://schema.org/" + day)
              .put("opens", i.open().toString())
              .put("closes", i.close().equals(LocalTime.MAX) ? "23:59" : i.close().toString()));
    }
    return out;
  }
}
