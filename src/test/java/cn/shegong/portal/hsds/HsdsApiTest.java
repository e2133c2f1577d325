package cn.shegong.portal.hsds;

import static cn.shegong.portal.hsds.HsdsSchemas.assertValid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.shegong.portal.testing.TestPortal;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("HSDS 3.0 API under /hsds, every answer validated against the official schemas")
class HsdsApiTest {
  static final String SLUG = "jiading-jiangqiao-psych-station";
  static TestPortal portal;

  @BeforeAll
  static void start(Vertx vertx) throws Exception {
    portal =
        TestPortal.create(vertx, Map.of("PORTAL_DB_CONNECT_TIMEOUT_MS", "15000"))
            .start()
            .await(2, TimeUnit.MINUTES);
    // one station with everything HSDS can carry, so phones, schedules, the organisation and
    // assured_date show
    portal
        .database()
        .exec(
            "UPDATE stations SET phone = '021-59123456', organization = '嘉定区精神卫生中心', "
                + "opening_hours = '[{\"day\":1,\"open\":\"09:00\",\"close\":\"12:00\"},{\"day\":1,\"open\":\"13:30\",\"close\":\"17:30\"},"
                + "{\"day\":2,\"open\":\"09:00\",\"close\":\"12:00\"},{\"day\":6,\"open\":\"09:00\",\"close\":\"24:00\"}]', "
                + "verified_at = '2026-11-02', status = 'temporarily_closed' WHERE slug = '"
                + SLUG
                + "'");
  }

  @AfterAll
  static void stop() throws Exception {
    portal.destroy().await(1, TimeUnit.MINUTES);
  }

  static HttpResponse<Buffer> get(String uri) throws Exception {
    return portal.client().get(uri).send().await(30, TimeUnit.SECONDS);
  }

  static JsonObject json(String uri) throws Exception {
    HttpResponse<Buffer> r = get(uri);
    assertEquals(200, r.statusCode(), uri + " " + r.bodyAsString());
    return new JsonObject(r.bodyAsString());
  }

  static long sql(String query) {
    return Long.parseLong(portal.database().queryOne(query));
  }

  /** A page whose contents each validate against {@code schema}. */
  static JsonObject page(String uri, String schema) throws Exception {
    JsonObject page = json(uri);
    for (Object o : page.getJsonArray("contents")) assertValid(schema, ((JsonObject) o).encode());
    return page;
  }

  @Test
  @DisplayName("GET /hsds/ names the version, the profile and the OpenAPI file, which is served")
  void root() throws Exception {
    JsonObject root = json("/hsds/");
    assertEquals("3.0", root.getString("version"));
    assertTrue(root.getString("profile").startsWith("https://"));
    assertTrue(root.getString("openapi_url").endsWith("/hsds/openapi.json"));
    JsonObject openapi = json("/hsds/openapi.json");
    assertTrue(openapi.getJsonObject("paths").containsKey("/services"));
  }

  @Test
  @DisplayName(
      "services: each validates as service_list; one by id as a full service with phones, schedules and assured_date")
  void services() throws Exception {
    JsonObject page = page("/hsds/services?per_page=100", "compiled/service_list");
    assertEquals(32, page.getLong("total_items"));
    String id = HsdsIds.service(SLUG);
    JsonObject s = json("/hsds/services/" + id);
    assertValid("compiled/service", s.encode());
    assertEquals("temporarily closed", s.getString("status"));
    assertEquals("2026-11-02", s.getString("assured_date"));
    assertEquals("021-59123456", s.getJsonArray("phones").getJsonObject(0).getString("number"));
    assertEquals(HsdsIds.phone(SLUG), s.getJsonArray("phones").getJsonObject(0).getString("id"));
    JsonArray schedules = s.getJsonArray("schedules");
    assertEquals(3, schedules.size(), schedules.encode());
    JsonObject morning = schedules.getJsonObject(0);
    assertEquals("MO,TU", morning.getString("byday"));
    assertEquals("09:00+08:00", morning.getString("opens_at"));
    assertEquals("24:00+08:00", schedules.getJsonObject(2).getString("closes_at"));
    JsonObject location =
        s.getJsonArray("service_at_locations").getJsonObject(0).getJsonObject("location");
    assertEquals(SLUG, location.getString("external_identifier"));
    assertEquals(31.247, location.getDouble("latitude"), 1e-9);
    assertEquals("CN", location.getJsonArray("addresses").getJsonObject(0).getString("country"));
    assertEquals(
        id, json("/hsds/services/" + id.toUpperCase()).getString("id"), "ids are case-insensitive");
    assertEquals(
        s.getString("id"), json("/hsds/services/" + id).getString("id"), "the id is stable");
  }

