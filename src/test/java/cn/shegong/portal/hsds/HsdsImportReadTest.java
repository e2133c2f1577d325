package cn.shegong.portal.hsds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Reading HSDS files for import: bounded, every problem with its table, row and field")
class HsdsImportReadTest {
  static byte[] zip(String name, byte[] content) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(out)) {
      z.putNextEntry(new ZipEntry(name));
      z.write(content);
      z.closeEntry();
    }
    return out.toByteArray();
  }

  static HsdsImport.Read read(byte[] bytes) throws Exception {
    return HsdsImport.read(new ByteArrayInputStream(bytes), bytes.length);
  }

  @Test
  @DisplayName("a zip that unpacks to more than 32 MB of CSV is refused, however small it is")
  void zipBomb() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(out)) {
      put(z, "services.csv", "id,name,status\n");
      z.putNextEntry(new ZipEntry("phones.csv"));
      z.write("id,number\n".getBytes(StandardCharsets.UTF_8));
      byte[] row = ("p," + "1".repeat(8000) + "\n").getBytes(StandardCharsets.UTF_8);
      for (int i = 0; i < 4200; i++) z.write(row);
      z.closeEntry();
    }
    byte[] bomb = out.toByteArray();
    assertTrue(bomb.length < 1024 * 1024, "small on the wire: " + bomb.length);
    HsdsImport.NotHsds e = assertThrows(HsdsImport.NotHsds.class, () -> read(bomb));
    assertTrue(e.getMessage().contains("数据包解压后太大"), e.getMessage());
  }

  @Test
  @DisplayName("a table of more than 60,000 rows is refused with its file name")
  void manyRows() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(out)) {
      put(z, "services.csv", "id,name,status\n");
      put(z, "phones.csv", "id,number\n" + "p,1\n".repeat(60_001));
    }
    byte[] both = out.toByteArray();
    HsdsImport.NotHsds e = assertThrows(HsdsImport.NotHsds.class, () -> read(both));
    assertEquals("phones.csv 的行数太多（最多 60000 行），请分成几个数据包。", e.getMessage());
  }

  @Test
  @DisplayName("a zip without services.csv, an empty file and plain text are not HSDS")
  void notHsds() throws Exception {
    assertTrue(
        assertThrows(HsdsImport.NotHsds.class, () -> read(zip("readme.txt", new byte[] {1})))
            .getMessage()
            .contains("services.csv"));
    assertThrows(
        HsdsImport.NotHsds.class, () -> HsdsImport.read(new ByteArrayInputStream(new byte[0]), 0));
    assertThrows(HsdsImport.NotHsds.class, () -> read("hello".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  @DisplayName(
      "tabular rows name their file and line; a service's location, address, phone and attributes are joined by id")
  void tabular() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String sid = "0b7d6b1e-2f64-4f55-9a53-1f9e1c2a0001";
    String lid = "0b7d6b1e-2f64-4f55-9a53-1f9e1c2a0002";
    try (ZipOutputStream z = new ZipOutputStream(out)) {
      put(z, "services.csv", "id,name,status\n" + sid + ",某站,active\nbad-id,,active\n");
      put(z, "service_at_location.csv", "id,service_id,location_id\ns1," + sid + "," + lid + "\n");
      put(
          z,
          "locations.csv",
          "id,location_type,name,latitude,longitude\n" + lid + ",physical,某站,31.5,121.25\n");
      put(
          z,
          "addresses.csv",
          "id,location_id,address_1,city,state_province,postal_code,country,address_type\na,"
              + lid
              + ",某路 1 号,上海市,上海市,,CN,physical\n");
      put(z, "phones.csv", "id,service_id,number\np," + sid + ",021-1234\n");
      put(z, "attributes.csv", "id,link_id,link_type,value\nt," + sid + ",station_kind,psych\n");
    }
    HsdsImport.Read r = read(out.toByteArray());
    assertEquals(2, r.read());
    assertEquals(1, r.services().size());
    var row = r.services().get(0).row();
    assertEquals(
        "某站|psych|某路 1 号|上海市|31.5|121.25|021-1234",
        String.join(
            "|",
            row.get("name"),
            row.get("kind"),
            row.get("address_1"),
            row.get("city"),
            row.get("latitude"),
            row.get("longitude"),
            row.get("phone")));
    assertEquals(lid, r.services().get(0).locationId());
    assertTrue(
        r.problems().stream().anyMatch(p -> p.text().equals("services.csv 第 3 行，字段 name：不能为空")),
        r.problems().toString());
    assertTrue(
        r.problems().stream()
            .anyMatch(p -> p.text().startsWith("services.csv 第 3 行，字段 id：应为 UUID")));
  }

  static void put(ZipOutputStream z, String name, String text) throws Exception {
    z.putNextEntry(new ZipEntry(name));
    z.write(text.getBytes(StandardCharsets.UTF_8));
    z.closeEntry();
  }

  @Test
  @DisplayName("ndjson: one service a line")
  void ndjson() throws Exception {
    String a =
        "{\"id\": \"0b7d6b1e-2f64-4f55-9a53-1f9e1c2a0001\", \"name\": \"甲\", \"status\": \"active\"}";
    String b =
        "{\"id\": \"0b7d6b1e-2f64-4f55-9a53-1f9e1c2a0002\", \"name\": \"乙\", \"status\": \"defunct\"}";
    HsdsImport.Read r = read((a + "\n" + b + "\n").getBytes(StandardCharsets.UTF_8));
    assertEquals(2, r.services().size());
    assertEquals("closed", r.services().get(1).row().get("status"));
  }
}
