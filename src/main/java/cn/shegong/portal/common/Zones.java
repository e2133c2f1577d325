package cn.shegong.portal.common;

import java.time.ZoneId;

public final class Zones {
  /** Dates and opening hours are read in China Standard Time, wherever the server runs. */
  public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  private Zones() {}
}
