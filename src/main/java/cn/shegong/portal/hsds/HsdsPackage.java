package cn.shegong.portal.hsds;

import cn.shegong.portal.db.ContentVersions;
import cn.shegong.portal.hsds.HsdsTables.Table;
import cn.shegong.portal.hsds.HsdsTaxonomy.Scheme;
import cn.shegong.portal.hsds.HsdsTaxonomy.Term;
import cn.shegong.portal.stations.Station;
import cn.shegong.portal.stations.StationCatalog;
import cn.shegong.portal.stations.StationCatalog.Filter;
import cn.shegong.portal.web.Portal;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * /hsds/datapackage.zip: the HSDS tables as CSV files with their datapackage.json. Built on a
 * worker thread into a file under the data directory (stations read in keyset batches, one table
 * file each, then zipped), kept while the stations' version stands, and sent from disk.
 */
final class HsdsPackage {
  private static final int BATCH = 500;

  private final Portal portal;
  private final StationCatalog catalog;
  private final HsdsDirectory directory;
  private final HsdsJson json;
  private Object keptVersion;
  private Future<Path> kept;

  HsdsPackage(Portal portal, StationCatalog catalog, HsdsDirectory directory, HsdsJson json) {
    this.portal = portal;
    this.catalog = catalog;
    this.directory = directory;
    this.json = json;
  }

  void send(RoutingContext ctx) {
    file()
        .onSuccess(
            path ->
                ctx.response()
                    .putHeader("Content-Type", "application/zip")
                    .putHeader("Content-Disposition", "attachment; filename=\"datapackage.zip\"")
                    .sendFile(path.toString()))
        .onFailure(ctx::fail);
  }

  synchronized Future<Path> file() {
    ContentVersions.Stations v = portal.stationsVersion().get();
    if (v != null && kept != null && v.equals(keptVersion)) return kept;
    Future<Path> built =
        directory.get().compose(names -> portal.vertx().executeBlocking(() -> build(names)));
    keptVersion = v;
    kept = built;
    built.onFailure(e -> forget(built));
    return built;
  }

  private synchronized void forget(Future<Path> failed) {
    if (kept == failed) kept = null;
  }

  private Path build(HsdsDirectory.Names names) throws Exception {
    Path dir = portal.config().dataDir().resolve("hsds");
    Files.createDirectories(dir);
    Path work = Files.createTempDirectory(dir, "build-");
    try (TableFiles tables = new TableFiles(work)) {
      for (String o : names.organizationNames())
        tables.write("organization", HsdsJson.organization(o));
      String after = null;
      while (true) {
        List<Station> batch =
            catalog
                .after(Filter.ALL, after, BATCH)
                .toCompletionStage()
                .toCompletableFuture()
                .get(2, TimeUnit.MINUTES);
        for (Station s : batch) station(tables, s);
        if (batch.size() < BATCH) break;
        after = batch.get(batch.size() - 1).slug();
      }
      for (Term t : names.terms()) tables.write("taxonomy_term", t.toJson());
      for (Scheme s : Scheme.values()) tables.write("taxonomy", s.toJson());
    }
    Path zip = dir.resolve("datapackage-" + UUID.randomUUID() + ".zip");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
      out.putNextEntry(new ZipEntry("datapackage.json"));
      out.write(HsdsTables.descriptor().encodePrettily().getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
      for (String name : HsdsTables.WRITTEN) {
        out.putNextEntry(new ZipEntry(HsdsTables.table(name).path()));
        Files.copy(work.resolve(HsdsTables.table(name).path()), out);
        out.closeEntry();
      }
    } finally {
      try (var files = Files.list(work)) {
        for (Path p : files.toList()) Files.deleteIfExists(p);
      }
      Files.deleteIfExists(work);
    }
    // older packages go; one being sent stays readable through its open file until the send ends
    try (var old = Files.newDirectoryStream(dir, "datapackage-*.zip")) {
      for (Path p : old) if (!p.equals(zip)) Files.deleteIfExists(p);
    }
    return zip;
  }

  private void station(TableFiles t, Station s) throws IOException {
    t.write("service", json.serviceRow(s));
    for (JsonObject a : json.serviceAttributes(s)) t.write("attribute", a);
    t.write("location", json.locationRow(s));
    for (Object a : json.location(s).getJsonArray("attributes"))
      t.write("attribute", (JsonObject) a);
    t.write("service_at_location", json.serviceAtLocationRow(s));
    for (JsonObject p : json.phones(s)) t.write("phone", p);
    for (JsonObject a : json.addresses(s)) t.write("address", a);
    for (JsonObject sc : json.schedules(s)) t.write("schedule", sc);
  }

  /** One open CSV file per written table, its header first. */
  private static final class TableFiles implements AutoCloseable {
    private final java.util.Map<String, OutputStream> open = new java.util.HashMap<>();

    TableFiles(Path dir) throws IOException {
      for (String name : HsdsTables.WRITTEN) {
        Table t = HsdsTables.table(name);
        OutputStream o =
            new java.io.BufferedOutputStream(Files.newOutputStream(dir.resolve(t.path())));
        o.write(cn.shegong.portal.common.Csv.line(t.columns()).getBytes(StandardCharsets.UTF_8));
        open.put(name, o);
      }
    }

    void write(String table, JsonObject row) throws IOException {
      open.get(table)
          .write(
              HsdsCsv.line(HsdsTables.table(table).columns(), row)
                  .getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() throws IOException {
      for (OutputStream o : open.values()) o.close();
    }
  }
}
