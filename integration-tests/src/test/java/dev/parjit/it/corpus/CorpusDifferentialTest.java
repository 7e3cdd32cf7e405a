package dev.parjit.it.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parjit.it.JobRunner;
import dev.parjit.it.corpus.CorpusExpectations.Expect;
import dev.parjit.it.effects.PlacementLog;
import dev.parjit.it.effects.ProgramSuite;
import dev.parjit.it.effects.SplitRun;
import dev.parjit.it.effects.SuiteReport;
import dev.parjit.it.effects.Transcript;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Issue 14's corpus without the agent (this JVM: the oracle) against spawn mode with 1–4 workers
 * and SPMD mode with 1–4 ranks, one process per mode and rank count running every program at every
 * size. The caller's whole state (return values, arrays, fields, statics, printed lines, exceptions)
 * must be the sequential one, integers exactly and floating values within the relative tolerance of
 * {@link dev.parjit.it.effects.Tolerance} (1e-9 for doubles). Each run prints the distributed
 * diagnostics, and every kernel's loops must be distributed as {@link CorpusExpectations#TABLE}
 * says, in spawn mode placed where it says too.
 */
class CorpusDifferentialTest {

  private static final Pattern PLACEMENT =
      Pattern.compile("parjit: placement ([\\w$]+\\.\\w+): (?:workers|driver)(?: \\((.*)\\))?");

  private static Transcript oracle;

  @BeforeAll
  static void runTheOracle() {
    oracle = new Transcript(CorpusMain.capture(List.of()));
  }

  private static SplitRun.Result spawn(int workers, boolean strict, String... args) throws Exception {
    List<String> cmd = JobRunner.javaCommand(
        "-javaagent:" + JobRunner.agentJar() + "=workers=" + workers + ",log=info,diagnostics=true");
    if (strict) {
      cmd.add("-Dparjit.failOnTransformError=true");
    }
    cmd.addAll(List.of("-cp", JobRunner.testClasses().toString(), CorpusMain.class.getName()));
    cmd.addAll(List.of(args));
    return SplitRun.run(cmd, 240, 60);
  }

  private static SplitRun.Result spmd(int ranks, boolean strict, String... args) throws Exception {
    List<String> cmd = JobRunner.launcherCommand(
        "--agent", JobRunner.agentJar().toString(), "--agent-options", "diagnostics=true",
        "-np", Integer.toString(ranks));
    if (strict) {
      cmd.add("-Dparjit.failOnTransformError=true");
    }
    cmd.addAll(List.of("-cp", JobRunner.testClasses().toString(), CorpusMain.class.getName()));
    cmd.addAll(List.of(args));
    return SplitRun.run(cmd, 240, 60);
  }

  @ParameterizedTest(name = "{0} workers")
  @ValueSource(ints = {1, 2, 3, 4})
  void spawnModeLeavesTheSequentialStateWithTheExpectedLoops(int workers) throws Exception {
    SplitRun.Result run = spawn(workers, true);
    String where = "spawn mode, " + workers + " workers";
    Map<String, List<String>> problems = compareSpawn(oracle, run.stdout());
    List<String> expectations = new ArrayList<>(checkLoops(run.stdout(), false));
    expectations.addAll(checkPlacements(run.stderr()));
    List<String> workerPrints = run.stdout().stream().filter(l -> l.matches("\\[rank \\d+\\] OUT .*")).toList();
    if (!workerPrints.isEmpty()) {
      expectations.add("  " + workerPrints.size() + " kernel lines were printed on worker ranks, e.g. " + workerPrints.get(0));
    }
    SuiteReport.check(where, run, problems, expectations,
        new Transcript(run.stdout()).done(), CorpusMain.SUITE.programs().size(), "corpus");
  }

  @ParameterizedTest(name = "{0} ranks")
  @ValueSource(ints = {1, 2, 3, 4})
  void spmdModeLeavesTheSequentialStateOnEveryRankWithTheExpectedLoops(int ranks) throws Exception {
    SplitRun.Result run = spmd(ranks, true);
    String where = "SPMD mode, " + ranks + " ranks";
    List<Transcript> perRank = new ArrayList<>();
    for (int r = 0; r < ranks; r++) {
      perRank.add(new Transcript(Transcript.ofRank(run.stdout(), r)));
    }
    Map<String, List<String>> problems = compareSpmd(oracle, perRank);
    List<String> expectations = checkLoops(Transcript.ofRank(run.stdout(), 0), true);
    SuiteReport.check(where, run, problems, expectations,
        perRank.stream().allMatch(Transcript::done), CorpusMain.SUITE.programs().size(), "corpus");
  }

