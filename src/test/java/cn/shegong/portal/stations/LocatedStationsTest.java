package cn.shegong.portal.stations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.shegong.portal.common.Region;
import cn.shegong.portal.stations.StationSearch.Hit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName(
    "Located stations in memory: exact nearest first and radius, checked against sorting every station")
class LocatedStationsTest {
  static final String[] PROVINCES = {"上海市", "北京市", "四川省"};
  static final String[] SERVICES = {"心理咨询", "危机干预", "个案管理"};

  /**
   * Clustered like real stations, with some sharing one position (several desks in one hospital).
   */
  static List<Station> stations(Random random, int count) {
    List<Station> out = new ArrayList<>();
    double[][] centres = {
      {31.23, 121.47}, {39.9, 116.4}, {30.66, 104.06}, {29.65, 91.1}, {45.75, 126.65}
    };
    for (int i = 1; i <= count; i++) {
      double[] c = centres[random.nextInt(centres.length)];
      double lat = c[0] + random.nextGaussian() * 0.3;
      double lon = c[1] + random.nextGaussian() * 0.3;
      if (i > 1
          && random.nextInt(10) == 0
          && out.get(out.size() - 1).hasLocation()) { // same place as the previous one
        lat = out.get(out.size() - 1).content().latitude();
        lon = out.get(out.size() - 1).content().longitude();
      }
      boolean located = random.nextInt(20) != 0;
      out.add(
          station(
              i,
              StationKind.values()[random.nextInt(3)],
              PROVINCES[random.nextInt(3)],
              List.of(SERVICES[random.nextInt(3)]),
              located ? lat : null,
              located ? lon : null));
    }
    return out;
  }

  static Station station(
      long id, StationKind kind, String province, List<String> services, Double lat, Double lon) {
    return new Station(
        id,
        new StationDraft(
            "s-" + id,
            "站点 " + id,
            kind,
            "",
            "",
            "",
            new Region(province, "", ""),
            "",
            lat,
            lon,
            LocationPrecision.STREET,
            "",
            OpeningHours.UNKNOWN,
            services,
            List.of(),
            StationStatus.ACTIVE,
            null,
            null),
        1,
        null,
        null);
  }

  /** Half anywhere over China, half close to some station, where the tree has most to get wrong. */
  static NearbyQuery point(Random random, List<Station> all, Double radiusKm) {
    if (random.nextBoolean())
      return new NearbyQuery(
          18 + random.nextDouble() * 36, 80 + random.nextDouble() * 50, radiusKm);
    Station s = all.get(random.nextInt(all.size()));
    if (!s.hasLocation()) return new NearbyQuery(31.2, 121.5, radiusKm);
    return new NearbyQuery(
        s.content().latitude() + random.nextGaussian() * 0.05,
        s.content().longitude() + random.nextGaussian() * 0.05,
        radiusKm);
  }

  static List<Long> bruteForce(
      List<Station> all, NearbyQuery n, Predicate<Station> filter, int offset, int limit) {
    return all.stream()
        .filter(Station::hasLocation)
        .filter(filter)
        .filter(s -> n.radiusKm() == null || km(n, s) <= n.radiusKm())
        .sorted(Comparator.<Station>comparingDouble(s -> km(n, s)).thenComparingLong(Station::id))
        .skip(offset)
        .limit(limit)
        .map(Station::id)
        .toList();
  }

  static double km(NearbyQuery n, Station s) {
    return NearbyQuery.distanceKm(
        n.latitude(), n.longitude(), s.content().latitude(), s.content().longitude());
  }

  static List<Long> ids(List<Hit> hits) {
    return hits.stream().map(h -> h.station().id()).toList();
  }

  static StationFilter filter(StationKind kind, String province, String service, NearbyQuery near) {
    return new StationFilter(kind, province, "", "", service, "", "", near);
  }

  @Test
  @DisplayName(
      "from 2,000 random points, with kind, province and service filters and offsets, nearest first "
          + "gives the same stations in the same order, the same distances and the same total as sorting all")
  void nearestMatchesSortingAll() {
    Random random = new Random(7);
    List<Station> all = stations(random, 3000);
    LocatedStations located = LocatedStations.of(all);
    assertTrue(located.size() < all.size(), "unlocated stations are left out");
    for (int i = 0; i < 2000; i++) {
      NearbyQuery n = point(random, all, null);
      StationKind kind = i % 3 == 0 ? StationKind.values()[i % 9 / 3] : null;
      String province = i % 5 == 0 ? PROVINCES[i % 3] : "";
      String service = i % 7 == 0 ? SERVICES[i % 3] : "";
      int offset = i % 4 == 0 ? random.nextInt(40) : 0;
      int limit = 1 + random.nextInt(30);
      Predicate<Station> f =
          s ->
              (kind == null || s.content().kind() == kind)
                  && (province.isEmpty() || s.content().region().province().equals(province))
                  && (service.isEmpty() || s.content().services().contains(service));
      LocatedStations.Page page = located.find(filter(kind, province, service, n), offset, limit);
      assertEquals(bruteForce(all, n, f, offset, limit), ids(page.hits()), n.toString());
      assertEquals(all.stream().filter(Station::hasLocation).filter(f).count(), page.total());
      for (Hit h : page.hits()) assertEquals(km(n, h.station()), h.distanceKm(), 1e-9);
    }
  }

  @Test
  @DisplayName(
      "within a radius: exactly the stations inside it, nearest first, counted, also past the last page")
  void radiusMatchesSortingAll() {
    Random random = new Random(11);
    List<Station> all = stations(random, 3000);
    LocatedStations located = LocatedStations.of(all);
    for (int i = 0; i < 1000; i++) {
      double[] radii = {0.5, 2, 5, 10, 30, 200, 1000};
      NearbyQuery n = point(random, all, radii[i % radii.length]);
      StationKind kind = i % 2 == 0 ? StationKind.PSYCH : null;
      int offset = i % 3 == 0 ? random.nextInt(50) : 0;
      Predicate<Station> f = s -> kind == null || s.content().kind() == kind;
      LocatedStations.Page page = located.find(filter(kind, "", "", n), offset, 20);
      assertEquals(bruteForce(all, n, f, offset, 20), ids(page.hits()), n.toString());
      assertEquals(bruteForce(all, n, f, 0, Integer.MAX_VALUE).size(), page.total(), n.toString());
    }
    NearbyQuery shanghai = new NearbyQuery(31.23, 121.47, 50.0);
    long total = located.count(filter(null, "", "", shanghai));
    assertTrue(total > 100, "a cluster lies there: " + total);
    assertEquals(List.of(), located.find(filter(null, "", "", shanghai), (int) total, 20).hits());
  }

  @Test
  @DisplayName("no station, or none of the kind asked for: an empty page and a total of zero")
  void empty() {
    NearbyQuery n = new NearbyQuery(31.2, 121.5, null);
    assertEquals(0, LocatedStations.of(List.of()).find(filter(null, "", "", n), 0, 20).total());
    LocatedStations onlyMedical =
        LocatedStations.of(List.of(station(1, StationKind.MEDICAL, "上海市", List.of(), 31.0, 121.0)));
    LocatedStations.Page page = onlyMedical.find(filter(StationKind.PSYCH, "", "", n), 0, 20);
    assertEquals(0, page.total());
    assertEquals(List.of(), page.hits());
    assertEquals(List.of(1L), ids(onlyMedical.find(filter(null, "", "", n), 0, 20).hits()));
  }
}
