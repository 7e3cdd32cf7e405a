package dev.parjit.it.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parjit.it.JobRunner;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 7: a spawn-mode method is compiled once per argument-distribution key. A local frame, then
 * a lazy result, then the local frame again compiles {@code total} twice and reuses once; every
 * answer equals the sequential one, on 1 to 4 workers, for sizes below the worker count and zero.
 */
class SpecializationTest {

  private static final String[] SIZES = {"5", "0", "1", "3", "1001"};

  /** The program's output without the agent: the sequential answers. */
  private static List<String> sequential() {
    PrintStream old = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      SpecializeMain.main(SIZES);
    } finally {
      System.setOut(old);
    }
    return out.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("N ")).toList();
  }

  private static JobRunner.Finished run(int workers, String options) throws Exception {
    Path agent = JobRunner.agentJar();
    List<String> command = JobRunner.javaCommand(
        "-javaagent:" + agent + "=workers=" + workers + ",log=info" + options, "-Dparjit.failOnTransformError=true",
        "-cp", JobRunner.frameClasspath(), SpecializeMain.class.getName());
    command.addAll(List.of(SIZES));
    return JobRunner.runCommand(command, 180);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4})
  void compilesOncePerKeyAndAgreesWithTheSequentialRun(int workers) throws Exception {
    JobRunner.Finished run = run(workers, "");
    String text = run.text();
    assertEquals(0, run.exitCode(), text);
    List<String> answers = run.lines().stream().filter(l -> l.startsWith("N ")).toList();
    assertEquals(sequential(), answers, text);
    // Rank 0 logs each compilation once: total for the local frame (scattered in blocks) and for
    // the lazy result (the key it was compiled for when its class loaded).
    List<String> totals = run.lines().stream().filter(l -> l.contains("parjit: compiled SpecializeMain.total for"))
        .toList();
    assertEquals(2, totals.size(), text);
    assertTrue(totals.stream().anyMatch(l -> l.endsWith("for (df: 1D_Block)")), text);
    assertTrue(totals.stream().anyMatch(l -> l.contains("for (df: 1D_Var)")), text);
    // make(int) once, total twice; total's third call reused its first specialization.
    assertTrue(run.lines().contains("STATS compiled 3 reused 1"), text);
    // weightedSum: a scattered array from the driver and scaledSum's distributed array share the
    // 1D_Block body; scaledSum's replicated array links to a REP specialization.
    List<String> weighted = run.lines().stream()
        .filter(l -> l.contains("parjit: compiled SpecializeMain.weightedSum for")).toList();
    assertEquals(2, weighted.size(), text);
    assertTrue(weighted.stream().anyMatch(l -> l.contains("for (a: 1D_Block)")), text);
    assertTrue(weighted.stream().anyMatch(l -> l.endsWith("for (a: REP)")), text);
    // @Jit(replicated = {"a"}): the class-load body takes the whole array.
    assertTrue(run.lines().stream().anyMatch(l -> l.contains("compiled SpecializeMain.replicatedSum for (a: REP)")),
        text);
  }

  /** Specializations go through the compile cache like classes: a warm run analyses nothing. */
  @Test
  void specializationsAreCachedAndADamagedEntryIsRebuilt(@TempDir Path dir) throws Exception {
    String cache = ",cache=" + dir;
    JobRunner.Finished cold = run(2, cache);
    assertEquals(0, cold.exitCode(), cold.text());
    // Some rank compiles and stores it; the other may already find it (ranks share the directory).
    assertTrue(cold.lines().stream().anyMatch(l -> l.startsWith("[rank ") && l.contains("cache miss")
        && l.contains("total(Ldev/parjit/frame/DataFrame;)D#B")), cold.text());
    JobRunner.Finished warm = run(2, cache);
    assertEquals(0, warm.exitCode(), warm.text());
    assertEquals(sequential(), warm.lines().stream().filter(l -> l.startsWith("N ")).toList(), warm.text());
    assertEquals(List.of(), warm.lines().stream().filter(l -> l.contains("cache miss")).toList(), warm.text());
    assertTrue(warm.lines().stream().anyMatch(l -> l.startsWith("[rank 1]") && l.contains("cache hit")
        && l.contains("weightedSum([DD)D#R")), warm.text());
    // Damage every entry: each is detected, recompiled and replaced, and the answers stay right.
    try (var files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        byte[] b = Files.readAllBytes(f);
        b[b.length / 2] ^= 0x5A;
        Files.write(f, b);
      }
    }
    JobRunner.Finished damaged = run(2, cache);
    assertEquals(0, damaged.exitCode(), damaged.text());
    assertEquals(sequential(), damaged.lines().stream().filter(l -> l.startsWith("N ")).toList(), damaged.text());
    assertTrue(damaged.lines().stream().anyMatch(l -> l.contains("ignoring damaged compile cache entry")
        && l.contains("#B")), damaged.text());
    JobRunner.Finished rebuilt = run(2, cache);
    assertEquals(List.of(), rebuilt.lines().stream().filter(l -> l.contains("cache miss")).toList(), rebuilt.text());
  }
}
