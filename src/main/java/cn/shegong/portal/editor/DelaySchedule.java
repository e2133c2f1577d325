package cn.shegong.portal.editor;

/**
 * How long a throttle key must wait after its n-th consecutive attempt: the first {@code free}
 * attempts wait nothing, then {@code firstSeconds}, doubling up to {@code capSeconds}. A cap, never
 * a lock: the right password always gets its turn within {@code capSeconds}.
 */
public record DelaySchedule(int free, int firstSeconds, int capSeconds) {
  /** Per account: five free tries, then 1, 2, 4 … 60 seconds. */
  public static final DelaySchedule ACCOUNT = new DelaySchedule(5, 1, 60);

  /** Per client address: nine free tries, then 30 seconds doubling to 15 minutes. */
  public static final DelaySchedule ADDRESS = new DelaySchedule(9, 30, 900);

  public DelaySchedule {
    if (free < 0 || firstSeconds < 1 || capSeconds < firstSeconds)
      throw new IllegalArgumentException("bad schedule");
  }

  /** Seconds to wait after attempt {@code n} (1-based). */
  public int afterAttempt(int n) {
    if (n <= free) return 0;
    int doublings = Math.min(n - free - 1, 30);
    return (int) Math.min((long) firstSeconds << doublings, capSeconds);
  }

  /**
   * The delays for attempts 1, 2, … up to the first that reaches the cap; the last entry holds for
   * every later one.
   */
  Integer[] table() {
    int n = 1;
    while (afterAttempt(n) < capSeconds) n++;
    Integer[] out = new Integer[n];
    for (int i = 0; i < n; i++) out[i] = afterAttempt(i + 1);
    return out;
  }
}
