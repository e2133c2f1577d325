package cn.shegong.portal.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.shegong.portal.testing.TestPortal;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The routes come from the router itself, so a route added later is walked too. */
@ExtendWith(VertxExtension.class)
@DisplayName(
    "Every registered desk and editor-API route × every role × anonymous answers as the permission table says")
class DeskRoutePermissionsTest {
  private static final Map<Role, String> LOGINS =
      Map.of(Role.ADMIN, "boss", Role.EDITOR, "eddie", Role.CONTRIBUTOR, "writer");
  static TestPortal portal;
  static final Map<Role, DeskClient> desks = new EnumMap<>(Role.class);
  static final Map<Role, String> tokens = new EnumMap<>(Role.class);

  @BeforeAll
  static void start(Vertx vertx) throws Exception {
    portal = TestPortal.create(vertx).start().await(2, TimeUnit.MINUTES);
    for (var e : LOGINS.entrySet()) {
      DeskClient.addUser(portal.database(), e.getValue(), e.getKey().code());
      desks.put(e.getKey(), DeskClient.login(portal, e.getValue()));
      tokens.put(e.getKey(), ApiTokenFixture.create(portal, e.getValue()));
    }
  }

  @AfterAll
  static void stop() throws Exception {
    portal.destroy().await(1, TimeUnit.MINUTES);
  }

  static List<Route> deskRoutes() {
    List<Route> out = new ArrayList<>();
    for (Route r : portal.verticle().router().getRoutes()) {
      if (DeskRouter.isDeskPath(r.getPath())
          && !DeskRouter.FILTER.equals(r.getMetadata(DeskRouter.PERMISSION))) out.add(r);
    }
    return out;
  }

  @Test
  @DisplayName(
      "every desk route states a permission where it is registered (or is the open sign-in page)")
  void everyRouteDeclares() {
    List<Route> routes = deskRoutes();
    assertTrue(routes.size() >= 30, "the walk found only " + routes.size() + " routes");
    List<String> undeclared = new ArrayList<>();
    for (Route r : routes) {
      Object p = r.getMetadata(DeskRouter.PERMISSION);
      if (!(p instanceof Permission) && !DeskRouter.OPEN.equals(p))
        undeclared.add(r.methods() + " " + r.getPath());
      if (r.methods() == null || r.methods().isEmpty()) undeclared.add("any method " + r.getPath());
    }
    assertEquals(List.of(), undeclared);
  }

  @Test
  @DisplayName(
      "a role with the permission gets through (404 for a missing record, 400 for an empty form), one without gets 403, anonymous 401 or the login page")
  void matrix() throws Exception {
    List<String> wrong = new ArrayList<>();
    for (Route r : deskRoutes()) {
      if (!(r.getMetadata(DeskRouter.PERMISSION) instanceof Permission needed)) continue;
      String uri = r.getPath().replaceAll(":[A-Za-z]+", "999999");
      for (HttpMethod m : r.methods()) {
        boolean api = uri.startsWith("/api/");
        int anon = call(null, m, uri).statusCode();
        int expectAnon = api || m != HttpMethod.GET ? 401 : 303;
        if (anon != expectAnon) wrong.add("anonymous " + m + " " + uri + " → " + anon);
        for (Role role : Role.values()) {
          int status = call(role, m, uri).statusCode();
          boolean allowed = role.grants(needed);
          boolean ok = allowed ? status != 401 && status != 403 && status < 500 : status == 403;
          if (!ok) wrong.add(role + " " + m + " " + uri + " needs " + needed + " → " + status);
        }
      }
    }
    assertEquals(List.of(), wrong);
  }

  @Test
  @DisplayName(
      "a desk route registered without a permission answers 403 once the router is sealed, and the refusal is audited")
  void undeclaredRouteIsRefused(Vertx vertx) throws Exception {
    var router = portal.verticle().router();
    router.get("/editor/undeclared-probe").handler(ctx -> ctx.end("reached"));
    DeskClient admin = desks.get(Role.ADMIN);
    assertEquals(
        "reached",
        admin.get("/editor/undeclared-probe").bodyAsString(),
        "the probe is live before sealing");
    Pool pool =
        PgBuilder.pool()
            .connectingTo(PgConnectOptions.fromUri(portal.database().url()))
            .using(vertx)
            .build();
    try {
      new DeskRouter(router, pool).seal();
      assertEquals(403, admin.get("/editor/undeclared-probe").statusCode());
      assertEquals(
          403, admin.get("/editor/undeclared-probe/").statusCode(), "with a trailing slash too");
    } finally {
      pool.close().await(10, TimeUnit.SECONDS);
    }
    assertEquals(
        "2",
        portal
            .database()
            .queryOne(
                "SELECT count(*) FROM audit_log WHERE action = 'access.refused' "
                    + "AND detail->>'permission' = 'undeclared' AND actor = 'boss'"));
  }

  private static HttpResponse<Buffer> call(Role role, HttpMethod m, String uri) throws Exception {
    boolean api = uri.startsWith("/api/");
    if (api) {
      var req = portal.client().request(m, uri);
      if (role != null) req.putHeader("Authorization", "Bearer " + tokens.get(role));
      return (m == HttpMethod.GET ? req.send() : req.sendBuffer(Buffer.buffer("{}")))
          .await(30, TimeUnit.SECONDS);
    }
    if (role == null) {
      var req = portal.client().request(m, uri);
      return (m == HttpMethod.GET ? req.send() : req.sendForm(DeskClient.form()))
          .await(30, TimeUnit.SECONDS);
    }
    // signing out ends the session: that route gets a session of its own
    DeskClient desk =
        uri.equals("/editor/logout") ? DeskClient.login(portal, LOGINS.get(role)) : desks.get(role);
    return m == HttpMethod.GET ? desk.get(uri) : desk.post(uri, DeskClient.form());
  }
}
