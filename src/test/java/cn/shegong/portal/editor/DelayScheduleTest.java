package cn.shegong.portal.editor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The sign-in delay schedule")
class DelayScheduleTest {
  @Test
  @DisplayName("an account gets five free tries, then 1, 2, 4 … seconds, capped at one minute")
  void account() {
    DelaySchedule s = DelaySchedule.ACCOUNT;
    for (int n = 1; n <= 5; n++) assertEquals(0, s.afterAttempt(n), "attempt " + n);
    assertEquals(1, s.afterAttempt(6));
    assertEquals(2, s.afterAttempt(7));
    assertEquals(4, s.afterAttempt(8));
    assertEquals(32, s.afterAttempt(11));
    assertEquals(60, s.afterAttempt(12));
    assertEquals(60, s.afterAttempt(1_000_000), "never more than the cap: no lock-out");
  }

  @Test
  @DisplayName("an address gets nine free tries, then half a minute doubling to a quarter hour")
  void address() {
    DelaySchedule s = DelaySchedule.ADDRESS;
    assertEquals(0, s.afterAttempt(9));
    assertEquals(30, s.afterAttempt(10));
    assertEquals(60, s.afterAttempt(11));
    assertEquals(900, s.afterAttempt(16));
    assertEquals(900, s.afterAttempt(Integer.MAX_VALUE));
  }

  @Test
  @DisplayName(
      "the table given to PostgreSQL ends at the first capped delay, which then holds for every later attempt")
  void table() {
    assertArrayEquals(
        new Integer[] {0, 0, 0, 0, 0, 1, 2, 4, 8, 16, 32, 60}, DelaySchedule.ACCOUNT.table());
    Integer[] t = new DelaySchedule(0, 5, 5).table();
    assertArrayEquals(new Integer[] {5}, t);
    assertTrue(DelaySchedule.ADDRESS.table().length < 20);
  }

  @Test
  @DisplayName("a schedule whose cap is below its first delay is refused")
  void invalid() {
    assertThrows(IllegalArgumentException.class, () -> new DelaySchedule(1, 10, 5));
  }
}
