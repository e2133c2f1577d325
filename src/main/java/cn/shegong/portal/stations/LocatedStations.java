package cn.shegong.portal.stations;

import cn.shegong.portal.stations.StationSearch.Hit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/**
 * Every located station of one stations version in memory, so that "near me" is answered exactly
 * without a query: one {@link SphereTree} per kind and one for all. The tree finds the k-th nearest
 * by chord; every station a hair within that chord is then measured with the haversine formula of
 * the SQL path and ordered by (distance, id), so distances, ties and the page are those PostgreSQL
 * would give.
 */
final class LocatedStations {
  /** A page of hits and how many matched in all. */
  record Page(long total, List<Hit> hits) {}

  private record Candidate(double km, Station station) {}

  private static final Comparator<Candidate> NEAREST_FIRST =
      Comparator.comparingDouble(Candidate::km).thenComparingLong(c -> c.station().id());

  /**
   * Relative slack on chords so that rounding cannot leave out a station the haversine would keep.
   */
  private static final double SLACK = 1e-9;

  private final Station[] stations;

  /** For each kind (by ordinal) and, last, for all kinds. */
  private final SphereTree[] trees;

  private LocatedStations(Station[] located) {
    this.stations = located;
    double[] lat = new double[located.length];
    double[] lon = new double[located.length];
    for (int i = 0; i < located.length; i++) {
      lat[i] = located[i].content().latitude();
      lon[i] = located[i].content().longitude();
    }
    StationKind[] kinds = StationKind.values();
    trees = new SphereTree[kinds.length + 1];
    for (StationKind k : kinds) {
      trees[k.ordinal()] =
          new SphereTree(
              lat,
              lon,
              IntStream.range(0, located.length)
                  .filter(i -> located[i].content().kind() == k)
                  .toArray());
    }
    trees[kinds.length] = new SphereTree(lat, lon, IntStream.range(0, located.length).toArray());
  }

  /** The located ones of these stations. */
  static LocatedStations of(Station[] stations) {
    return new LocatedStations(
        java.util.Arrays.stream(stations).filter(Station::hasLocation).toArray(Station[]::new));
  }

  static LocatedStations of(List<Station> stations) {
    return of(stations.toArray(Station[]::new));
  }

  int size() {
    return stations.length;
  }

  /**
   * Whether this snapshot can answer the filter; a free-text filter is left to PostgreSQL's ILIKE.
   */
  static boolean answers(StationFilter f) {
    return f.near() != null && f.text().isEmpty();
  }

  /** Nearest first, or within the filter's radius nearest first; {@link #answers} must hold. */
  Page find(StationFilter f, int offset, int limit) {
    return f.near().radiusKm() == null ? nearest(f, offset, limit) : within(f, offset, limit);
  }

  long count(StationFilter f) {
    if (f.near().radiusKm() != null) return within(f, 0, 0).total();
    SphereTree tree = treeFor(f);
    if (!narrowsBeyondKind(f)) return tree.size();
    long n = 0;
    for (Station s : stations) if (f.admits(s)) n++;
    return n;
  }

  private Page nearest(StationFilter f, int offset, int limit) {
    long total = count(f);
    int need = (int) Math.min((long) offset + limit, total);
    if (need == 0) return new Page(total, List.of());
    double[] q = SphereTree.unit(f.near().latitude(), f.near().longitude());
    IntPredicate accept = accept(f);
    double kth = treeFor(f).kthChord2(q, need, accept);
    return new Page(
        total,
        page(
            collect(f, q, kth * (1 + SLACK) + 1e-18, accept, Double.POSITIVE_INFINITY),
            offset,
            limit));
  }

  private Page within(StationFilter f, int offset, int limit) {
    double[] q = SphereTree.unit(f.near().latitude(), f.near().longitude());
    double chord2 = SphereTree.chord2ForKm(f.near().radiusKm()) * (1 + SLACK) + 1e-18;
    List<Candidate> found = collect(f, q, chord2, accept(f), f.near().radiusKm());
    return new Page(found.size(), page(found, offset, limit));
  }

  private List<Candidate> collect(
      StationFilter f, double[] q, double chord2, IntPredicate accept, double maxKm) {
    NearbyQuery n = f.near();
    List<Candidate> found = new ArrayList<>();
    treeFor(f)
        .within(
            q,
            chord2,
            accept,
            i -> {
              Station s = stations[i];
              double km =
                  NearbyQuery.distanceKm(
                      n.latitude(), n.longitude(), s.content().latitude(), s.content().longitude());
              if (km <= maxKm) found.add(new Candidate(km, s));
            });
    return found;
  }

  private static List<Hit> page(List<Candidate> found, int offset, int limit) {
    found.sort(NEAREST_FIRST);
    List<Hit> hits = new ArrayList<>();
    for (int i = offset; i < found.size() && i < (long) offset + limit; i++) {
      hits.add(new Hit(found.get(i).station(), found.get(i).km()));
    }
    return hits;
  }

  private SphereTree treeFor(StationFilter f) {
    return trees[f.kind() == null ? StationKind.values().length : f.kind().ordinal()];
  }

  private IntPredicate accept(StationFilter f) {
    return narrowsBeyondKind(f) ? i -> f.admits(stations[i]) : i -> true;
  }

  private static boolean narrowsBeyondKind(StationFilter f) {
    return !f.province().isEmpty()
        || !f.city().isEmpty()
        || !f.district().isEmpty()
        || !f.service().isEmpty()
        || !f.target().isEmpty();
  }
}