  @Test
  @DisplayName(
      "the Page envelope: totals, page count, first and last page, an empty page past the end")
  void envelope() throws Exception {
    JsonObject first = json("/hsds/services?per_page=5");
    assertEquals(32, first.getLong("total_items"));
    assertEquals(7, first.getLong("total_pages"));
    assertEquals(1, first.getInteger("page_number"));
    assertEquals(5, first.getInteger("size"));
    assertTrue(first.getBoolean("first_page"));
    assertFalse(first.getBoolean("last_page"));
    assertFalse(first.getBoolean("empty"));
    JsonObject last = json("/hsds/services?per_page=5&page=7");
    assertEquals(2, last.getInteger("size"));
    assertTrue(last.getBoolean("last_page"));
    assertFalse(last.getBoolean("first_page"));
    JsonObject past = json("/hsds/services?per_page=5&page=8");
    assertTrue(past.getBoolean("empty"));
    assertEquals(0, past.getJsonArray("contents").size());
    JsonObject none =
        json("/hsds/services?search=" + URLEncoder.encode("没有这个站", StandardCharsets.UTF_8));
    assertEquals(0, none.getLong("total_items"));
    assertEquals(0, none.getLong("total_pages"));
    assertTrue(
        none.getBoolean("empty") && none.getBoolean("first_page") && none.getBoolean("last_page"));
    assertEquals(
        java.util.Set.of(
            "total_items",
            "total_pages",
            "page_number",
            "size",
            "first_page",
            "last_page",
            "empty",
            "contents"),
        first.fieldNames());
  }

  @Test
  @DisplayName(
      "organizations, services at locations, taxonomies and terms validate, lists and single objects")
  void otherEndpoints() throws Exception {
    JsonObject orgs = page("/hsds/organizations", "compiled/organization_list");
    assertEquals(
        sql("SELECT count(DISTINCT organization) FROM stations WHERE organization <> ''"),
        orgs.getLong("total_items"));
    String orgId = HsdsIds.organization("嘉定区精神卫生中心");
    JsonObject org = json("/hsds/organizations/" + orgId);
    assertValid("compiled/organization", org.encode());
    assertEquals(1, org.getJsonArray("services").size());
    JsonObject sals =
        page("/hsds/service_at_locations?per_page=50", "compiled/service_at_location_list");
    assertEquals(32, sals.getLong("total_items"));
    JsonObject sal = json("/hsds/service_at_locations/" + HsdsIds.serviceAtLocation(SLUG));
    assertValid("compiled/service_at_location", sal.encode());
    JsonObject taxonomies = page("/hsds/taxonomies", "taxonomy");
    assertEquals(4, taxonomies.getLong("total_items"));
    assertValid("taxonomy", json("/hsds/taxonomies/" + HsdsTaxonomy.Scheme.SERVICE.id()).encode());
    JsonObject terms = page("/hsds/taxonomy_terms?per_page=500", "taxonomy_term");
    long services = sql("SELECT count(DISTINCT v) FROM stations, unnest(services) v");
    long targets = sql("SELECT count(DISTINCT v) FROM stations, unnest(target_groups) v");
    assertEquals(3 + services + targets + 4, terms.getLong("total_items"));
    JsonObject kindTerms =
        json("/hsds/taxonomy_terms?taxonomy_id=" + HsdsTaxonomy.Scheme.STATION_KIND.id());
    assertEquals(3, kindTerms.getLong("total_items"));
    String psych = HsdsIds.term("station_kind", "psych");
    assertValid("taxonomy_term", json("/hsds/taxonomy_terms/" + psych).encode());
  }

