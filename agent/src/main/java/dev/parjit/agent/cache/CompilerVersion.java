package dev.parjit.agent.cache;

import dev.parjit.analysis.JitCallGraph;
import dev.parjit.transforms.ClassRewriter;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Which compiler produced an entry: Parjit's version plus a fingerprint of the code that compiles.
 * The version alone is not enough: a {@code -SNAPSHOT} stays the same across rebuilds, and an
 * entry made by an older analysis must not survive a rebuild. The fingerprint is the agent jar's
 * path, size and modification time (a stat, because every JVM of a job pays for it at start-up;
 * hashing the jar's table of contents cost about 140 ms in a fresh JVM), or, when running from
 * class directories, every class file's name, size and time. A rebuilt jar thus invalidates the
 * cache even when nothing changed, which only costs one analysis. The Java feature version is part
 * of it too, since frames are computed against JDK classes.
 */
public final class CompilerVersion {

  private static volatile String id;

  private CompilerVersion() { }

  /** {@code version+fingerprint}, computed once per JVM. */
  public static String id() {
    String v = id;
    if (v == null) {
      v = version() + "+" + fingerprint();
      id = v;
    }
    return v;
  }

  /** The agent's Maven version, from the jar's {@code pom.properties}, or {@code unknown}. */
  public static String version() {
    String impl = CompilerVersion.class.getPackage().getImplementationVersion();
    if (impl != null) {
      return impl;
    }
    try (InputStream in = CompilerVersion.class.getResourceAsStream(
        "/META-INF/maven/dev.parjit/parjit-agent/pom.properties")) {
      if (in != null) {
        Properties p = new Properties();
        p.load(in);
        return p.getProperty("version", "unknown");
      }
    } catch (IOException e) {
      // fall through
    }
    return "unknown";
  }

  private static String fingerprint() {
    MessageDigest sha = CacheKey.sha256();
    sha.update(("java " + Runtime.version().feature()).getBytes(StandardCharsets.UTF_8));
    Set<Path> sources = new LinkedHashSet<>();
    for (Class<?> c : List.of(CompilerVersion.class, ClassRewriter.class, JitCallGraph.class)) {
      try {
        sources.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()));
      } catch (URISyntaxException | RuntimeException e) {
        sha.update(c.getName().getBytes(StandardCharsets.UTF_8)); // no location: the name is all we have
      }
    }
    for (Path source : sources) {
      try {
        if (Files.isDirectory(source)) {
          directory(sha, source);
        } else {
          sha.update((source + ":" + Files.size(source) + ":" + Files.getLastModifiedTime(source).toMillis())
              .getBytes(StandardCharsets.UTF_8));
        }
      } catch (IOException e) {
        sha.update(source.toString().getBytes(StandardCharsets.UTF_8));
      }
    }
    return HexFormat.of().formatHex(sha.digest(), 0, 8);
  }

  private static void directory(MessageDigest sha, Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        sha.update((dir.relativize(f) + ":" + Files.size(f) + ":" + Files.getLastModifiedTime(f).toMillis() + "\n")
            .getBytes(StandardCharsets.UTF_8));
      }
    }
  }
}
