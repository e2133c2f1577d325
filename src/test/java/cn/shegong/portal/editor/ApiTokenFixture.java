package cn.shegong.portal.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.shegong.portal.testing.TestPortal;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** A token made the way an operator makes one: through {@code ./portal token create}. */
final class ApiTokenFixture {
  private ApiTokenFixture() {}

  static String create(TestPortal portal, String login) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code =
        TokenCommand.run(
            portal.config(),
            new String[] {"create", login},
            new PrintStream(out, true, StandardCharsets.UTF_8));
    assertEquals(0, code);
    String[] lines = out.toString(StandardCharsets.UTF_8).strip().split("\n");
    return lines[lines.length - 1].strip();
  }
}
