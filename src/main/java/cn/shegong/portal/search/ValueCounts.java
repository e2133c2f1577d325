package cn.shegong.portal.search;

import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;

/**
 * How many matching documents hold each value of one keyword field (single or multi-valued), every
 * match counted: the exact counts of a facet. Per segment by ordinal, so the cost is one array
 * increment per match and value.
 */
final class ValueCounts implements CollectorManager<ValueCounts.PerSegment, Map<String, Long>> {
  private final String field;

  ValueCounts(String field) {
    this.field = field;
  }

  @Override
  public PerSegment newCollector() {
    return new PerSegment(field);
  }

  @Override
  public Map<String, Long> reduce(Collection<PerSegment> collectors) {
    Map<String, Long> out = new HashMap<>();
    for (PerSegment c : collectors) c.counts.forEach((k, v) -> out.merge(k, v, Long::sum));
    return out;
  }

  static final class PerSegment extends SimpleCollector {
    private final String field;
    final Map<String, Long> counts = new HashMap<>();
    private SortedSetDocValues values;
    private long[] perOrd;

    PerSegment(String field) {
      this.field = field;
    }

    @Override
    protected void doSetNextReader(LeafReaderContext context) throws IOException {
      values = DocValues.getSortedSet(context.reader(), field);
      perOrd = new long[(int) values.getValueCount()];
    }

    @Override
    public void collect(int doc) throws IOException {
      if (!values.advanceExact(doc)) return;
      for (int i = 0; i < values.docValueCount(); i++) perOrd[(int) values.nextOrd()]++;
    }

    /** Called at the end of each segment: its ordinals mean nothing in the next one. */
    @Override
    public void finish() throws IOException {
      for (int ord = 0; ord < perOrd.length; ord++)
        if (perOrd[ord] > 0)
          counts.merge(values.lookupOrd(ord).utf8ToString(), perOrd[ord], Long::sum);
    }

    @Override
    public void setScorer(Scorable scorer) {}

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }
  }
}