  private static Map<String, List<String>> compareSpawn(Transcript expectedRuns, List<String> stdout) {
    Transcript actual = new Transcript(stdout);
    Map<String, List<String>> problems = new LinkedHashMap<>();
    for (Transcript.Run expected : expectedRuns.runs().values()) {
      Transcript.Run got = actual.runs().get(expected.key());
      if (got == null) {
        SuiteReport.add(problems, expected.key(), List.of("    no output: the process stopped before this run"));
        continue;
      }
      SuiteReport.add(problems, expected.key(), Transcript.stateDiff(expected.state(), got.state()));
      SuiteReport.add(problems, expected.key(), Transcript.outDiff(expected.out(), got.out()));
    }
    return problems;
  }

  private static Map<String, List<String>> compareSpmd(Transcript expectedRuns, List<Transcript> perRank) {
    Map<String, List<String>> problems = new LinkedHashMap<>();
    for (Transcript.Run expected : expectedRuns.runs().values()) {
      boolean everyRankPrints = CorpusExpectations.PRINTS_ON_EVERY_RANK.contains(Transcript.program(expected.key()));
      List<String> printed = new ArrayList<>();
      boolean complete = true;
      for (int r = 0; r < perRank.size(); r++) {
        Transcript.Run got = perRank.get(r).runs().get(expected.key());
        if (got == null) {
          SuiteReport.add(problems, expected.key(), List.of("    rank " + r + ": no output: it stopped before this run"));
          complete = false;
          continue;
        }
        List<String> diff = new ArrayList<>(Transcript.stateDiff(expected.state(), got.state()));
        if (everyRankPrints) {
          diff.addAll(Transcript.outDiff(expected.out(), got.out()));
        }
        if (!diff.isEmpty()) {
          SuiteReport.add(problems, expected.key(), List.of("    rank " + r + ":"));
          SuiteReport.add(problems, expected.key(), diff);
        }
        printed.addAll(got.out());
      }
      if (complete && !everyRankPrints) {
        SuiteReport.add(problems, expected.key(), Transcript.outDiff(expected.out(), printed));
      }
    }
    return problems;
  }

  /** Each kernel's diagnostics printed once, its loops distributed as the table says. */
  private static List<String> checkLoops(List<String> stdout, boolean spmd) {
    Map<String, String> expected = new TreeMap<>();
    CorpusExpectations.TABLE.values().forEach(e -> expected.put(e.kernel(), spmd ? e.spmdLoops() : e.loops()));
    return LoopDiagnostics.mismatches(expected, stdout);
  }

  /** Spawn-mode placement: the table's workers/driver, and a driver placement's reason containing the table's fragment. */
  private static List<String> checkPlacements(List<String> stderr) {
    Map<String, String> where = new TreeMap<>();
    CorpusExpectations.TABLE.values().forEach(e -> where.put(e.kernel(), e.placement()));
    List<String> problems = new ArrayList<>(PlacementLog.check(stderr, where));
    for (String line : stderr) {
      Matcher m = PLACEMENT.matcher(line);
      if (!m.find()) {
        continue;
      }
      Expect e = CorpusExpectations.TABLE.get(m.group(1));
      if (e != null && e.reason() != null && (m.group(2) == null || !m.group(2).contains(e.reason()))) {
        problems.add("  " + e.kernel() + ": the reason should mention \"" + e.reason() + "\": " + line.trim());
      }
    }
    return problems;
  }

