package cn.shegong.portal.common;

/** Where a page sits in a result list; a page past the end is allowed and simply empty. */
public record Pagination(int page, int pageSize, long total) {
  public int offset() {
    return (int) Math.min((long) (page - 1) * pageSize, Integer.MAX_VALUE);
  }

  public int pages() {
    return (int) Math.max(1, (total + pageSize - 1) / pageSize);
  }

  public boolean hasPrevious() {
    return page > 1;
  }

  public boolean hasNext() {
    return page < pages();
  }

  public boolean beyondEnd() {
    return page > pages();
  }

  public int previous() {
    return Math.min(page - 1, pages());
  }

  public int next() {
    return page + 1;
  }
}
