package cn.shegong.portal.site;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** One page in the sitemap: its path and when its public content last changed (null when unknown). */
public record SitemapEntry(String path, OffsetDateTime lastModified) {
  /**
   * Every public article and every station page, synthetic benchmark rows left out. An article changed when it
   * was published or last edited; a station when the desk last edited it, else the day it was verified.
   */
  private static final String PAGES = "SELECT '/news/' || slug AS path, greatest(a.published_at, a.edited_at) AS modified "
      + "FROM articles a WHERE status = 'published' AND origin <> 'synthetic' "
      + "UNION ALL SELECT '/stations/' || slug, coalesce(s.edited_at, "
      + "(s.verified_at::timestamp AT TIME ZONE 'Asia/Shanghai')) FROM stations s WHERE origin <> 'synthetic'";

  static Future<Long> count(SqlClient db) {
    return db.query("SELECT count(*) FROM (" + PAGES + ") p").execute().map(rows -> rows.iterator().next().getLong(0));
  }

  /** A slice of the pages ordered by path (paths are unique, so slices never overlap). */
  static Future<List<SitemapEntry>> contentPages(SqlClient db, long offset, int limit) {
    if (limit <= 0) return Future.succeededFuture(List.of());
    return db.preparedQuery("SELECT path, modified FROM (" + PAGES + ") p ORDER BY path OFFSET $1 LIMIT $2")
        .execute(Tuple.of(offset, limit))
        .map(rows -> {
          List<SitemapEntry> out = new ArrayList<>();
          for (Row r : rows) out.add(new SitemapEntry(r.getString(0), r.getOffsetDateTime(1)));
          return out;
        });
  }
}
