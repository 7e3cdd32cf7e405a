package dev.parjit.frame.io.parquet;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Set;

/**
 * Where snappy-java's native library is loaded from. By default snappy-java copies it into the
 * system temporary directory under a new random name in every JVM and never removes the copy of a
 * JVM that halts (Parjit's ranks do), so every run left a 280 KB file in {@code /tmp}. Native
 * snappy decompresses Parquet pages about 1.5 times faster than aircompressor's Java decoder, so
 * it stays; instead the library is copied once per version into the user's own cache directory
 * ({@code ~/.cache/parjit/native/snappy-java-<version>/<os>/<arch>}) and snappy-java is told to load
 * it from there ({@code org.xerial.snappy.lib.path}). A directory other users can write to is not
 * used (they could plant a library), and then snappy-java's default applies.
 */
final class SnappyLibrary {

  private static final String PATH_KEY = "org.xerial.snappy.lib.path";
  private static final String NAME_KEY = "org.xerial.snappy.lib.name";

  private SnappyLibrary() { }

  /** Points snappy-java at the per-user copy; call before the first use of {@code Snappy}. */
  static synchronized void prepare() {
    if (System.getProperty(PATH_KEY) != null || System.getProperty("org.xerial.snappy.use.systemlib") != null) {
      return; // the user chose
    }
    try {
      String folder = org.xerial.snappy.OSInfo.getNativeLibFolderPathForCurrentOS();
      String name = System.mapLibraryName("snappyjava");
      byte[] bundled;
      try (InputStream in = org.xerial.snappy.Snappy.class.getResourceAsStream(
          "/org/xerial/snappy/native/" + folder + "/" + name)) {
        if (in == null) {
          return; // no bundled library for this platform: snappy-java decides
        }
        bundled = in.readAllBytes();
      }
      String version = org.xerial.snappy.Snappy.class.getPackage().getImplementationVersion();
      Path dir = Path.of(System.getProperty("user.home"), ".cache", "parjit", "native",
          "snappy-java-" + (version == null ? "unknown" : version), folder);
      if (!ownedDirectory(dir)) {
        return;
      }
      Path lib = dir.resolve(name);
      if (!Files.isRegularFile(lib) || !Arrays.equals(Files.readAllBytes(lib), bundled)) {
        Path tmp = Files.createTempFile(dir, name, ".tmp");
        Files.write(tmp, bundled);
        Files.move(tmp, lib, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      }
      System.setProperty(PATH_KEY, dir.toString());
      System.setProperty(NAME_KEY, name);
    } catch (IOException | RuntimeException | LinkageError e) {
      // Read-only home, odd platform: snappy-java's own loading still works.
    }
  }

  /** Creates {@code dir} owner-only; false when it exists and others could write into it. */
  private static boolean ownedDirectory(Path dir) throws IOException {
    try {
      Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    } catch (UnsupportedOperationException e) {
      Files.createDirectories(dir);
      return true; // no POSIX permissions here
    } catch (AccessDeniedException e) {
      return false;
    }
    for (Path p = dir; p != null && p.startsWith(Path.of(System.getProperty("user.home"))); p = p.getParent()) {
      if (p.equals(Path.of(System.getProperty("user.home")))) {
        break;
      }
      Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
      if (perms.contains(PosixFilePermission.GROUP_WRITE) || perms.contains(PosixFilePermission.OTHERS_WRITE)
          || !Files.getOwner(p).getName().equals(System.getProperty("user.name"))) {
        return false;
      }
    }
    return true;
  }
}
