package cn.shegong.portal.search;

import java.io.IOException;
import java.util.Collection;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TopDocs;

/**
 * Top hits and counts in one pass. The counter takes every match until its limit, then no more; the
 * top-hits manager must be given the same limit as its total-hits threshold: up to it no document
 * is skipped (so the counts are those of the first matches in index order), past it the scorer may
 * skip documents that cannot enter the top hits (block-max WAND), since nothing counts them any
 * longer.
 */
final class CountedTopHits implements CollectorManager<CountedTopHits.Both, CountedTopHits.Result> {
  record Result(TopDocs top, FacetCounter.Facets facets) {}

  private final CollectorManager<Collector, TopDocs> top;
  private final FacetCounter counter;

  @SuppressWarnings("unchecked")
  CountedTopHits(CollectorManager<? extends Collector, ? extends TopDocs> top, int countLimit) {
    this.top = (CollectorManager<Collector, TopDocs>) top;
    this.counter = FacetCounter.alongside(countLimit);
  }

  @Override
  public Both newCollector() throws IOException {
    return new Both(top.newCollector(), counter.newCollector());
  }

  @Override
  public Result reduce(Collection<Both> all) throws IOException {
    return new Result(
        top.reduce(all.stream().map(b -> b.top).toList()),
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
      return top.scoreMode();
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
      LeafCollector t = top.getLeafCollector(context);
      if (counts.capped) return t;
      LeafCollector c = counts.getLeafCollector(context);
      return new LeafCollector() {
        @Override
        public void setScorer(Scorable scorer) throws IOException {
          t.setScorer(scorer);
          c.setScorer(scorer);
        }

        @Override
        public void collect(int doc) throws IOException {
          c.collect(doc);
          t.collect(doc);
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
