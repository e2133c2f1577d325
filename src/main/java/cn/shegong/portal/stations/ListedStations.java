package cn.shegong.portal.stations;

import cn.shegong.portal.stations.StationSearch.Hit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Every station of one stations version in memory, in the list's order (province, city, district,
 * name, id) as PostgreSQL sorted them: its collation, not Java's, decides, so a page of the copy
 * holds the stations the database's page would hold, in the same order. The public list shows every
 * station whatever its status (a closed one with a warning), so the copy holds them all; the
 * located ones are also kept as {@link LocatedStations} for "near me". Used while the database is
 * away.
 */
final class ListedStations {
  private final Station[] stations;
  private final LocatedStations located;
  private volatile StationFacets.Snapshot facets;

  private ListedStations(Station[] inListOrder) {
    this.stations = inListOrder;
    this.located = LocatedStations.of(inListOrder);
  }

  /**
   * The stations of {@code order}, ids in the database's list order; ids without a row are left
   * out.
   */
  static ListedStations inOrder(long[] order, Map<Long, Station> byId) {
    List<Station> out = new ArrayList<>(order.length);
    for (long id : order) {
      Station s = byId.get(id);
      if (s != null) out.add(s);
    }
    return new ListedStations(out.toArray(Station[]::new));
  }

  /**
   * This copy with the stations of {@code changed} replaced by their current rows ({@code fresh};
   * an id without one is gone). {@code order} is the database's order now, or null when no changed
   * station moves in it ({@link #keepsOrder}): then each keeps its place.
   */
  ListedStations with(Set<Long> changed, List<Station> fresh, long[] order) {
    Map<Long, Station> current = new HashMap<>();
    for (Station s : fresh) current.put(s.id(), s);
    if (order != null) {
      Map<Long, Station> byId = new HashMap<>(stations.length * 2);
      for (Station s : stations) if (!changed.contains(s.id())) byId.put(s.id(), s);
      byId.putAll(current);
      return inOrder(order, byId);
    }
    List<Station> out = new ArrayList<>(stations.length);
    for (Station s : stations) {
      if (!changed.contains(s.id())) out.add(s);
      else if (current.containsKey(s.id())) out.add(current.get(s.id()));
    }
    return new ListedStations(out.toArray(Station[]::new));
  }

  /** Whether every fresh row is a station of this copy with the same place and name: same order. */
  boolean keepsOrder(List<Station> fresh) {
    Map<Long, Station> before = new HashMap<>();
    for (Station s : fresh) before.put(s.id(), null);
    for (Station s : stations) if (before.containsKey(s.id())) before.put(s.id(), s);
    for (Station f : fresh) {
      Station b = before.get(f.id());
      if (b == null
          || !b.content().region().equals(f.content().region())
          || !Objects.equals(b.name(), f.name())) return false;
    }
    return true;
  }

  /** Whether the copy can answer this filter: free text is left to PostgreSQL's ILIKE. */
  static boolean answers(StationFilter f) {
    return f.text().isEmpty();
  }

  /** A page and the total, as the database would give them; {@link #answers} must hold. */
  LocatedStations.Page find(StationFilter f, int offset, int limit) {
    if (f.near() != null) return located.find(f, offset, limit);
    List<Hit> hits = new ArrayList<>();
    long total = 0;
    for (Station s : stations) {
      if (!f.admits(s)) continue;
      if (total >= offset && total < (long) offset + limit) hits.add(new Hit(s, null));
      total++;
    }
    return new LocatedStations.Page(total, hits);
  }

  LocatedStations located() {
    return located;
  }

  int size() {
    return stations.length;
  }

  /** The station with this slug, if the copy holds it (a linear scan: for outages only). */
  Optional<Station> bySlug(String slug) {
    for (Station s : stations) if (s.slug().equals(slug)) return Optional.of(s);
    return Optional.empty();
  }

  /** What the list's pickers offer, from this copy (computed once, off the event loop). */
  StationFacets.Snapshot facets() {
    StationFacets.Snapshot f = facets;
    if (f == null) facets = f = StationFacets.of(List.of(stations));
    return f;
  }
}
