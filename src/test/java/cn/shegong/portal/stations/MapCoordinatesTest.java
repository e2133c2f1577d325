package cn.shegong.portal.stations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.shegong.portal.stations.MapCoordinates.LonLat;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("WGS-84 to GCJ-02 and BD-09 conversion")
class MapCoordinatesTest {
  private static final double EPS = 1e-9;

  @Test
  @DisplayName("Tian'anmen (116.404, 39.915) matches the coordtransform reference values")
  void beijingReference() {
    LonLat gcj = MapCoordinates.wgs84ToGcj02(116.404, 39.915);
    assertEquals(116.41024449916938, gcj.lon(), EPS);
    assertEquals(39.91640428150164, gcj.lat(), EPS);
    LonLat bd = MapCoordinates.gcj02ToBd09(116.404, 39.915);
    assertEquals(116.41036949371029, bd.lon(), EPS);
    assertEquals(39.92133699351022, bd.lat(), EPS);
  }

  @Test
  @DisplayName("Jiangqiao, Shanghai: WGS-84 → GCJ-02 → BD-09 matches the reference chain")
  void shanghaiReference() {
    LonLat gcj = MapCoordinates.wgs84ToGcj02(121.326, 31.247);
    assertEquals(121.33053969516978, gcj.lon(), EPS);
    assertEquals(31.24507633222564, gcj.lat(), EPS);
    LonLat bd = MapCoordinates.wgs84ToBd09(121.326, 31.247);
    assertEquals(121.33697351477574, bd.lon(), EPS);
    assertEquals(31.2513898027717, bd.lat(), EPS);
  }

  @Test
  @DisplayName("points outside China are not shifted for GCJ-02")
  void outsideChina() {
    LonLat london = MapCoordinates.wgs84ToGcj02(-0.1278, 51.5074);
    assertEquals(-0.1278, london.lon(), 0);
    assertEquals(51.5074, london.lat(), 0);
  }
}
