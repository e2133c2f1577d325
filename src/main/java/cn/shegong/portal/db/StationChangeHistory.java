package cn.shegong.portal.db;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The stations named by each batch the feed applied, numbered as the stations version counts them.
 * Every committed change reaches exactly one batch, after its commit, and a batch is recorded
 * before the count names it: so a copy read after it saw count n holds every change of batches up
 * to n, and needs only the stations of later batches read again. Bounded: past the bound, or in
 * another generation (whose follower may start from another position), nothing is answered.
 */
final class StationChangeHistory {
  static final int MAX_IDS = 5_000;

  private record Batch(long number, Set<Long> ids) {}

  private final ArrayDeque<Batch> batches = new ArrayDeque<>();
  private volatile long count;
  private long generation;

  /** Every batch numbered above this one is still held. */
  private long heldAfter;

  private int held;

  long count() {
    return count;
  }

  /** A new generation begins: what was held is no answer for it. */
  synchronized void restart(long newGeneration) {
    generation = newGeneration;
    batches.clear();
    held = 0;
    heldAfter = count;
  }

  synchronized void add(Set<Long> stationIds) {
    batches.addLast(new Batch(count + 1, Set.copyOf(stationIds)));
    held += stationIds.size();
    while (held > MAX_IDS) {
      Batch oldest = batches.removeFirst();
      held -= oldest.ids().size();
      heldAfter = oldest.number();
    }
    count = count + 1;
  }

  synchronized Optional<Set<Long>> since(long ofGeneration, long number) {
    if (ofGeneration != generation || number < heldAfter || number > count) return Optional.empty();
    Set<Long> ids = new HashSet<>();
    for (Batch b : batches) if (b.number() > number) ids.addAll(b.ids());
    return Optional.of(ids);
  }
}
