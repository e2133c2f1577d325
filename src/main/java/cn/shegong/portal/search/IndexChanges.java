package cn.shegong.portal.search;

import cn.shegong.portal.db.ChangeFeed;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The search index as the change feed's durable copy. Applying is idempotent: an entity's current
 * row is read and indexed, or its document deleted when the row is gone or no longer public; the
 * horizon is committed with the index, so a restart resumes from it.
 */
final class IndexChanges implements ChangeFeed.Applier {
  private final IndexWorker worker;
  private final ContentReader content;

  IndexChanges(IndexWorker worker, Pool pool) {
    this.worker = worker;
    this.content = new ContentReader(pool);
  }

  @Override
  public Future<Void> apply(Set<Long> articleIds, Set<Long> stationIds) {
    Future<List<Indexable>> a =
        articleIds.isEmpty()
            ? Future.succeededFuture(List.of())
            : content.articles(new ArrayList<>(articleIds));
    Future<List<Indexable>> s =
        stationIds.isEmpty()
            ? Future.succeededFuture(List.of())
            : content.stations(new ArrayList<>(stationIds));
    return Future.all(a, s)
        .compose(
            both -> {
              List<Indexable> upserts = new ArrayList<>(a.result());
              upserts.addAll(s.result());
              Set<String> deletions = new LinkedHashSet<>();
              articleIds.forEach(
                  id -> deletions.add(SearchFields.uid(SearchFields.TYPE_ARTICLE, id)));
              stationIds.forEach(
                  id -> deletions.add(SearchFields.uid(SearchFields.TYPE_STATION, id)));
              upserts.forEach(u -> deletions.remove(u.uid()));
              return worker.apply(upserts, deletions);
            });
  }

  @Override
  public Future<Void> commit(long position) {
    return worker.commit(position);
  }
}