  @Test
  @DisplayName(
      "filters combine with AND and count what SQL counts: term, taxonomy, organisation, search, modified_after, proximity")
  void filters() throws Exception {
    String psych = HsdsIds.term("station_kind", "psych");
    assertEquals(
        sql("SELECT count(*) FROM stations WHERE kind = 'psych'"),
        json("/hsds/services?taxonomy_term_id=" + psych).getLong("total_items"));
    String counselling = HsdsIds.term("service", "心理咨询");
    long both =
        sql(
            "SELECT count(*) FROM stations WHERE '心理咨询' = ANY (services) AND (name ILIKE '%心理%' "
                + "OR description ILIKE '%心理%' OR address ILIKE '%心理%' OR organization ILIKE '%心理%')");
    long termOnly = sql("SELECT count(*) FROM stations WHERE '心理咨询' = ANY (services)");
    assertTrue(both > 0, "the pair selects something");
    assertEquals(
        termOnly,
        json("/hsds/service_at_locations?taxonomy_term_id=" + counselling).getLong("total_items"));
    assertEquals(
        both,
        json("/hsds/service_at_locations?taxonomy_term_id="
                + counselling
                + "&search="
                + URLEncoder.encode("心理", StandardCharsets.UTF_8))
            .getLong("total_items"));
    assertEquals(
        sql("SELECT count(*) FROM stations WHERE cardinality(target_groups) > 0"),
        json("/hsds/services?taxonomy_id=" + HsdsTaxonomy.Scheme.TARGET_GROUP.id())
            .getLong("total_items"));
    assertEquals(
        1,
        json("/hsds/services?organization_id="
                + HsdsIds.organization("嘉定区精神卫生中心")
                + "&taxonomy_term_id="
                + psych)
            .getLong("total_items"));
    assertEquals(
        0,
        json("/hsds/services?organization_id="
                + HsdsIds.organization("嘉定区精神卫生中心")
                + "&taxonomy_term_id="
                + HsdsIds.term("station_kind", "medical"))
            .getLong("total_items"));
    assertEquals(
        0,
        json("/hsds/services?organization_id=" + HsdsIds.organization("没有的机构"))
            .getLong("total_items"));
    assertEquals(0, json("/hsds/services?modified_after=2999-01-01").getLong("total_items"));
    assertEquals(
        32, json("/hsds/services?modified_after=2000-01-01T00:00:00Z").getLong("total_items"));
    long within =
        sql(
            "SELECT count(*) FROM stations WHERE latitude IS NOT NULL AND 2 * 6371.0088 * asin(least(1, "
                + "sqrt(power(sin(radians(latitude - 31.247) / 2), 2) + cos(radians(31.247)) * cos(radians(latitude)) "
                + "* power(sin(radians(longitude - 121.326) / 2), 2)))) <= 20");
    assertTrue(within > 0 && within < 32, "a radius that keeps some: " + within);
    assertEquals(
        within, json("/hsds/services?near=31.247,121.326&proximity=20000").getLong("total_items"));
  }

  @Test
  @DisplayName("bad parameters are a 400 with a JSON error; unknown ids a 404 JSON")
  void badParameters() throws Exception {
    for (String q :
        new String[] {
          "per_page=0",
          "per_page=100000",
          "page=abc",
          "page=0",
          "format=xml",
          "organization_id=nope",
          "taxonomy_term_id=1",
          "modified_after=yesterday",
          "near=31.2,121.3",
          "proximity=100",
          "near=31.2,121.3&proximity=-1",
          "near=999,1&proximity=10",
          "page=1&page=2"
        }) {
      HttpResponse<Buffer> r = get("/hsds/services?" + q);
      assertEquals(400, r.statusCode(), q);
      assertTrue(r.getHeader("Content-Type").startsWith("application/json"), q);
      assertEquals(400, new JsonObject(r.bodyAsString()).getInteger("status"), q);
    }
    assertEquals(400, get("/hsds/services/not-a-uuid").statusCode());
    HttpResponse<Buffer> missing = get("/hsds/services/" + HsdsIds.service("no-such-station"));
    assertEquals(404, missing.statusCode());
    assertTrue(missing.getHeader("Content-Type").startsWith("application/json"));
    assertEquals(404, get("/hsds/organizations/" + HsdsIds.organization("没有的机构")).statusCode());
    assertEquals(404, get("/hsds/taxonomy_terms/" + HsdsIds.term("service", "没有")).statusCode());
  }

  @Test
  @DisplayName(
      "format=ndjson streams every result, one valid object per line, with the filters applied")
  void ndjson() throws Exception {
    HttpResponse<Buffer> r = get("/hsds/services?format=ndjson&per_page=1");
    assertEquals(200, r.statusCode());
    assertTrue(r.getHeader("Content-Type").startsWith("application/x-ndjson"));
    String[] lines = r.bodyAsString().split("\n");
    assertEquals(32, lines.length);
    for (String line : lines) assertValid("compiled/service_list", line);
    String psych = HsdsIds.term("station_kind", "psych");
    assertEquals(
        sql("SELECT count(*) FROM stations WHERE kind = 'psych'"),
        get("/hsds/service_at_locations?format=ndjson&taxonomy_term_id=" + psych)
            .bodyAsString()
            .split("\n")
            .length);
    String[] terms = get("/hsds/taxonomy_terms?format=ndjson").bodyAsString().split("\n");
    for (String line : terms) assertValid("taxonomy_term", line);
  }
}
