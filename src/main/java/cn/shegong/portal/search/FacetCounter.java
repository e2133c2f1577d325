package cn.shegong.portal.search;

import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

/**
 * Counts matching documents, and per value of a few keyword fields (their sorted doc values), up to
 * a limit: past it the search stops, so a query that matches everything costs no more than one that
 * matches the limit. Needs a searcher without an executor (one slice, leaves in order) for the
 * limit to be global.
 */
public final class FacetCounter
    implements CollectorManager<FacetCounter.Counts, FacetCounter.Facets> {
  public static final List<String> DIMENSIONS =
      List.of(SearchFields.TYPE, SearchFields.KIND, SearchFields.PROVINCE, SearchFields.YEAR);

  /**
   * @param counted matching documents seen; all of them unless {@code capped}
   * @param capped true when counting stopped at the limit: counted is a lower bound, counts those
   *     of a prefix
   */
  public record Facets(Map<String, Map<String, Long>> counts, long counted, boolean capped) {
    public static Facets empty() {
      Map<String, Map<String, Long>> m = new LinkedHashMap<>();
      DIMENSIONS.forEach(d -> m.put(d, Map.of()));
      return new Facets(m, 0, false);
    }
  }

  private final int limit;
  private final boolean stopAtLimit;

  /** Counts up to {@code limit} matches, then ends the search. */
  public FacetCounter(int limit) {
    this(limit, true);
  }

  private FacetCounter(int limit, boolean stopAtLimit) {
    this.limit = limit;
    this.stopAtLimit = stopAtLimit;
  }

  /**
   * Counts up to {@code limit} matches and then ignores the rest, for a collector beside it that
   * wants them.
   */
  static FacetCounter alongside(int limit) {
    return new FacetCounter(limit, false);
  }

  @Override
  public Counts newCollector() {
    return new Counts(limit, stopAtLimit);
  }

  @Override
  public Facets reduce(Collection<Counts> collectors) {
    Map<String, Map<String, Long>> out = new LinkedHashMap<>();
    for (String dim : DIMENSIONS) {
      Map<String, Long> merged = new HashMap<>();
      for (Counts c : collectors)
        c.counts.get(dim).forEach((k, v) -> merged.merge(k, v, Long::sum));
      Map<String, Long> sorted = new LinkedHashMap<>();
      merged.entrySet().stream()
          .sorted(
              Map.Entry.<String, Long>comparingByValue()
                  .reversed()
                  .thenComparing(Map.Entry.comparingByKey()))
          .forEach(e -> sorted.put(e.getKey(), e.getValue()));
      out.put(dim, sorted);
    }
    long counted = collectors.stream().mapToLong(c -> c.counted).sum();
    return new Facets(out, counted, collectors.stream().anyMatch(c -> c.capped));
  }

  public static final class Counts implements Collector {
    final Map<String, Map<String, Long>> counts = new HashMap<>();
    final int limit;
    final boolean stopAtLimit;
    long counted;
    boolean capped;

    Counts(int limit, boolean stopAtLimit) {
      this.limit = limit;
      this.stopAtLimit = stopAtLimit;
      DIMENSIONS.forEach(d -> counts.put(d, new HashMap<>()));
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
      if (capped) throw new CollectionTerminatedException();
      SortedDocValues[] values = new SortedDocValues[DIMENSIONS.size()];
      int[][] perOrd = new int[DIMENSIONS.size()][];
      for (int i = 0; i < values.length; i++) {
        values[i] = DocValues.getSorted(context.reader(), DIMENSIONS.get(i));
        perOrd[i] = new int[values[i].getValueCount()];
      }
      return new LeafCollector() {
        boolean finished;

        @Override
        public void setScorer(Scorable scorer) {}

        @Override
        public void collect(int doc) throws IOException {
          if (capped) return;
          for (int i = 0; i < values.length; i++)
            if (values[i].advanceExact(doc)) perOrd[i][values[i].ordValue()]++;
          if (++counted >= limit) {
            capped = true;
            finish();
            if (stopAtLimit) throw new CollectionTerminatedException();
          }
        }

        @Override
        public void finish() throws IOException {
          if (finished) return; // also called by the searcher after a termination
          finished = true;
          for (int i = 0; i < values.length; i++) {
            Map<String, Long> dim = counts.get(DIMENSIONS.get(i));
            for (int ord = 0; ord < perOrd[i].length; ord++) {
              if (perOrd[i][ord] > 0)
                dim.merge(
                    values[i].lookupOrd(ord).utf8ToString(), (long) perOrd[i][ord], Long::sum);
            }
          }
        }
      };
    }
  }
}
