package cn.shegong.portal.stations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.shegong.portal.common.Region;
import cn.shegong.portal.stations.StationSearch.Hit;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName(
    "/api/stations assembled from kept fragments is byte for byte the JSON of encoding it whole")
class StationJsonFragmentsTest {
  static final String BASE = "https://map.example.cn";

  static Station station(long id, String name, Double lat, Double lon) {
    return new Station(
        id,
        new StationDraft(
            "s-" + id,
            name,
            StationKind.PSYCH,
            "某某社工机构 \"阳光\"",
            "说明",
            "上海市嘉定区江桥镇 <1> 号",
            new Region("上海市", "上海市", "嘉定区"),
            "江桥镇",
            lat,
            lon,
            LocationPrecision.STREET,
            "021-5999 0000",
            OpeningHours.parse("Mo-Fr 09:00-17:00"),
            List.of("心理咨询", "危机干预"),
            List.of("青少年"),
            StationStatus.ACTIVE,
            LocalDate.of(2026, 11, 1),
            null),
        3,
        null,
        null);
  }

  static String whole(long total, int limit, int offset, List<Hit> hits) {
    JsonArray list = new JsonArray();
    for (Hit h : hits) list.add(StationExports.json(h, BASE));
    return new JsonObject()
        .put("total", total)
        .put("limit", limit)
        .put("offset", offset)
        .put("stations", list)
        .encode();
  }

  @Test
  @DisplayName(
      "with and without distances, escaped quotes and angle brackets, an unlocated station, and no hits")
  void sameBytes() {
    StationJsonFragments fragments = new StationJsonFragments(BASE);
    List<Hit> hits =
        List.of(
            new Hit(station(1, "江桥镇心理健康社工站", 31.247, 121.326), 0.0123456),
            new Hit(station(2, "名字里有 \"引号\" 和 \\ 反斜杠", 31.2, 121.4), 1234.5678),
            new Hit(station(3, "没有位置的站点", null, null), null));
    for (int round = 0; round < 2; round++) { // the second round comes from the kept fragments
      assertEquals(whole(3, 20, 0, hits), fragments.list(3, 20, 0, hits).toString());
    }
    assertEquals(whole(0, 5, 10, List.of()), fragments.list(0, 5, 10, List.of()).toString());
  }

  @Test
  @DisplayName("a station changed since its fragment was kept is encoded afresh")
  void changedStation() {
    StationJsonFragments fragments = new StationJsonFragments(BASE);
    Hit before = new Hit(station(7, "旧名称", 31.0, 121.0), 2.0);
    Hit after = new Hit(station(7, "新名称", 30.0, 120.0), 3.0);
    assertEquals(
        whole(1, 1, 0, List.of(before)), fragments.list(1, 1, 0, List.of(before)).toString());
    assertEquals(
        whole(1, 1, 0, List.of(after)), fragments.list(1, 1, 0, List.of(after)).toString());
  }
}
