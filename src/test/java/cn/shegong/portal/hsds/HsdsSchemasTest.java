package cn.shegong.portal.hsds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName(
    "HSDS rules without a portal: the validator bites, ids are RFC 9562 v5, the Page arithmetic")
class HsdsSchemasTest {
  @Test
  @DisplayName(
      "the validator refuses what the issue found wrong: an integer id, an unknown status, a bad uuid")
  void validatorBites() {
    assertFalse(
        HsdsSchemas.errors(
                "compiled/service_list", "{\"id\":12,\"name\":\"x\",\"status\":\"active\"}")
            .isEmpty());
    assertFalse(
        HsdsSchemas.errors(
                "compiled/service_list",
                "{\"id\":\"" + HsdsIds.service("a") + "\",\"name\":\"x\",\"status\":\"closed\"}")
            .isEmpty());
    assertFalse(
        HsdsSchemas.errors(
                "compiled/service_list",
                "{\"id\":\"not-a-uuid\",\"name\":\"x\",\"status\":\"active\"}")
            .isEmpty(),
        "format assertions are on");
    assertTrue(
        HsdsSchemas.errors(
                "compiled/service_list",
                "{\"id\":\"" + HsdsIds.service("a") + "\",\"name\":\"x\",\"status\":\"active\"}")
            .isEmpty());
    assertFalse(
        HsdsSchemas.errors(
                "compiled/service_list",
                "{\"id\":\""
                    + HsdsIds.service("a")
                    + "\",\"name\":\"x\",\"status\":\"active\",\"organization\":\"A\"}")
            .isEmpty());
  }

  @Test
  @DisplayName(
      "name-based ids: the RFC's DNS example, version and variant bits, stable and distinct per kind of record")
  void ids() {
    // RFC 9562 appendix A.4: www.example.com in the DNS namespace
    assertEquals(
        "2ed6657d-e927-568b-95e1-2665a8aea6a2",
        HsdsIds.v5(
                java.util.UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8"),
                "www.example.com")
            .toString());
    java.util.UUID id =
        java.util.UUID.fromString(HsdsIds.service("jiading-jiangqiao-psych-station"));
    assertEquals(5, id.version());
    assertEquals(2, id.variant());
    assertEquals(HsdsIds.service("x"), HsdsIds.service("x"));
    assertFalse(HsdsIds.service("x").equals(HsdsIds.location("x")));
    assertEquals(null, HsdsIds.parse("1"));
  }

  @Test
  @DisplayName("Page: pages round up, an empty result has no pages and is both first and last")
  void page() {
    assertEquals(0, HsdsPage.totalPages(0, 10));
    assertEquals(1, HsdsPage.totalPages(10, 10));
    assertEquals(2, HsdsPage.totalPages(11, 10));
    JsonObject p = HsdsPage.of(11, 2, 10, new JsonArray().add(1));
    assertEquals(2, p.getLong("total_pages"));
    assertTrue(p.getBoolean("last_page"));
    assertFalse(p.getBoolean("first_page"));
    assertEquals(1, p.getInteger("size"));
    JsonObject empty = HsdsPage.of(0, 1, 10, new JsonArray());
    assertTrue(
        empty.getBoolean("empty")
            && empty.getBoolean("first_page")
            && empty.getBoolean("last_page"));
  }

  @Test
  @DisplayName(
      "CSV cells: formulas get an apostrophe that import takes off; phone numbers stay as they are")
  void csvGuard() {
    assertEquals("'=HYPERLINK(1)", HsdsCsv.cell("=HYPERLINK(1)"));
    assertEquals("=HYPERLINK(1)", HsdsCsv.text(HsdsCsv.cell("=HYPERLINK(1)")));
    assertEquals("+86 21 5912 3456", HsdsCsv.cell("+86 21 5912 3456"));
    assertEquals("'+1+cmd", HsdsCsv.cell("+1+cmd"));
    assertEquals("'quoted", HsdsCsv.text("'quoted"));
    assertEquals("8", HsdsCsv.cell(8));
  }
}
