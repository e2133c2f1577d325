package cn.shegong.portal.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.shegong.portal.testing.TestPortal;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("Restarting the portal")
class RestartTest {

  @Test
  @DisplayName("keeps every change and does not import the seeds a second time")
  void restartKeepsData(Vertx vertx) throws Exception {
    TestPortal portal = TestPortal.create(vertx).start().await(2, TimeUnit.MINUTES);
    try {
      var db = portal.database();
      String articles = db.queryOne("SELECT count(*) FROM articles");
      db.exec(
          "UPDATE stations SET phone = '021-12345678' WHERE slug = 'jiading-jiangqiao-psych-station'");
      db.exec("DELETE FROM articles WHERE slug = 'tongliao-social-work-college'");
      portal.stop().await(1, TimeUnit.MINUTES);

      portal.start().await(2, TimeUnit.MINUTES);
      assertEquals(
          String.valueOf(Integer.parseInt(articles) - 1),
          db.queryOne("SELECT count(*) FROM articles"),
          "the deleted article stays deleted: no re-seeding over a database with content");
      var page =
          portal
              .client()
              .get("/stations/jiading-jiangqiao-psych-station")
              .send()
              .await(20, TimeUnit.SECONDS);
      assertTrue(page.bodyAsString().contains("tel:021-12345678"));
      assertEquals(
          "1", db.queryOne("SELECT count(*) FROM flyway_schema_history WHERE version = '1'"));
    } finally {
      portal.destroy().await(1, TimeUnit.MINUTES);
    }
  }
}
