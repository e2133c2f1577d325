package cn.shegong.portal.stations;

import java.util.HashMap;
import java.util.Map;

/**
 * Makes equal field values of the stations kept in memory one object. Tens of thousands of stations
 * repeat a few thousand places, a few hundred lists of services, the same empty strings and import
 * timestamps; as separate objects they doubled the copy's share of the heap, and with it the cost
 * of every full collection.
 */
final class SharedValues {
  private final Map<Object, Object> values = new HashMap<>();

  @SuppressWarnings("unchecked")
  private <T> T one(T value) {
    return value == null ? null : (T) values.computeIfAbsent(value, v -> v);
  }

  synchronized Station share(Station station) {
    StationDraft s = station.content();
    return new Station(
        station.id(),
        new StationDraft(
            s.slug(),
            s.name(),
            s.kind(),
            one(s.organization()),
            one(s.description()),
            one(s.address()),
            one(s.region()),
            one(s.township()),
            s.latitude(),
            s.longitude(),
            s.locationPrecision(),
            one(s.phone()),
            one(s.openingHours()),
            one(s.services()),
            one(s.targetGroups()),
            s.status(),
            one(s.verifiedAt()),
            one(s.sourceArticleSlug())),
        station.version(),
        one(station.createdAt()),
        one(station.updatedAt()));
  }
}
