package dev.parjit.it.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parjit.it.JobRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The kernels without the agent (this JVM: the oracle) against the agent on 1–4 SPMD ranks:
 * every rank must print the oracle's results — exactly for integers, within a relative 1e-9
 * (double) or 1e-4 (float) for floating reductions, whose order of additions differs.
 */
public class SpmdDifferentialTest {

  private static final double DOUBLE_TOLERANCE = 1e-9;
  private static final double FLOAT_TOLERANCE = 1e-4;

  private static List<String> runSpmd(int ranks, Path dump) throws Exception {
    Path agent = JobRunner.agentJar();
    assertTrue(Files.exists(agent), "the agent jar is built before integration-tests");
    List<String> cmd = JobRunner.launcherCommand("--agent", agent.toString());
    if (dump != null) {
      cmd.addAll(List.of("--agent-options", "dump=" + dump));
    }
    cmd.addAll(List.of("-np", Integer.toString(ranks), "-Dparjit.failOnTransformError=true",
        "-cp", JobRunner.testClasses().toString(),
        KernelRunner.class.getName()));
    JobRunner.Finished run = JobRunner.runCommand(cmd, 180);
    assertEquals(0, run.exitCode(), run.text());
    return run.lines();
  }

  @ParameterizedTest(name = "{0} ranks")
  @ValueSource(ints = {1, 2, 3, 4})
  void everyRankPrintsTheSequentialResults(int ranks) throws Exception {
    List<String> oracle = new ArrayList<>(KernelRunner.results());
    oracle.add("RESULT printIterations 10 10");
    List<String> output = runSpmd(ranks, null);
    assertBlocksPrinted(output, ranks, 10);
    for (int r = 0; r < ranks; r++) {
      String rankPrefix = "[rank " + r + "] ";
      List<String> mine = output.stream().filter(l -> l.startsWith(rankPrefix + "RESULT "))
          .map(l -> l.substring(rankPrefix.length())).toList();
      assertEquals(oracle.size(), mine.size(), "rank " + r + " printed every result\n" + String.join("\n", output));
      for (int i = 0; i < oracle.size(); i++) {
        assertSameResult(oracle.get(i), mine.get(i), "rank " + r + " of " + ranks);
      }
    }
  }

  /** Each rank printed exactly its Bodo block of the n iterations: the loop really was split. */
  public static void assertBlocksPrinted(List<String> output, int ranks, int n) {
    for (int r = 0; r < ranks; r++) {
      String rankPrefix = "[rank " + r + "] ITER ";
      List<Integer> iters = output.stream().filter(l -> l.startsWith(rankPrefix))
          .map(l -> Integer.parseInt(l.substring(rankPrefix.length()))).toList();
      int start = r * (n / ranks) + Math.min(r, n % ranks);
      int count = n / ranks + (r < n % ranks ? 1 : 0);
      assertEquals(java.util.stream.IntStream.range(start, start + count).boxed().toList(), iters, "iterations of rank " + r);
    }
  }

  /** Same kernel and size; values equal, or within the stated tolerance for floating ones. */
  public static void assertSameResult(String expected, String actual, String where) {
    String[] e = expected.split(" ");
    String[] a = actual.split(" ");
    assertEquals(e[1] + " " + e[2], a[1] + " " + a[2], where);
    if (e[3].equals(a[3])) {
      return;
    }
    boolean isFloat = e[1].equals("strideFloat") || e[1].startsWith("float");
    boolean floating = e[3].contains(".") || e[3].contains("E") || e[3].contains("NaN");
    assertTrue(floating, where + ": " + e[1] + "(" + e[2] + ") expected " + e[3] + " but was " + a[3]);
    double x = Double.parseDouble(e[3]);
    double y = Double.parseDouble(a[3]);
    double tol = isFloat ? FLOAT_TOLERANCE : DOUBLE_TOLERANCE;
    assertTrue(Math.abs(x - y) <= tol * Math.max(1e-300, Math.abs(x)),
        where + ": " + e[1] + "(" + e[2] + ") expected " + x + " but was " + y + " (relative tolerance " + tol + ")");
  }

  @Test
  void theOracleItselfIsSane() {
    assertEquals(0.5 * 999L * 1000 * 1999 / 6, FreeLoopKernels.sumOfSquares(1000), 1e-6);
    assertEquals(3.14, FreeLoopKernels.monteCarloPi(100_000), 0.02);
    assertEquals(-1, FreeLoopKernels.firstAbove(new int[] {1, 2}, 5));
  }

  @Test
  void theExpectedLoopsAreRewrittenAndTheOthersLeftSequential(@TempDir Path dump) throws Exception {
    runSpmd(2, dump);
    Map<String, Boolean> chunked = new TreeMap<>();
    Map<String, Boolean> distributedAllocation = new TreeMap<>();
    Map<String, Boolean> halo = new TreeMap<>();
    for (Class<?> kernels : List.of(FreeLoopKernels.class, ArrayKernels.class, OperatorKernels.class, RowKernels.class,
        StencilKernels.class)) {
      Path rewritten = dump.resolve(kernels.getName().replace('.', '/') + ".rewritten.class");
      assertTrue(Files.exists(rewritten), kernels + " was rewritten");
      ClassNode cls = new ClassNode();
      new ClassReader(Files.readAllBytes(rewritten)).accept(cls, 0);
      for (MethodNode m : cls.methods) {
        boolean calls = false;
        boolean allocates = false;
        boolean exchanges = false;
        for (AbstractInsnNode x : m.instructions) {
          exchanges |= x instanceof MethodInsnNode mi && mi.owner.equals("dev/parjit/runtime/Halo")
              && mi.name.equals("exchange");
          allocates |= x instanceof MethodInsnNode mi && mi.owner.equals("dev/parjit/runtime/ParallelRuntime")
              && mi.name.startsWith("new");
          calls |= x instanceof MethodInsnNode mi && mi.owner.equals("dev/parjit/runtime/ParallelRuntime")
              && (mi.name.equals("blockStart") || mi.name.equals("blockStartUnless") || mi.name.equals("ownedStart") || mi.name.equals("downRange"));
        }
        chunked.put(m.name, calls);
        distributedAllocation.put(m.name, allocates);
        halo.put(m.name, exchanges);
      }
    }
    for (String name : KernelRunner.PARALLEL) {
      assertTrue(chunked.get(name), name + " is parallel: " + chunked);
    }
    // The call-graph fixed point: callsJit's array crosses @Jit calls in chunks (dot and variance only
    // read it), so it is allocated at the local length instead of whole on every rank.
    assertTrue(distributedAllocation.get("callsJit"), "callsJit allocates its array distributed: " + distributedAllocation);
    for (String name : KernelRunner.HALOS) {
      assertTrue(halo.get(name), name + " exchanges halos: " + halo);
    }
    for (String name : List.of("prefixLast", "firstAbove", "recurrence", "gaussSeidel", "prefixInPlace")) {
      assertEquals(false, chunked.get(name), name + " stays sequential: " + chunked);
    }
  }
}
