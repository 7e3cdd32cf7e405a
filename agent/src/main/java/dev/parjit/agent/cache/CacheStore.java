package dev.parjit.agent.cache;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The files of one cache directory: {@code <key>.pjc} per entry. Writers never touch a visible
 * file: each writes a private temporary file in the same directory and renames it over the entry
 * atomically, so concurrent writers (ranks of one job, several jobs) are safe, the last rename
 * wins, and readers see a whole old file or a whole new one.
 */
final class CacheStore {

  /** File name suffix of an entry. */
  static final String SUFFIX = ".pjc";
  private static final String TEMP_SUFFIX = ".tmp";

  /** What a lookup found. */
  sealed interface Lookup permits Found, Missing, Rejected { }

  /** A readable entry written for the key asked for. */
  record Found(CacheEntry entry) implements Lookup { }

  /** No entry. */
  record Missing() implements Lookup { }

  /** A file that must not be used, and why. */
  record Rejected(Path file, String reason, boolean stale) implements Lookup { }

  /** One file of a listing: the entry, or why it cannot be read. */
  record Listed(Path file, long size, long modifiedMillis, CacheEntry entry, String problem) { }

  private final Path dir;

  CacheStore(Path dir) {
    this.dir = dir;
  }

  Path dir() {
    return dir;
  }

  Path file(String key) {
    return dir.resolve(key + SUFFIX);
  }

  Lookup load(String key) {
    Path file = file(key);
    byte[] data;
    try {
      data = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return new Missing();
    } catch (IOException e) {
      return new Rejected(file, "unreadable: " + e, false);
    }
    try {
      CacheEntry entry = EntryCodec.decode(data);
      if (!entry.key().equals(key)) {
        return new Rejected(file, "written for key " + entry.key(), false);
      }
      return new Found(entry);
    } catch (EntryFormatException e) {
      return new Rejected(file, e.getMessage(), e.stale());
    }
  }

  /** Writes the entry through a temporary file and an atomic rename; returns the entry's file. */
  Path store(CacheEntry entry) throws IOException {
    createDirectory();
    Path target = file(entry.key());
    // createTempFile makes a new, owner-only file with a unique name: no two writers share one.
    Path temp = Files.createTempFile(dir, "." + entry.key() + ".", TEMP_SUFFIX);
    try {
      Files.write(temp, EntryCodec.encode(entry));
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        // Never fall back to a plain copy: a reader could see half of it.
        throw new IOException("the file system of " + dir + " cannot rename atomically", e);
      }
      return target;
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private void createDirectory() throws IOException {
    if (Files.isDirectory(dir)) {
      return;
    }
    try {
      // Owner-only: entries are code this user's JVMs will run.
      Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    } catch (UnsupportedOperationException e) {
      Files.createDirectories(dir);
    }
  }

  /** Every entry file, oldest first; unreadable ones with their problem. */
  List<Listed> list() throws IOException {
    List<Listed> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
      for (Path f : files) {
        if (f.getFileName().toString().startsWith(".")) {
          continue;
        }
        long size = Files.size(f);
        long modified = Files.getLastModifiedTime(f).toMillis();
        String name = f.getFileName().toString();
        Lookup l = load(name.substring(0, name.length() - SUFFIX.length()));
        out.add(l instanceof Found found ? new Listed(f, size, modified, found.entry(), null)
            : new Listed(f, size, modified, null, ((Rejected) l).reason()));
      }
    }
    out.sort(Comparator.comparingLong(Listed::modifiedMillis));
    return out;
  }

  /**
   * Deletes the entries and left-over temporary files; nothing else, so a mistyped directory
   * loses no other files. Returns how many files went.
   */
  int clear() throws IOException {
    int deleted = 0;
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
      for (Path f : files) {
        String name = f.getFileName().toString();
        boolean entry = name.endsWith(SUFFIX) && !name.startsWith(".");
        boolean temp = name.startsWith(".") && name.endsWith(TEMP_SUFFIX);
        if ((entry || temp) && Files.isRegularFile(f) && Files.deleteIfExists(f)) {
          deleted++;
        }
      }
    }
    return deleted;
  }
}
