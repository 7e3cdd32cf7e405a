package dev.parjit.analysis.diagnostics;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The source text of a class, found on Parjit's source path: {@code -Dparjit.sourcepath}
 * (entries separated like a classpath), else {@code src/main/java} and {@code src/test/java} under
 * the working directory. Diagnostics fall back to bytecode line numbers when nothing is found.
 */
public final class SourceLines {

  private final List<String> lines;

  private SourceLines(List<String> lines) {
    this.lines = lines;
  }

  /** The roots searched, in order. */
  public static List<Path> roots() {
    List<Path> out = new ArrayList<>();
    String configured = System.getProperty("parjit.sourcepath");
    if (configured != null && !configured.isBlank()) {
      for (String entry : configured.split(File.pathSeparator)) {
        if (!entry.isBlank()) {
          out.add(Path.of(entry));
        }
      }
      return out;
    }
    Path cwd = Path.of(System.getProperty("user.dir", "."));
    out.add(cwd.resolve("src/main/java"));
    out.add(cwd.resolve("src/test/java"));
    return out;
  }

  /**
   * The source of {@code owner} (an internal name) whose {@code SourceFile} attribute is
   * {@code sourceFile}, or {@code null} when there is none on the roots.
   */
  public static SourceLines find(String owner, String sourceFile, List<Path> roots) {
    if (sourceFile == null) {
      return null;
    }
    int slash = owner.lastIndexOf('/');
    String relative = (slash < 0 ? "" : owner.substring(0, slash + 1)) + sourceFile;
    for (Path root : roots) {
      Path file = root.resolve(relative);
      if (Files.isRegularFile(file)) {
        try {
          return new SourceLines(Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
          return null; // unreadable: fall back to line numbers
        }
      }
    }
    return null;
  }

  /** Line {@code n} (1-based), or {@code null} past the end. */
  public String line(int n) {
    return n >= 1 && n <= lines.size() ? lines.get(n - 1) : null;
  }

  /** Number of lines. */
  public int size() {
    return lines.size();
  }
}
