package dev.parjit.mpi.launch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A private {@code MPJ_HOME} holding the {@code conf/mpjexpress.conf} that MPJ Express reads at
 * {@code MPI.Init} (without it MPJ prints a stack trace). One per launch, deleted at the end, so
 * users never set {@code MPJ_HOME} and concurrent launches never share state.
 */
final class MpjConf implements AutoCloseable {

  private static final List<String> LINES = List.of(
      "# Written by Parjit for one launch.",
      "mpjexpress.mpi.loglevel=OFF",
      "mpjexpress.mpjdaemon.loglevel=OFF",
      "mpjexpress.mpjrun.loglevel=OFF",
      "mpjexpress.version=0.44",
      "mpjexpress.mpi.old.collectives=false");

  private final Path home;

  MpjConf() {
    try {
      home = Files.createTempDirectory("parjit-mpj-");
      Path conf = Files.createDirectories(home.resolve("conf"));
      Files.write(conf.resolve("mpjexpress.conf"), LINES);
      // MPJ writes its log files under $MPJ_HOME/logs when logging is on.
      Files.createDirectories(home.resolve("logs"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a configuration directory for MPJ Express", e);
    }
  }

  /** The configuration's lines (a remote rank's shell writes them on its host: {@link RemoteShell}). */
  static List<String> lines() {
    return LINES;
  }

  Path home() {
    return home;
  }

  @Override
  public void close() {
    try (Stream<Path> files = Files.walk(home)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // Best effort: a leftover temp directory is harmless.
    }
  }
}
