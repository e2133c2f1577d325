package cn.shegong.portal.stations;

import cn.shegong.portal.common.Region;
import java.time.LocalDate;
import java.util.List;

/** A station's content as entered or imported, before the database gives it an id and a version. */
public record StationDraft(
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
    String sourceArticleSlug) {

  public StationDraft {
    services = List.copyOf(services);
    targetGroups = List.copyOf(targetGroups);
  }
}
