package cn.shegong.portal.stations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A station exception as an editor enters it")
class StationExceptionTest {
  static final LocalDate TODAY = LocalDate.of(2026, 9, 28);

  @Test
  @DisplayName(
      "a closure has no hours, special hours keep their syntax; an empty end date is the start date")
  void parses() {
    StationException closed = StationException.of("2026-10-01", "2026-10-07", " 国庆节装修 ", "");
    assertTrue(closed.closed());
    assertEquals("国庆节装修", closed.reason());
    assertEquals("10月1日–10月7日 暂停服务：国庆节装修", closed.text());
    assertEquals(true, closed.toJson().getBoolean("closed"));
    StationException special = StationException.of("2026-12-24", "", "平安夜", "09:00-12:00");
    assertFalse(special.closed());
    assertEquals(special.startsOn(), special.endsOn());
    assertEquals("09:00-12:00", special.toJson().getString("hours"));
    assertTrue(special.text().startsWith("12月24日 特别开放时间"));
  }

  @Test
  @DisplayName(
      "bad dates, a backwards range, more than 366 days, no reason and bad hours are refused in Chinese")
  void refuses() {
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> StationException.of("10/1", "", "x", ""))
            .getMessage()
            .contains("YYYY-MM-DD"));
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () -> StationException.of("2026-10-07", "2026-10-01", "x", ""))
            .getMessage()
            .contains("不能早于"));
    assertThrows(
        IllegalArgumentException.class,
        () -> StationException.of("2026-01-01", "2027-01-03", "x", ""));
    assertThrows(
        IllegalArgumentException.class, () -> StationException.of("2026-10-01", "", " ", ""));
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () -> StationException.of("2026-10-01", "", "x", "九点到五点"))
            .getMessage()
            .startsWith("开放时间格式有误"));
  }

  @Test
  @DisplayName("announced while current and from 7 days before it begins, not after it ended")
  void notice() {
    assertTrue(StationException.of("2026-10-01", "2026-10-07", "x", "").noticeOn(TODAY));
    assertTrue(StationException.of("2026-09-01", "2026-09-28", "x", "").noticeOn(TODAY));
    assertTrue(StationException.of("2026-10-05", "", "x", "").noticeOn(TODAY));
    assertFalse(StationException.of("2026-10-06", "", "x", "").noticeOn(TODAY));
    assertFalse(StationException.of("2026-09-01", "2026-09-27", "x", "").noticeOn(TODAY));
  }
}
