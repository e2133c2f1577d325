package cn.shegong.portal.stations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A new kind of station is one enum constant, one migration and one colour: nothing else in the
 * styles or scripts may spell a kind's code.
 */
@DisplayName("Station kinds have one source")
class StationKindTest {
  @Test
  @DisplayName("every kind has exactly one colour rule, and no other CSS or script names a kind")
  void oneColourPerKind() throws IOException {
    String site = Files.readString(Path.of("static/css/site.css"));
    List<String> strays = new ArrayList<>();
    for (StationKind k : StationKind.values()) {
      var rule = Pattern.compile("\\.kind-" + k.code() + "\\s*\\{\\s*--kind:").matcher(site);
      int rules = 0;
      while (rule.find()) rules++;
      assertEquals(1, rules, "one colour rule for " + k.code());
      Pattern named = Pattern.compile("kind-" + k.code() + "\\b|['\"]" + k.code() + "['\"]");
      try (Stream<Path> files = Files.walk(Path.of("static"))) {
        for (Path f : files.filter(p -> p.toString().matches(".*\\.(css|js)$")).toList()) {
          if (f.toString().contains("vendor")) continue;
          for (String line : Files.readAllLines(f)) {
            if (named.matcher(line).find() && !line.contains("{ --kind:"))
              strays.add(f + ": " + line.strip());
          }
        }
      }
    }
    assertTrue(strays.isEmpty(), "kinds named outside their colour rule: " + strays);
  }

  @Test
  @DisplayName("messages list every kind from the enum, with one spelling of 镇（街道）")
  void messagesFromTheEnum() {
    for (StationKind k : StationKind.values()) {
      assertTrue(StationKind.choices().contains(k.code() + "（" + k.label() + "）"));
      assertTrue(StationKind.labels().contains(k.label()));
      assertEquals(k, StationKind.fromCode(" " + k.code() + " ").orElseThrow());
    }
    assertTrue(StationKind.fromCode("unknown").isEmpty());
    assertTrue(StationKind.labels().contains("镇（街道）") && !StationKind.labels().contains("镇(街道)"));
  }
}
