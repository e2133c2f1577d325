package cn.shegong.portal.hsds;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The HSDS Page envelope around one page of results. */
public final class HsdsPage {
  private HsdsPage() {}

  public static long totalPages(long totalItems, int perPage) {
    return (totalItems + perPage - 1) / perPage;
  }

  public static JsonObject of(long totalItems, int pageNumber, int perPage, JsonArray contents) {
    long pages = totalPages(totalItems, perPage);
    return new JsonObject()
        .put("total_items", totalItems)
        .put("total_pages", pages)
        .put("page_number", pageNumber)
        .put("size", contents.size())
        .put("first_page", pageNumber == 1)
        .put("last_page", pageNumber >= pages)
        .put("empty", contents.isEmpty())
        .put("contents", contents);
  }
}
