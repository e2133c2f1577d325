package cn.shegong.portal.stations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.shegong.portal.common.Zones;
import cn.shegong.portal.testing.TestPortal;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("open_now / open_at on /api/stations and the 现在开放 checkbox, against brute force")
class OpenFilterTest {
  static final String[] HOURS = {
    "Mo-Fr 09:00-12:00,13:30-17:30; Sa 09:00-12:00",
    "Mo-Su 09:00-17:00; PH 10:00-14:00",
    "24/7; PH 00:00-24:00",
    "Mo-Fr 08:30-17:00",
    "Tu-Sa 10:00-20:00; PH off",
    "Mo,We,Fr 14:00-18:00"
  };
  static TestPortal portal;

  record Known(String slug, OpeningHours hours, List<StationException> exceptions) {}

  static final List<Known> stations = new ArrayList<>();
  static final List<String> allSlugs = new ArrayList<>();

  @BeforeAll
  static void start(Vertx vertx) throws Exception {
    portal =
        TestPortal.create(vertx, Map.of("PORTAL_DB_CONNECT_TIMEOUT_MS", "15000"))
            .start()
            .await(2, TimeUnit.MINUTES);
    var db = portal.database();
    allSlugs.addAll(
        List.of(db.queryOne("SELECT string_agg(slug, ' ' ORDER BY id) FROM stations").split(" ")));
    // two of every three stations get hours, the rest stay unknown
    for (int i = 0; i < allSlugs.size(); i++) {
      if (i % 3 == 2) continue;
      String h = HOURS[i % HOURS.length];
      db.exec(
          "UPDATE stations SET opening_hours = jsonb_build_array(jsonb_build_object('syntax', '"
              + h
              + "')) WHERE slug = '"
              + allSlugs.get(i)
              + "'");
      List<StationException> ex = new ArrayList<>();
      if (i % 4 == 0) {
        db.exec(
            "INSERT INTO station_exceptions (station_id, starts_on, ends_on, hours, reason) SELECT id, '2026-03-01', '2026-03-31', '', '装修' "
                + "FROM stations WHERE slug = '"
                + allSlugs.get(i)
                + "'");
        ex.add(
            new StationException(
                LocalDate.parse("2026-03-01"),
                LocalDate.parse("2026-03-31"),
                OpeningHours.UNKNOWN,
                "装修"));
      }
      stations.add(new Known(allSlugs.get(i), OpeningHours.parse(h), ex));
    }
  }

  @AfterAll
  static void stop() throws Exception {
    portal.destroy().await(1, TimeUnit.MINUTES);
  }

  static TreeSet<String> api(String query) throws Exception {
    var r =
        portal.client().get("/api/stations?limit=1000&" + query).send().await(20, TimeUnit.SECONDS);
    assertEquals(200, r.statusCode(), r.bodyAsString());
    TreeSet<String> out = new TreeSet<>();
    r.bodyAsJsonObject()
        .getJsonArray("stations")
        .forEach(o -> out.add(((JsonObject) o).getString("slug")));
    return out;
  }

  static TreeSet<String> bruteForce(ZonedDateTime at) {
    TreeSet<String> out = new TreeSet<>();
    for (Known k : stations) {
      var day =
          Schedule.of(k.hours(), k.exceptions(), at.toLocalDate(), 1, ChinaCalendar.bundled())
              .days()
              .get(0);
      if (day.intervals() != null
          && day.intervals().stream().anyMatch(s -> s.contains(at.toLocalTime())))
        out.add(k.slug());
    }
    return out;
  }

  @Test
  @DisplayName(
      "open_at at 500 random moments of 2026 equals brute force over every station; unknown hours never open")
  void randomTimes() throws Exception {
    Random random = new Random(20261001);
    ZonedDateTime start = ZonedDateTime.of(2026, 1, 1, 0, 0, 0, 0, Zones.CHINA);
    int nonEmpty = 0;
    for (int i = 0; i < 500; i++) {
      ZonedDateTime at = start.plusMinutes(random.nextInt(365 * 24 * 60));
      TreeSet<String> expected = bruteForce(at);
      if (!expected.isEmpty()) nonEmpty++;
      assertEquals(
          expected,
          api(
              "open_at="
                  + URLEncoder.encode(at.toOffsetDateTime().toString(), StandardCharsets.UTF_8)),
          at.toString());
    }
    assertTrue(
        nonEmpty > 100,
        "the moments found open stations often enough to mean something: " + nonEmpty);
  }

  @Test
  @DisplayName(
      "open_now, the GeoJSON and CSV variants, the checkbox without JavaScript, and bad values")
  void nowAndVariants() throws Exception {
    TreeSet<String> now = api("open_now=true");
    assertEquals(bruteForce(ZonedDateTime.now(Zones.CHINA)), now);
    String at = URLEncoder.encode("2026-10-01T11:00:00+08:00", StandardCharsets.UTF_8);
    TreeSet<String> holiday = api("open_at=" + at);
    var geo =
        portal
            .client()
            .get("/api/stations.geojson?limit=1000&open_at=" + at)
            .send()
            .await(20, TimeUnit.SECONDS)
            .bodyAsJsonObject();
    assertEquals(holiday.size(), geo.getJsonArray("features").size());
    String csv =
        portal
            .client()
            .get("/api/stations.csv?open_at=" + at)
            .send()
            .await(20, TimeUnit.SECONDS)
            .bodyAsString();
    assertEquals(holiday.size(), csv.strip().split("\n").length - 1);
    String page =
        portal
            .client()
            .get("/stations?open_now=true")
            .send()
            .await(20, TimeUnit.SECONDS)
            .bodyAsString();
    assertTrue(page.contains("共 " + now.size() + " 个站点"), "the list counts only open stations");
    assertTrue(page.contains("name=\"open_now\" value=\"true\" checked"));
    assertFalse(
        portal
            .client()
            .get("/stations")
            .send()
            .await(20, TimeUnit.SECONDS)
            .bodyAsString()
            .contains("value=\"true\" checked"));
    assertEquals(
        400,
        portal
            .client()
            .get("/api/stations?open_at=tomorrow")
            .send()
            .await(20, TimeUnit.SECONDS)
            .statusCode());
    assertEquals(
        400,
        portal
            .client()
            .get("/api/stations?open_now=maybe")
            .send()
            .await(20, TimeUnit.SECONDS)
            .statusCode());
  }
}
