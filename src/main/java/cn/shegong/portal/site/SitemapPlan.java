package cn.shegong.portal.site;

import cn.shegong.portal.web.PublicPage;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * How the public pages are split into sitemap files: one urlset while they fit in one file (the
 * protocol allows 50,000 URLs), else a sitemap index of files of at most that many, in a stable
 * order so a file's URL keeps meaning the same pages.
 */
record SitemapPlan(List<PublicPage> pages, int perFile) {
  /** The protocol's limit per file. */
  static final int MAX_PER_FILE = 50_000;

  SitemapPlan {
    if (perFile < 1 || perFile > MAX_PER_FILE)
      throw new IllegalArgumentException("URLs per sitemap file must be 1–" + MAX_PER_FILE);
    pages = List.copyOf(pages);
  }

  boolean needsIndex() {
    return pages.size() > perFile;
  }

  int files() {
    return Math.max(1, (pages.size() + perFile - 1) / perFile);
  }

  /** The pages of file {@code n} (1-based); empty beyond the last. */
  List<PublicPage> file(int n) {
    if (n < 1 || n > files()) return List.of();
    int from = (n - 1) * perFile;
    return pages.subList(from, Math.min(pages.size(), from + perFile));
  }

  /** The latest change among a file's pages, for the index's lastmod (null when none is known). */
  OffsetDateTime lastModified(int n) {
    OffsetDateTime latest = null;
    for (PublicPage p : file(n)) {
      OffsetDateTime t = p.lastModified();
      if (t != null && (latest == null || t.isAfter(latest))) latest = t;
    }
    return latest;
  }
}
