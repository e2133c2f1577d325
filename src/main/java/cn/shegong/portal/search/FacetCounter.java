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
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

/** Counts matching documents per value of a few keyword fields (their sorted doc values), in the same pass. */
public final class FacetCounter implements CollectorManager<FacetCounter.Counts, Map<String, Map<String, Long>>> {
  public static final List<String> DIMENSIONS =
      List.of(SearchFields.TYPE, SearchFields.KIND, SearchFields.PROVINCE, SearchFields.YEAR);

  @Override
  public Counts newCollector() {
    return new Counts();
  }

  @Override
  public Map<String, Map<String, Long>> reduce(Collection<Counts> collectors) {
    Map<String, Map<String, Long>> out = new LinkedHashMap<>();
    for (String dim : DIMENSIONS) {
      Map<String, Long> merged = new HashMap<>();
      for (Counts c : collectors) c.counts.get(dim).forEach((k, v) -> merged.merge(k, v, Long::sum));
      Map<String, Long> sorted = new LinkedHashMap<>();
      merged.entrySet().stream()
          .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
          .forEach(e -> sorted.put(e.getKey(), e.getValue()));
      out.put(dim, sorted);
    }
    return out;
  }

  /** Total hits are the sum over the type dimension: every document has a type. */
  public static long total(Map<String, Map<String, Long>> facets) {
    return facets.get(SearchFields.TYPE).values().stream().mapToLong(Long::longValue).sum();
  }

  public static final class Counts implements Collector {
    final Map<String, Map<String, Long>> counts = new HashMap<>();

    Counts() {
      DIMENSIONS.forEach(d -> counts.put(d, new HashMap<>()));
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
      SortedDocValues[] values = new SortedDocValues[DIMENSIONS.size()];
      int[][] perOrd = new int[DIMENSIONS.size()][];
      for (int i = 0; i < values.length; i++) {
        values[i] = DocValues.getSorted(context.reader(), DIMENSIONS.get(i));
        perOrd[i] = new int[values[i].getValueCount()];
      }
      return new LeafCollector() {
        @Override
        public void setScorer(Scorable scorer) {}

        @Override
        public void collect(int doc) throws IOException {
          for (int i = 0; i < values.length; i++) if (values[i].advanceExact(doc)) perOrd[i][values[i].ordValue()]++;
        }

        @Override
        public void finish() throws IOException {
          for (int i = 0; i < values.length; i++) {
            Map<String, Long> dim = counts.get(DIMENSIONS.get(i));
            for (int ord = 0; ord < perOrd[i].length; ord++) {
              if (perOrd[i][ord] > 0) dim.merge(values[i].lookupOrd(ord).utf8ToString(), (long) perOrd[i][ord], Long::sum);
            }
          }
        }
      };
    }
  }
}
