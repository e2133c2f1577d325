package cn.shegong.portal.stations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Pure rules of the stations feature, without a portal or a database. */
@DisplayName("Station rules")
class StationRulesTest {
  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  @Test
  @DisplayName(
      "every kind is found by its code (surrounding spaces allowed) and named in the one message of choices")
  void kinds() {
    for (StationKind k : StationKind.values()) {
      assertEquals(Optional.of(k), StationKind.fromCode(" " + k.code() + " "));
      assertTrue(
          StationKind.choices().contains(k.code() + "（" + k.label() + "）"), StationKind.choices());
    }
    assertEquals(Optional.empty(), StationKind.fromCode("hospital"));
    assertEquals(Optional.empty(), StationKind.fromCode(null));
    assertEquals("镇（街道）社工站", StationKind.TOWNSHIP.label());
  }

  @Test
  @DisplayName(
      "opening hours: open inside a span, closed at its end and on other days, canonical text round-trips")
  void openingHours() {
    OpeningHours h = OpeningHours.parse("Mo-Fr 09:00-12:00,13:30-17:30; Sa 09:00-12:00");
    ZonedDateTime monday = ZonedDateTime.of(2025, 3, 3, 9, 0, 0, 0, CHINA);
    assertTrue(h.isOpenAt(monday));
    assertFalse(h.isOpenAt(monday.withHour(12)), "the closing minute is closed");
    assertFalse(h.isOpenAt(monday.withHour(12).withMinute(45)), "the lunch break");
    assertTrue(h.isOpenAt(monday.plusDays(5).withHour(11)), "Saturday morning");
    assertFalse(h.isOpenAt(monday.plusDays(6).withHour(10)), "Sunday");
    assertEquals(h.toSyntax(), OpeningHours.parse(h.toSyntax()).toSyntax());
    assertEquals(h, OpeningHours.fromJson(h.toJson()));
    assertEquals(List.of("周六 09:00–12:00"), OpeningHours.parse("Sa 09:00-12:00").describeChinese());
    assertFalse(OpeningHours.parse("  ").known(), "empty means unknown, not closed");
    assertThrows(IllegalArgumentException.class, () -> OpeningHours.parse("weekdays"));
  }
}
