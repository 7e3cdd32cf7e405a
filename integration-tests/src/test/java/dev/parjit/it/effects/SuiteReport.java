package dev.parjit.it.effects;

import static org.junit.jupiter.api.Assertions.fail;

import dev.parjit.it.JobRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * How a differential suite (effects, corpus) reports one run against the sequential oracle: it
 * fails listing the programs whose state differs, then every differing line, then the table's
 * mismatches (loops, placements), and keeps the raw output under {@code integration-tests/target/DIR}.
 */
public final class SuiteReport {

  private SuiteReport() { }

  /** Adds {@code lines} to {@code problems} under {@code key}, when there are any. */
  public static void add(Map<String, List<String>> problems, String key, List<String> lines) {
    if (!lines.isEmpty()) {
      problems.computeIfAbsent(key, k -> new ArrayList<>()).addAll(lines);
    }
  }

  /**
   * Fails when the job did not finish cleanly, when any program's state differs ({@code problems},
   * by run key), or when {@code expectations} lists mismatches; prints one summary line either way.
   */
  public static void check(String where, SplitRun.Result run, Map<String, List<String>> problems,
      List<String> expectations, boolean done, int programs, String dir) throws IOException {
    Set<String> failing = new TreeSet<>();
    problems.keySet().forEach(k -> failing.add(Transcript.program(k)));
    StringBuilder msg = new StringBuilder();
    if (run.killedBecause() != null || run.exitCode() != 0 || !done) {
      msg.append(where).append(": the job did not finish cleanly: ").append(run.summary()).append('\n');
    }
    if (!failing.isEmpty()) {
      msg.append(where).append(": ").append(failing.size()).append(" of ").append(programs)
          .append(" programs leave a state other than the sequential one: ").append(failing).append('\n');
      problems.forEach((key, lines) -> msg.append("  ").append(key).append('\n').append(String.join("\n", lines))
          .append('\n'));
    }
    if (!expectations.isEmpty()) {
      msg.append(where).append(": loops or placements other than the table's:\n")
          .append(String.join("\n", expectations)).append('\n');
    }
    Path out = JobRunner.root().resolve("integration-tests/target").resolve(dir);
    Files.createDirectories(out);
    Files.writeString(out.resolve(where.replaceAll("[^A-Za-z0-9]+", "-") + ".txt"), msg + "\n--- stdout\n"
        + String.join("\n", run.stdout()) + "\n--- stderr\n" + String.join("\n", run.stderr()) + "\n");
    System.out.printf("%s: %.1f s, %d programs differ%n", where, run.seconds(), failing.size());
    if (msg.length() > 0) {
      fail(msg.toString());
    }
  }
}
