package cn.shegong.portal.stations;

import java.time.OffsetDateTime;

/**
 * A place where residents get social-work help, as stored: its record ({@link StationDraft}, the
 * one list of a station's fields, also what the desk, imports and seeds write) with the database's
 * id, version and times.
 */
public record Station(
    long id,
    StationDraft content,
    int version,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt) {

  /** The address every link uses. */
  public String slug() {
    return content.slug();
  }

  /** The name every link shows. */
  public String name() {
    return content.name();
  }

  public String url() {
    return urlOf(content.slug());
  }

  /**
   * The public address of the station with this slug: the one place the /stations/ rule is written.
   */
  public static String urlOf(String slug) {
    return "/stations/" + slug;
  }

  public boolean hasLocation() {
    return content.latitude() != null && content.longitude() != null;
  }
}
