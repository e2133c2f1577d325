package cn.shegong.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("What the logs may show of a path")
class RequestLogTest {
  @Test
  @DisplayName("a station's update link loses its token; other paths stay as they are")
  void capabilities() {
    assertEquals("/stations/update/…", RequestLog.loggable("/stations/update/17.c2lnbmF0dXJl"));
    assertEquals("/stations/update/…", RequestLog.loggable("/stations/update/17.abc/anything"));
    assertEquals("/stations/jiangqiao", RequestLog.loggable("/stations/jiangqiao"));
    assertEquals("/search", RequestLog.loggable("/search"));
    assertEquals("", RequestLog.loggable(null));
  }
}
