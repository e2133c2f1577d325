package cn.shegong.portal.web;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The static files (static/ and Leaflet's webjar), read once at start into memory with a hash of
 * each file's content. Templates ask {@code asset.url("/static/css/site.css")} for {@code
 * /static/<hash>/css/site.css}: such a URL never changes meaning, so it is cached for a year as
 * immutable; the plain URL keeps a short cache.
 */
public final class Assets {
  static final String IMMUTABLE = "public, max-age=31536000, immutable";
  static final String SHORT = "public, max-age=300";
  private static final Pattern HASHED = Pattern.compile("^/(static|webjars)/([0-9a-f]{12})(/.+)$");
  private static final Map<String, String> ROOTS =
      Map.of("/static", "static", "/webjars/leaflet", "META-INF/resources/webjars/leaflet");
  private static final Map<String, String> TYPES =
      Map.ofEntries(
          Map.entry("css", "text/css; charset=utf-8"),
          Map.entry("js", "text/javascript; charset=utf-8"),
          Map.entry("svg", "image/svg+xml"),
          Map.entry("png", "image/png"),
          Map.entry("ico", "image/x-icon"),
          Map.entry("geojson", "application/geo+json"),
          Map.entry("json", "application/json"));

  record Asset(Buffer body, String type, String hash) {}

  private final Map<String, Asset> files = new ConcurrentHashMap<>();

  /** Blocking (reads the files): call on a worker thread. */
  public static Assets load() {
    Assets assets = new Assets();
    ROOTS.forEach((prefix, resource) -> assets.read(prefix, resource));
    return assets;
  }

  /** The hashed URL of a served file, or the path itself when it is not one. */
  public String url(String path) {
    Asset a = files.get(path);
    if (a == null) return path;
    int second = path.indexOf('/', 1);
    return path.substring(0, second) + "/" + a.hash() + path.substring(second);
  }

  public void handle(RoutingContext ctx) {
    String path = ctx.normalizedPath();
    var m = HASHED.matcher(path);
    String plain = m.matches() ? "/" + m.group(1) + m.group(3) : path;
    Asset a = files.get(plain);
    if (a == null) {
      ctx.next();
      return;
    }
    // a file beside a hashed one (Leaflet's images, asked relative to its CSS) carries that one's
    // hash, not its own
    boolean current = m.matches() && m.group(2).equals(a.hash());
    var response =
        ctx.response()
            .putHeader("Cache-Control", current ? IMMUTABLE : SHORT)
            .putHeader("ETag", "\"" + a.hash() + "\"");
    if (("\"" + a.hash() + "\"").equals(ctx.request().getHeader("If-None-Match"))) {
      response.setStatusCode(304).end();
      return;
    }
    response.putHeader("Content-Type", a.type()).end(a.body());
  }

  private void read(String prefix, String resource) {
    var url = Assets.class.getClassLoader().getResource(resource);
    if (url == null) return;
    try {
      URI uri = url.toURI();
      if ("jar".equals(uri.getScheme())) {
        try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
          walk(prefix, jar.provider().getPath(uri));
        }
      } else {
        walk(prefix, Path.of(uri));
      }
    } catch (IOException | URISyntaxException e) {
      throw new IllegalStateException("cannot read the static files under " + resource, e);
    }
  }

  private void walk(String prefix, Path root) throws IOException {
    try (var paths = Files.walk(root)) {
      for (Path p : paths.filter(Files::isRegularFile).toList()) {
        String name = p.getFileName().toString();
        String type = TYPES.get(name.substring(name.lastIndexOf('.') + 1));
        if (type == null || name.startsWith(".") || name.contains("-src")) continue;
        byte[] bytes = Files.readAllBytes(p);
        String rel = root.relativize(p).toString().replace('\\', '/');
        files.put(prefix + "/" + rel, new Asset(Buffer.buffer(bytes), type, hash(bytes)));
      }
    }
  }

  static String hash(byte[] bytes) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))
          .substring(0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
