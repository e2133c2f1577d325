package cn.shegong.portal.stations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The public history's rules: public fields only, values as readers see them")
class StationChangeTextTest {
  @Test
  @DisplayName(
      "a private field in a stored diff is never shown; codes read as their Chinese labels")
  void publicFieldsOnly() {
    JsonObject diff =
        new JsonObject(
            """
            {"verified_by": {"old": "", "new": "alice"},
             "origin": {"old": "seed", "new": "editor"},
             "status": {"old": "active", "new": "temporarily_closed"},
             "services": {"old": ["个案服务"], "new": ["个案服务", "小组活动"]},
             "opening_hours": {"old": [], "new": [{"syntax": "Mo-Fr 09:00-17:00"}]},
             "verified_how": {"old": "", "new": "phone"}}
            """);
    List<StationChange.Field> fields = StationChangeText.fields(diff);
    assertEquals(
        List.of("opening_hours", "services", "status", "verified_how"),
        fields.stream().map(StationChange.Field::code).toList());
    assertEquals("正常服务", fields.get(2).before());
    assertEquals("暂停服务", fields.get(2).after());
    assertEquals("个案服务、小组活动", fields.get(1).after());
    assertEquals("（空）", fields.get(0).before());
    assertTrue(fields.get(0).after().contains("09:00"), fields.get(0).after());
    assertEquals("电话核实", fields.get(3).after());
    assertTrue(!StationChangeText.LABELS.containsKey("verified_by"));
  }

  @Test
  @DisplayName("audit actions name the kind of change, never the person")
  void actions() {
    assertEquals("确认信息无误（实地走访）", StationChangeText.action("station.verify.visit"));
    assertEquals("状态改为暂停服务", StationChangeText.action("station.status.temporarily_closed"));
    assertEquals("批量导入更新", StationChangeText.action("station.import"));
    assertEquals("记录更新", StationChangeText.action(null));
  }
}