  @Test
  void theTableNamesEveryKernelAndCountsAreMet() throws Exception {
    Set<String> kernels = new TreeSet<>();
    for (String program : CorpusMain.PROGRAMS) {
      kernels.addAll(jitMethods(CorpusMain.SUITE, program));
    }
    assertEquals(new TreeSet<>(CorpusExpectations.TABLE.keySet()), kernels);
    long traps = kernels.stream().filter(k -> k.startsWith("Trap")).count();
    Set<String> all = new TreeSet<>(kernels);
    assertTrue(all.size() - traps >= 40, "at least 40 kernels besides the traps: " + (all.size() - traps));
    assertTrue(traps >= 8, "at least 8 traps: " + traps);
    for (Expect e : CorpusExpectations.TABLE.values()) {
      if (e.kernel().startsWith("Trap")) {
        // An exception at one index is reproduced by the failure agreement (SPMD) and by the driver
        // running the original code after a failure on the workers (spawn), so its loops may be
        // parallel and it may run on the workers; every other trap stays sequential, on the driver.
        assertTrue(e.kernel().startsWith("TrapThrowAtIndex.") || e.placement().equals(PlacementLog.DRIVER),
            e.kernel() + " is a trap: it runs on the driver");
        // The pivot search's own argmax (loop #2) may run in parallel; the elimination around it
        // (loop #1, over k) feeds each step with the last and must stay sequential.
        boolean pivotSearch = e.kernel().equals("TrapPivotSearch.factor") && e.loops().startsWith("#0 REP, #1 REP, ")
            && e.spmdLoops().startsWith("#0 REP, #1 REP, ");
        assertTrue(e.kernel().startsWith("TrapThrowAtIndex.") || pivotSearch
            || !LoopDiagnostics.anyParallel(e.loops()) && !LoopDiagnostics.anyParallel(e.spmdLoops()),
            e.kernel() + " is a trap: no loop of it may run in parallel");
      }
      assertTrue(e.placement().equals(PlacementLog.WORKERS) == (e.reason() == null), e.kernel()
          + ": a driver placement names its reason, a workers placement none");
    }
  }

  private static List<String> jitMethods(ProgramSuite suite, String program) throws Exception {
    assertEquals(program, suite.programClass(program).getSimpleName(), "program names are simple class names");
    String resource = "/" + suite.programClass(program).getName().replace('.', '/') + ".class";
    List<String> found = new ArrayList<>();
    try (InputStream in = CorpusDifferentialTest.class.getResourceAsStream(resource)) {
      ClassNode cls = new ClassNode();
      new ClassReader(in).accept(cls, ClassReader.SKIP_CODE);
      for (MethodNode m : cls.methods) {
        List<AnnotationNode> annotations = m.invisibleAnnotations == null ? List.of() : m.invisibleAnnotations;
        if (annotations.stream().anyMatch(a -> a.desc.equals("Ldev/parjit/Jit;"))) {
          found.add(program + "." + m.name);
        }
      }
    }
    return found;
  }

  @Test
  void theOracleRunsEveryProgramAndMeetsTheIntendedExceptions() {
    assertTrue(oracle.done());
    assertEquals(CorpusMain.PROGRAMS.size() * CorpusMain.SIZES.length, oracle.runs().size());
    for (Transcript.Run run : oracle.runs().values()) {
      assertTrue(!run.state().isEmpty(), run.key() + " prints its state");
      assertTrue(run.state().stream().noneMatch(l -> l.contains(" escaped=")), run.key() + ": " + run.state());
    }
    assertThrown("TrapThrowAtIndex 100", "java.lang.IllegalArgumentException: row 66 is zero");
    assertThrown("TrapThrowAtIndex 1", "none");
    assertThrown("Reciprocals 100", "java.lang.ArithmeticException: / by zero");
    assertEquals(100, oracle.runs().get("TrapPrintRunning 100").out().size());
    // h + 1 rows of a grid holding h: the sequential run fails at row h's first read, the earlier rows written
    assertTrue(oracle.runs().get("FlatRows2D 100").state().contains("STATE FlatRows2D 100 moreRows.thrown="
        + "java.lang.ArrayIndexOutOfBoundsException: Index 500 out of bounds for length 500"),
        oracle.runs().get("FlatRows2D 100").state().toString());
    // The early exits happen where the program placed them, so the traps test what they say.
    assertTrue(oracle.runs().get("TrapEarlyExit 100").state().contains("STATE TrapEarlyExit 100 stoppedAt=50"),
        oracle.runs().get("TrapEarlyExit 100").state().toString());
  }

  private static void assertThrown(String key, String prefix) {
    String line = oracle.runs().get(key).state().stream().filter(l -> l.contains(" thrown=")).findFirst().orElseThrow();
    assertTrue(line.substring(line.indexOf(" thrown=") + 8).startsWith(prefix), key + ": " + line);
  }
}
