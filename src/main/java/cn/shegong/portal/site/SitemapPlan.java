package cn.shegong.portal.site;

/**
 * How the sitemap's URLs are split: one urlset while they fit the protocol's 50,000 per file, else a sitemap
 * index over /sitemap-1.xml … /sitemap-N.xml, each holding {@code perFile} URLs of the one ordered list.
 */
record SitemapPlan(long total, int perFile) {
  static final int MAX_URLS = 50_000;

  SitemapPlan {
    if (perFile < 1) throw new IllegalArgumentException("perFile must be positive");
  }

  boolean isIndex() {
    return total > perFile;
  }

  int files() {
    return (int) Math.max(1, (total + perFile - 1) / perFile);
  }

  /** The offset of file {@code n} (1-based) in the ordered list; {@link #limit(int)} URLs from there. */
  long offset(int n) {
    return (long) (n - 1) * perFile;
  }

  int limit(int n) {
    return (int) Math.max(0, Math.min(perFile, total - offset(n)));
  }

  boolean hasFile(int n) {
    return n >= 1 && n <= files();
  }
}
