package cn.shegong.portal.site;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** One page in the sitemap: its path and when it last changed (null when unknown). */
public record SitemapEntry(String path, OffsetDateTime lastModified) {

  /** Every public article and every station page; synthetic benchmark rows are left out. */
  static Future<List<SitemapEntry>> contentPages(SqlClient db) {
    return db.query("SELECT '/news/' || slug, updated_at FROM articles "
            + "WHERE status = 'published' AND origin <> 'synthetic' "
            + "UNION ALL SELECT '/stations/' || slug, updated_at FROM stations WHERE origin <> 'synthetic' "
            + "ORDER BY 1").execute()
        .map(rows -> {
          List<SitemapEntry> out = new ArrayList<>();
          for (Row r : rows) out.add(new SitemapEntry(r.getString(0), r.getOffsetDateTime(1)));
          return out;
        });
  }
}
