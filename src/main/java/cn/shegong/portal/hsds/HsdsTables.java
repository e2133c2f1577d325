package cn.shegong.portal.hsds;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The HSDS tabular format as the official {@code tabular.json} defines it: each table's CSV file
 * name and its columns (the one-to-one fields, in the specification's order), and the
 * datapackage.json that describes them.
 */
public final class HsdsTables {
  /** The tables the portal writes, in the order of the specification. */
  public static final List<String> WRITTEN =
      List.of(
          "organization",
          "service",
          "attribute",
          "service_at_location",
          "location",
          "phone",
          "address",
          "schedule",
          "taxonomy_term",
          "taxonomy");

  public record Table(String name, String path, List<JsonObject> fields, List<String> required) {
    public List<String> columns() {
      return fields.stream().map(f -> f.getString("name")).toList();
    }
  }

  private static final Map<String, Table> TABLES = load();

  private HsdsTables() {}

  public static Table table(String name) {
    Table t = TABLES.get(name);
    if (t == null) throw new IllegalArgumentException("not an HSDS table: " + name);
    return t;
  }

  public static Map<String, Table> all() {
    return TABLES;
  }

  /** The Frictionless data package descriptor for the written tables. */
  public static JsonObject descriptor() {
    JsonArray resources = new JsonArray();
    for (String name : WRITTEN) {
      Table t = table(name);
      JsonArray fields = new JsonArray();
      for (JsonObject f : t.fields()) {
        JsonObject field =
            new JsonObject()
                .put("name", f.getString("name"))
                .put("type", f.getString("datapackage_type", f.getString("type")));
        String format = f.getString("format");
        if (format != null && !format.equals("date-time")) field.put("format", format);
        if (f.getString("description") != null)
          field.put("description", f.getString("description"));
        fields.add(field);
      }
      resources.add(
          new JsonObject()
              .put("name", name)
              .put("path", t.path())
              .put("profile", "tabular-data-resource")
              .put("format", "csv")
              .put("mediatype", "text/csv")
              .put("encoding", "utf-8")
              .put("schema", new JsonObject().put("fields", fields).put("primaryKey", "id")));
    }
    return new JsonObject()
        .put("name", "shegong-service-map")
        .put("title", "社工服务地图 · HSDS 3.0 数据包")
        .put("profile", "tabular-data-package")
        .put("resources", resources);
  }

  private static Map<String, Table> load() {
    try (InputStream in =
        HsdsTables.class
            .getClassLoader()
            .getResourceAsStream("hsds-3.0/schema/compiled/tabular.json")) {
      if (in == null)
        throw new IllegalStateException("hsds-3.0/schema/compiled/tabular.json is missing");
      JsonObject props =
          new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8))
              .getJsonObject("properties");
      Map<String, Table> out = new LinkedHashMap<>();
      for (String name : props.fieldNames()) {
        JsonObject items = props.getJsonObject(name).getJsonObject("items");
        List<JsonObject> fields = new ArrayList<>();
        JsonObject p = items.getJsonObject("properties");
        for (String f : p.fieldNames()) {
          String type = p.getJsonObject(f).getString("type");
          if (type != null && !type.equals("array") && !type.equals("object"))
            fields.add(p.getJsonObject(f));
        }
        List<String> required = new ArrayList<>();
        for (Object r : items.getJsonArray("required", new JsonArray())) required.add((String) r);
        out.put(
            name,
            new Table(name, items.getString("path"), List.copyOf(fields), List.copyOf(required)));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
