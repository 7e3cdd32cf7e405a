package dev.parjit.frame.io.parquet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** snappy-java's native library comes from one per-user copy, not a new file in /tmp per JVM. */
class SnappyLibraryTest {

  private static final String PATH_KEY = "org.xerial.snappy.lib.path";
  private static final String NAME_KEY = "org.xerial.snappy.lib.name";

  @TempDir
  Path home;
  private String savedHome;
  private String savedPath;
  private String savedName;

  @BeforeEach
  void useTemporaryHome() {
    savedHome = System.getProperty("user.home");
    savedPath = System.clearProperty(PATH_KEY);
    savedName = System.clearProperty(NAME_KEY);
    System.setProperty("user.home", home.toString());
  }

  @AfterEach
  void restore() {
    System.setProperty("user.home", savedHome);
    restore(PATH_KEY, savedPath);
    restore(NAME_KEY, savedName);
  }

  private static void restore(String key, String value) {
    if (value == null) {
      System.clearProperty(key);
    } else {
      System.setProperty(key, value);
    }
  }

  @Test
  void theBundledLibraryIsCopiedOnceIntoTheUsersCache() throws Exception {
    SnappyLibrary.prepare();
    Path dir = Path.of(System.getProperty(PATH_KEY));
    assertTrue(dir.startsWith(home.resolve(".cache/parjit/native")), dir.toString());
    Path lib = dir.resolve(System.getProperty(NAME_KEY));
    byte[] bundled;
    try (InputStream in = org.xerial.snappy.Snappy.class.getResourceAsStream("/org/xerial/snappy/native/"
        + org.xerial.snappy.OSInfo.getNativeLibFolderPathForCurrentOS() + "/" + System.mapLibraryName("snappyjava"))) {
      bundled = in.readAllBytes();
    }
    assertArrayEquals(bundled, Files.readAllBytes(lib));
    long modified = Files.getLastModifiedTime(lib).toMillis();
    System.clearProperty(PATH_KEY);
    SnappyLibrary.prepare(); // a second JVM: the same file, not rewritten
    assertTrue(Files.getLastModifiedTime(lib).toMillis() == modified);
    try (var files = Files.list(dir)) {
      assertTrue(files.count() == 1, "one file, no temporaries left");
    }
  }

  @Test
  void aCacheOthersCanWriteIsNotUsed() throws Exception {
    Path cache = Files.createDirectories(home.resolve(".cache/parjit"));
    Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("rwxrwxrwx"));
    SnappyLibrary.prepare();
    assertNull(System.getProperty(PATH_KEY), "snappy-java's own loading applies");
  }
}
