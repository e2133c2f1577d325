package cn.shegong.portal.stations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Opening hours with China's calendar, against hand-checked days of 2026")
class OpeningHoursTest {
  static final ChinaCalendar CAL = ChinaCalendar.bundled();

  static String on(String hours, String date) {
    var spans = HoursRules.on(OpeningHours.parse(hours), CAL.day(LocalDate.parse(date)));
    return spans.stream()
        .map(s -> s.openText() + "-" + s.closeText())
        .collect(Collectors.joining(","));
  }

  @Test
  @DisplayName(
      "the calendar: 2026-10-01 is 国庆节, Sunday 2026-09-20 and 2026-01-04 are 调休 working days, 2026-09-13 a weekend")
  void calendar() {
    assertEquals(ChinaCalendar.DayType.HOLIDAY, CAL.day(LocalDate.parse("2026-10-01")).type());
    assertEquals("国庆节", CAL.day(LocalDate.parse("2026-10-01")).holiday());
    assertEquals(
        ChinaCalendar.DayType.ADJUSTED_WORKDAY, CAL.day(LocalDate.parse("2026-09-20")).type());
    assertEquals(
        ChinaCalendar.DayType.ADJUSTED_WORKDAY, CAL.day(LocalDate.parse("2026-01-04")).type());
    assertEquals(ChinaCalendar.DayType.WEEKEND, CAL.day(LocalDate.parse("2026-09-13")).type());
    assertEquals(ChinaCalendar.DayType.WORKDAY, CAL.day(LocalDate.parse("2026-09-30")).type());
  }

  @Test
  @DisplayName(
      "weekday ranges and several intervals; closed on a holiday without PH; a 调休 Sunday keeps the weekday hours")
  void weekly() {
    String h = "Mo-Fr 09:00-12:00,13:30-17:30; Sa 09:00-12:00";
    assertEquals("09:00-12:00,13:30-17:30", on(h, "2026-09-30"));
    assertEquals("", on(h, "2026-10-01"), "国庆节: closed");
    assertEquals("09:00-12:00,13:30-17:30", on(h, "2026-09-20"), "调休上班 Sunday");
    assertEquals("09:00-12:00", on(h, "2026-09-19"));
    assertEquals("", on(h, "2026-09-13"));
  }

  @Test
  @DisplayName("on a 调休 day Monday's hours when the weekdays differ; PH rules; off; dates")
  void rules() {
    assertEquals("08:00-12:00", on("Mo 08:00-12:00; Tu-Fr 09:00-17:00", "2026-01-04"));
    assertEquals("10:00-14:00", on("Mo-Su 09:00-17:00; PH 10:00-14:00", "2026-10-01"));
    assertEquals("09:00-17:00", on("Mo-Su 09:00-17:00; PH 10:00-14:00", "2026-10-08"));
    assertEquals("", on("Mo-Su 09:00-17:00; We off", "2026-09-30"));
    assertEquals("", on("Mo-Fr 09:00-17:00; Sep 28-Sep 30 off", "2026-09-29"));
    assertEquals("09:00-17:00", on("Mo-Fr 09:00-17:00; Sep 28-Sep 30 off", "2026-10-09"));
    assertEquals("00:00-24:00", on("24/7; PH 00:00-24:00", "2026-10-01"));
  }

  @Test
  @DisplayName(
      "bad hours are refused with a Chinese message; unknown hours are unknown, not closed")
  void refused() {
    var e = assertThrows(IllegalArgumentException.class, () -> OpeningHours.parse("Mo-Fr 9点到5点"));
    assertTrue(e.getMessage().startsWith("开放时间格式有误"), e.getMessage());
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> OpeningHours.parse("SH off"))
            .getMessage()
            .contains("暂不支持"));
    assertFalse(OpeningHours.parse("").known());
    assertFalse(OpeningHours.parse("  ").known());
  }

  @Test
  @DisplayName("stored as [{syntax}], the older interval form still read; Chinese description")
  void storage() {
    OpeningHours h = OpeningHours.parse("Mo-Fr 09:00-17:00; PH off");
    assertEquals(h, OpeningHours.fromJson(h.toJson()));
    OpeningHours old =
        OpeningHours.fromJson(
            new JsonArray(
                "[{\"day\":1,\"open\":\"09:00\",\"close\":\"12:00\"},"
                    + "{\"day\":1,\"open\":\"13:00\",\"close\":\"17:00\"},{\"day\":6,\"open\":\"09:00\",\"close\":\"12:00\"}]"));
    assertEquals("Mo 09:00-12:00,13:00-17:00; Sa 09:00-12:00", old.toSyntax());
    assertEquals(List.of("周一至周五 09:00–17:00", "法定节假日 休息"), h.describeChinese());
  }
}
