package cn.shegong.portal.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.MultiMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName(
    "What a station may propose: exceptions as lines, checks in Chinese, only the changed fields")
class StationUpdateRulesTest {
  @Test
  @DisplayName("exception lines read back into the same lines; closures and special hours both")
  void exceptionLines() {
    String text = "2026-10-01 至 2026-10-07 休息 国庆节闭馆\n2026-02-10 09:00-12:00 春节值班";
    ExceptionLines.Parsed p = ExceptionLines.parse(text);
    assertEquals(List.of(), p.errors());
    assertEquals(2, p.exceptions().size());
    assertTrue(!p.exceptions().get(0).hours().known(), "休息 is a closure");
    assertEquals(text, ExceptionLines.format(p.exceptions()));
    assertEquals(
        text,
        ExceptionLines.format(
            ExceptionLines.parse(
                    "  2026-10-01 到 2026-10-07 off 国庆节闭馆\r\n\n2026-02-10 09:00-12:00 春节值班")
                .exceptions()));
  }

  @Test
  @DisplayName("a wrong line is named with its number and what is wrong")
  void exceptionErrors() {
    assertEquals(
        List.of("临时调整第 1 行：结束日期早于开始日期"),
        ExceptionLines.parse("2026-10-07 至 2026-10-01 休息 国庆").errors());
    assertEquals(
        List.of("临时调整第 2 行：请写明原因（如“国庆节闭馆”）"),
        ExceptionLines.parse("2026-10-01 休息 国庆\n2026-10-02 休息").errors());
    assertTrue(ExceptionLines.parse("十月一日 休息 国庆").errors().get(0).contains("应以日期开头"));
    assertTrue(ExceptionLines.parse("2026-10-01 九点到五点 国庆").errors().get(0).contains("开放时间格式有误"));
  }

  static MultiMap form(String... pairs) {
    MultiMap m = MultiMap.caseInsensitiveMultiMap();
    for (int i = 0; i < pairs.length; i += 2) m.add(pairs[i], pairs[i + 1]);
    return m;
  }

  @Test
  @DisplayName(
      "checks: name and role required, phone digits only, hours in opening_hours syntax; changes list only what differs")
  void formChecks() {
    StationUpdateForm bad =
        StationUpdateForm.read(form("phone", "请打总机", "opening_hours", "每天", "services", "个案辅导"));
    assertEquals(4, bad.errors().size(), bad.errors().toString());
    assertTrue(bad.errors().contains("请填写您的姓名（最多 60 字）"));
    assertTrue(bad.errors().stream().anyMatch(e -> e.startsWith("开放时间：开放时间格式有误")));
    Map<String, String> current = new LinkedHashMap<>();
    for (String f : StationUpdateForm.FIELDS.keySet()) current.put(f, "");
    current.put("services", "个案辅导\n小组活动");
    StationUpdateForm ok =
        StationUpdateForm.read(
            form(
                "proposer_name",
                "王芳",
                "proposer_role",
                "站长",
                "phone",
                "021-5999 0000",
                "opening_hours",
                " Mo-Fr 09:00-17:00 ",
                "services",
                "个案辅导；小组活动"));
    assertEquals(List.of(), ok.errors());
    assertEquals(
        List.of("opening_hours", "phone"),
        ok.changes(current).fieldNames().stream().sorted().toList(),
        "the services, only written differently, did not change");
  }
}
