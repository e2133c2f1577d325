package cn.shegong.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.shegong.portal.testing.RawHttp;
import cn.shegong.portal.testing.TestPortal;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("Connections that send half a request are closed within the configured deadlines")
class RequestDeadlinesTest {
  /**
   * Head within 2 s, body within 3 s, silence at most 4 s; the assertions allow for a loaded
   * machine.
   */
  static final Map<String, String> LIMITS =
      Map.of(
          "PORTAL_HTTP_HEADER_TIMEOUT_S",
          "2",
          "PORTAL_HTTP_BODY_TIMEOUT_S",
          "3",
          "PORTAL_HTTP_IDLE_TIMEOUT_S",
          "4",
          "PORTAL_DB_CONNECT_TIMEOUT_MS",
          "20000");

  static final long BOUND_MS = 12_000;
  static TestPortal portal;

  @BeforeAll
  static void start(Vertx vertx) throws Exception {
    portal = TestPortal.create(vertx, LIMITS).start().await(3, TimeUnit.MINUTES);
  }

  @AfterAll
  static void stop() throws Exception {
    portal.destroy().await(1, TimeUnit.MINUTES);
  }

  @Test
  @DisplayName(
      "a request head trickled one header every half second (slowloris) is cut off after the head deadline")
  void slowHead() throws Exception {
    try (RawHttp c = RawHttp.connect(portal.port())) {
      long start = System.currentTimeMillis();
      c.send("GET /news HTTP/1.1\r\nHost: localhost\r\n");
      boolean closed = false;
      for (int i = 0; i < 60 && !closed; i++) {
        closed = !c.send("X-Slow-" + i + ": still coming\r\n") || c.closedWithin(500);
      }
      long held = System.currentTimeMillis() - start;
      assertTrue(closed, "the half-sent request was still open after 30 s");
      assertTrue(held < BOUND_MS, "held for " + held + " ms");
      assertEquals("", c.received(), "no answer to a request that never finished its head");
    }
  }

  @Test
  @DisplayName("a connection that opens and says nothing is closed")
  void silent() throws Exception {
    try (RawHttp c = RawHttp.connect(portal.port())) {
      assertTrue(c.closedWithin(BOUND_MS), "a silent connection stayed open");
    }
  }

  @Test
  @DisplayName(
      "a body declared but never sent is cut off after the body deadline, although the client keeps trickling")
  void slowBody() throws Exception {
    try (RawHttp c = RawHttp.connect(portal.port())) {
      long start = System.currentTimeMillis();
      c.send(
          "POST /stations/any/report HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
              + "Content-Length: 4000\r\n\r\nfield=");
      boolean closed = false;
      for (int i = 0; i < 60 && !closed; i++) closed = !c.send("a") || c.closedWithin(500);
      long held = System.currentTimeMillis() - start;
      assertTrue(closed, "the half-sent body was still open after 30 s");
      assertTrue(held < BOUND_MS, "held for " + held + " ms");
    }
  }

  @Test
  @DisplayName(
      "a complete request is answered, and the kept-alive connection is closed once it stays silent")
  void answeredThenIdle() throws Exception {
    try (RawHttp c = RawHttp.connect(portal.port())) {
      c.send("GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n");
      assertEquals(200, c.statusWithin(BOUND_MS));
      assertTrue(c.closedWithin(BOUND_MS), "an idle kept-alive connection stayed open");
    }
  }
}
