package cn.shegong.portal.hsds;

import static org.junit.jupiter.api.Assertions.fail;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The official HSDS 3.0 JSON Schemas (vendored under src/test/resources/hsds-3.0, CC BY-SA 4.0),
 * checked by networknt's validator with format assertions on (uuid, uri, date-time, email).
 */
final class HsdsSchemas {
  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
  private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

  private HsdsSchemas() {}

  /**
   * {@code name} as the OpenAPI file refers to it, e.g. "compiled/service_list" or "taxonomy_term".
   */
  static Schema schema(String name) {
    return SCHEMAS.computeIfAbsent(
        name,
        n -> REGISTRY.getSchema(SchemaLocation.of("classpath:hsds-3.0/schema/" + n + ".json")));
  }

  static List<Error> errors(String name, String json) {
    return schema(name)
        .validate(
            json,
            InputFormat.JSON,
            ctx -> ctx.executionConfig(c -> c.formatAssertionsEnabled(true)));
  }

  static void assertValid(String name, String json) {
    List<Error> errors = errors(name, json);
    if (!errors.isEmpty()) {
      fail(
          errors.size()
              + " errors against "
              + name
              + ", first "
              + errors.subList(0, Math.min(5, errors.size()))
              + " in "
              + (json.length() > 2000 ? json.substring(0, 2000) + "…" : json));
    }
  }
}
