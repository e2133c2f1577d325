package cn.shegong.portal.stations;

import cn.shegong.portal.common.Region;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A place where residents get social-work help. Coordinates are WGS-84; either may be null when
 * unknown.
 */
public record Station(
    long id,
    String slug,
    String name,
    StationKind kind,
    String organization,
    String description,
    String address,
    Region region,
    String township,
    Double latitude,
    Double longitude,
    LocationPrecision locationPrecision,
    String phone,
    OpeningHours openingHours,
    List<String> services,
    List<String> targetGroups,
    StationStatus status,
    LocalDate verifiedAt,
    String sourceArticleSlug,
    int version,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt) {

  public String url() {
    return urlOf(slug);
  }

  /**
   * The public address of the station with this slug: the one place the /stations/ rule is written.
   */
  public static String urlOf(String slug) {
    return "/stations/" + slug;
  }

  public boolean hasLocation() {
    return latitude != null && longitude != null;
  }
}
