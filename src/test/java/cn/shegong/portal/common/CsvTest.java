package cn.shegong.portal.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("CSV cells are guarded against formulas, and reading is a bounded stream")
class CsvTest {
  @Test
  @DisplayName("every cell a spreadsheet would run as a formula is written with a leading quote")
  void guarded() {
    String line =
        Csv.line(
            List.of(
                "=HYPERLINK(\"http://evil\",\"点我\")",
                "+1",
                "-2",
                "@SUM(A1)",
                "\tx",
                "\rx",
                "普通",
                "a=b"));
    assertEquals(
        "\"'=HYPERLINK(\"\"http://evil\"\",\"\"点我\"\")\",'+1,'-2,'@SUM(A1),'\tx,\"'\rx\",普通,a=b\r\n",
        line);
  }

  @Test
  @DisplayName(
      "reading takes the guard off again, so every value round-trips exactly, quotes included")
  void roundTrip() {
    List<String> cells = List.of("=1+1", "'=1+1", "''-3", "'plain", "''", "-", "x", "", "@", "'");
    List<Csv.Record> back = Csv.parse(Csv.line(cells));
    assertEquals(cells, back.get(0).fields());
  }

  /** An endless line of one letter, produced as it is read: nothing is ever held whole. */
  static final class Endless extends Reader {
    long served;
    final char c;

    Endless(char c) {
      this.c = c;
    }

    @Override
    public int read(char[] buf, int off, int len) {
      java.util.Arrays.fill(buf, off, off + len, c);
      served += len;
      return len;
    }

    @Override
    public void close() {}
  }

  @Test
  @DisplayName(
      "a single endless line (7.8 MB and more) stops at the field limit on line 1, having read a few KB")
  void endlessField() {
    Endless in = new Endless('x');
    CsvReader reader = new CsvReader(in, new CsvReader.Limits(4096, 64, 1 << 20));
    var e = assertThrows(Csv.MalformedCsv.class, reader::next);
    assertEquals(1, e.line());
    assertTrue(e.getMessage().contains("4096"), e.getMessage());
    assertTrue(in.served < 64 * 1024, "read " + in.served + " characters");
  }

  @Test
  @DisplayName(
      "a line of commas stops at the field-count limit; a long file at the size limit, with the line number")
  void tooManyFieldsAndTooLong() {
    Endless commas = new Endless(',');
    var e =
        assertThrows(
            Csv.MalformedCsv.class,
            () -> new CsvReader(commas, new CsvReader.Limits(4096, 64, 1 << 20)).next());
    assertTrue(e.getMessage().contains("64 个字段"), e.getMessage());
    String rows = "a,b\n".repeat(1000);
    CsvReader reader =
        new CsvReader(new java.io.StringReader(rows), new CsvReader.Limits(4096, 64, 2000));
    var tooLong =
        assertThrows(
            Csv.MalformedCsv.class,
            () -> {
              while (reader.next() != null) {}
            });
    assertEquals(501, tooLong.line(), tooLong.getMessage());
  }

  @Test
  @DisplayName(
      "quoted fields with commas, quotes and line breaks, a BOM and blank lines read as before")
  void rfc4180() {
    List<Csv.Record> r = Csv.parse("\uFEFFa,\"b,\"\"c\"\"\nd\"\r\n\r\nx,y");
    assertEquals(List.of("a", "b,\"c\"\nd"), r.get(0).fields());
    assertEquals(4, r.get(1).line());
    assertEquals(List.of("x", "y"), r.get(1).fields());
  }
}
