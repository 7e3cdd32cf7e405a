package dev.parjit.it.jshell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parjit.frame.DataFrame;
import dev.parjit.it.JobRunner;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * JShell drives Parjit as a user would: a {@code @Jit} method defined in a snippet runs on 2
 * workers (its class shipped to them as bytes), a redefinition of it runs the new code, and a
 * lazy frame prints like pandas. Run through {@code bin/parjit jshell} and through the JDK's
 * {@code jshell} with the documented {@code -R-javaagent:} line; the answers are the sequential
 * ones computed here, and the workers' loop shares show the work was split.
 */
class JShellTest {

  private static final int N = 1001;

  /** The snippet's first version, run here without Parjit: the oracle. */
  private static double first(int n) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) x[i] = i * 0.5;
    double s = 0;
    for (int i = 0; i < n; i++) s += x[i] * x[i];
    return s;
  }

  /** The redefined version. */
  private static double second(int n) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) x[i] = i * 2.0 + 1;
    double s = 0;
    for (int i = 0; i < n; i++) s += x[i] * x[i];
    return s;
  }

  private static DataFrame frame(int n) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) x[i] = i + 0.5;
    return DataFrame.of("A", x);
  }

  private static final String SCRIPT = String.join("\n",
      "@Jit static double sumsq(int n) { double[] x = new double[n]; for (int i = 0; i < n; i++) x[i] = i * 0.5;"
          + " double s = 0; for (int i = 0; i < n; i++) s += x[i] * x[i]; return s; }",
      "System.out.println(\"first=\" + sumsq(" + N + "));",
      "System.out.println(\"stats1=\" + Parjit.stats());",
      "@Jit static double sumsq(int n) { double[] x = new double[n]; for (int i = 0; i < n; i++) x[i] = i * 2.0 + 1;"
          + " double s = 0; for (int i = 0; i < n; i++) s += x[i] * x[i]; return s; }",
      "System.out.println(\"second=\" + sumsq(" + N + "));",
      "System.out.println(\"stats2=\" + Parjit.stats());",
      "@Jit static DataFrame frame(int n) { double[] x = new double[n]; for (int i = 0; i < n; i++) x[i] = i + 0.5;"
          + " return DataFrame.of(\"A\", x); }",
      "DataFrame df = frame(12);",
      "System.out.println(\"stats3=\" + Parjit.stats());",
      "System.out.println(\"frame:\\n\" + df);",
      "/exit",
      "");

  @ParameterizedTest
  @ValueSource(strings = {"bin/parjit jshell", "jshell -R-javaagent"})
  void snippetsRunOnTwoWorkersAndRedefinitionsRecompile(String how, @TempDir Path dir) throws Exception {
    Path script = dir.resolve("script.jsh");
    Files.writeString(script, SCRIPT);
    Path root = JobRunner.root();
    List<String> cmd = new ArrayList<>();
    if (how.startsWith("bin/parjit")) {
      cmd.addAll(List.of("bash", root.resolve("bin/parjit").toString(), "jshell", "--workers", "2",
          "--agent-options", "strict=true"));
    } else {
      // The line docs/manual.md gives for the JDK's jshell (imports made by hand).
      Path imports = dir.resolve("imports.jsh");
      Files.writeString(imports, "import dev.parjit.*;\nimport dev.parjit.frame.*;\n");
      String cp = JobRunner.moduleClasspath("frame");
      cmd.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "jshell").toString(), "--class-path", cp,
          "-R-javaagent:" + root.resolve("agent/target/parjit-agent.jar") + "=workers=2,strict=true",
          "-R--add-opens=java.base/java.nio=ALL-UNNAMED", "-R-Dparjit.failOnTransformError=true",
          "--startup", "DEFAULT", "--startup", imports.toString()));
    }
    cmd.add(script.toString());
    JobRunner.Finished run = JobRunner.runCommand(cmd, 240);
    String out = run.text();
    assertEquals(0, run.exitCode(), out);

    assertEquals(Double.toString(first(N)), value(out, "first="), out);
    Map<String, Long> stats1 = stats(out, "stats1=");
    // Two loops of N indexes each, split by the block formula: 501 + 501 on rank 0, 500 + 500 on rank 1.
    assertEquals(2L * 501, stats1.get("worker0LoopIndexes"), out);
    assertEquals(2L * 500, stats1.get("worker1LoopIndexes"), out);

    assertEquals(Double.toString(second(N)), value(out, "second="), out);
    Map<String, Long> stats2 = stats(out, "stats2=");
    assertEquals(4L * 501, stats2.get("worker0LoopIndexes"), "the redefined snippet ran on the workers\n" + out);
    assertEquals(4L * 500, stats2.get("worker1LoopIndexes"), out);

    Map<String, Long> stats3 = stats(out, "stats3=");
    assertEquals(2L, stats3.get("workerLazyResults"), "the frame stays on the 2 workers until printed\n" + out);
    String printed = out.substring(out.indexOf("frame:\n") + "frame:\n".length());
    assertTrue(printed.startsWith(frame(12).toString().stripTrailing()), "pandas-style print\n" + out);
    assertTrue(out.lines().noneMatch(l -> l.contains("Exception") || l.contains("Error:")), out);
  }

  private static String value(String out, String prefix) {
    return out.lines().filter(l -> l.startsWith(prefix)).findFirst()
        .orElseThrow(() -> new AssertionError("no line " + prefix + " in\n" + out)).substring(prefix.length());
  }

  /** A printed {@code Parjit.stats()} map. */
  private static Map<String, Long> stats(String out, String prefix) {
    String text = value(out, prefix);
    Map<String, Long> map = new TreeMap<>();
    for (String item : text.substring(1, text.length() - 1).split(", ")) {
      int eq = item.indexOf('=');
      map.put(item.substring(0, eq), Long.parseLong(item.substring(eq + 1)));
    }
    return map;
  }
}
