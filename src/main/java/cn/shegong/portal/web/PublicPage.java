package cn.shegong.portal.web;

import io.vertx.sqlclient.Row;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A public page (for the sitemap): its path and when it last changed (null when unknown). */
public record PublicPage(String path, OffsetDateTime lastModified) {

  /** Rows of (slug, updated_at) as pages, their paths built by the feature's own URL rule. */
  public static List<PublicPage> fromRows(Iterable<Row> rows, Function<String, String> urlOfSlug) {
    List<PublicPage> out = new ArrayList<>();
    for (Row r : rows)
      out.add(new PublicPage(urlOfSlug.apply(r.getString(0)), r.getOffsetDateTime(1)));
    return out;
  }
}
