package cn.shegong.portal.search;

import java.io.IOException;
import java.util.Collection;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TopDocs;

/**
 * Top hits and counts in one pass that stops as soon as the count reaches its limit. Below the limit the top
 * hits are complete and exact (one pass, as cheap as it gets); past it they cover only a prefix of the matches
 * and {@link SearchEngine} collects them again in a pass of their own, which may skip non-competitive documents.
 * The top-hits manager must score every document (a total-hits threshold of Integer.MAX_VALUE).
 */
final class CountedTopHits implements CollectorManager<CountedTopHits.Both, CountedTopHits.Result> {
  record Result(TopDocs top, FacetCounter.Facets facets) {}

  private final CollectorManager<Collector, TopDocs> top;
  private final FacetCounter counter;

  @SuppressWarnings("unchecked")
  CountedTopHits(CollectorManager<? extends Collector, ? extends TopDocs> top, FacetCounter counter) {
    this.top = (CollectorManager<Collector, TopDocs>) top;
    this.counter = counter;
  }

  @Override
  public Both newCollector() throws IOException {
    return new Both(top.newCollector(), counter.newCollector());
  }

  @Override
  public Result reduce(Collection<Both> all) throws IOException {
    return new Result(top.reduce(all.stream().map(b -> b.top).toList()),
        counter.reduce(all.stream().map(b -> b.counts).toList()));
  }

  static final class Both implements Collector {
    final Collector top;
    final FacetCounter.Counts counts;

    Both(Collector top, FacetCounter.Counts counts) {
      this.top = top;
      this.counts = counts;
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
      if (counts.capped) throw new CollectionTerminatedException();
      LeafCollector t = top.getLeafCollector(context);
      LeafCollector c = counts.getLeafCollector(context);
      return new LeafCollector() {
        @Override
        public void setScorer(Scorable scorer) throws IOException {
          t.setScorer(scorer);
          c.setScorer(scorer);
        }

        @Override
        public void collect(int doc) throws IOException {
          t.collect(doc);
          c.collect(doc); // throws CollectionTerminatedException at the limit: the whole leaf stops
        }

        @Override
        public void finish() throws IOException {
          t.finish();
          c.finish();
        }
      };
    }
  }
}
