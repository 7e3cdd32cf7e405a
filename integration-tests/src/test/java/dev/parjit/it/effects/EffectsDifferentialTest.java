package dev.parjit.it.effects;

import static dev.parjit.it.effects.PlacementLog.DRIVER;
import static dev.parjit.it.effects.PlacementLog.WORKERS;
import static java.util.Map.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parjit.it.JobRunner;
import dev.parjit.it.corpus.LoopDiagnostics;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The effects programs without the agent (this JVM: the oracle) against spawn mode with 1–4
 * workers and SPMD mode with 1–4 ranks, one process job per mode and rank count running every
 * program. The caller's whole state must be the sequential one (floating values within the
 * tolerance of {@link Tolerance}), printed lines too; in spawn mode every kernel must be placed
 * as {@link #PLACEMENT} says, and in SPMD mode its loops distributed as {@link EffectsSpmdLoops} says.
 *
 * <p>Printing in SPMD mode: a kernel's prints happen inside its loop only, and each rank prints the
 * iterations it runs, so the rank-ordered concatenation of the ranks' printed lines of a run must
 * be the sequential lines.
 */
class EffectsDifferentialTest {

  /**
   * Where each kernel must run in spawn mode: on the workers only when it has parallel work and
   * every effect is one Parjit models; on the driver for any other effect or nothing parallel.
   */
  static final Map<String, String> PLACEMENT = Map.ofEntries(
      entry("Scale.scale", WORKERS),
      entry("FillOdd.fill", WORKERS),
      entry("FillAndReturn.fillAndReturn", WORKERS),
      entry("ReturnSecond.pickSecond", WORKERS),
      entry("FreshAndMutate.squaresAndNegate", WORKERS),
      entry("AliasArgs.mirrorAdd", WORKERS), // the aliased call itself runs on the driver
      entry("LocalAlias.tripleViaAlias", DRIVER), // written through a local alias: the loop stays sequential
      entry("LocalAlias.mirrorViaAlias", DRIVER), // loop-carried through the alias: nothing parallel
      entry("StaticFactor.scaleByFactor", WORKERS),
      entry("StaticTable.lookup", WORKERS),
      entry("StaticScalars.shift", DRIVER), // returns a static's object, whose identity a copy would lose
      entry("StaticTotal.accumulate", DRIVER), // writes statics
      entry("StaticCounter.countKeys", DRIVER), // updates an object reached through a static
      entry("StaticArrayWrite.fillBuffer", DRIVER), // writes an array reached through a static
      entry("InstanceField.scaleRemember", DRIVER), // writes fields of this
      entry("FftButterfly.fft", DRIVER), // nothing parallel
      entry("GaussSeidel.relax", DRIVER), // nothing parallel
      entry("PrefixSum.prefix", DRIVER), // nothing parallel
      entry("CsrProduct.spmv", WORKERS), // the row loop: y[row] += ... at the row index, rows scattered
      entry("MatrixRead.rowSums", WORKERS),
      entry("MatrixRowWrite.fillRows", WORKERS), // rows scattered, written back into the caller's rows
      entry("MatrixProduct.multiply", WORKERS),
      entry("MatrixProduct.multiplyHoisted", WORKERS),
      entry("RowsInPlace3D.scale", WORKERS),
      entry("JaggedPrefix.rowPrefix", WORKERS),
      entry("JaggedPrefix.rowLengths", WORKERS),
      entry("AliasedRows.addInto", WORKERS), // the aliased calls themselves run on the driver
      entry("ReplicatedBlocks.narrow", WORKERS),
      entry("ReplicatedBlocks.everyThird", WORKERS),
      entry("ReplicatedBlocks.smoothUntilNaN", WORKERS),
      entry("ReplicatedBlocks.sumAndRenumber", WORKERS),
      entry("RowAllocations.table", WORKERS),
      entry("RowAllocations.triangle", WORKERS),
      entry("ReplaceRows.renew", DRIVER), // the caller would have to hold the workers' new rows
      entry("CountDown.halvesDown", WORKERS),
      entry("CountDown.negateDown", WORKERS),
      entry("CountDown.squaresDown", WORKERS),
      entry("FlatGrid.grid", WORKERS),
      entry("FlatGrid.total", WORKERS),
      entry("InstanceGrid.total", WORKERS),
      entry("InstanceGrid.rowShares", WORKERS),
      entry("FieldWrites.map", WORKERS), // arrays in fields written at the loop index: chunks copied back into them
      entry("FieldWrites.accumulate", WORKERS),
      entry("FieldMatrix.multiply", WORKERS), // rows of a double[][] field written in place
      entry("FieldAliases.mirror", WORKERS), // the aliased calls themselves run on the driver
      entry("FieldAliases.shiftByStatic", WORKERS), // the call whose field array is the static runs on the driver
      entry("HolderArray.sumHolder", DRIVER), // object parameter
      entry("HolderArray.shiftHolder", DRIVER), // object parameter, written through
      entry("WriteAfterLoop.sumIntoFirst", WORKERS),
      entry("Histogram.histogram", WORKERS),
      entry("PrintLoop.squaresLoud", DRIVER), // prints
      entry("ThrowFirst.halveOrFail", WORKERS),
      entry("ThrowMiddle.divideInPlace", WORKERS),
      entry("ThrowLast.forwardDiff", WORKERS),
      entry("FailureFrames.quotients", WORKERS), // fails, then reruns on the driver: the trace is the sequential one
      entry("InstanceSeries.series", WORKERS), // fields read: shipped with the call
      entry("InstanceSeries.fill", WORKERS),
      entry("CheckedFailure.capAt", DRIVER), // the application's own exception: its constructor is not analysed
      entry("UncheckedFailure.check", DRIVER),
      entry("ReduceAndWrite.halveAndSum", WORKERS),
      entry("UnknownCall.tally", DRIVER), // calls a method with its own effects
      entry("LockedKernel.scaleLocked", DRIVER), // takes a lock
      entry("AllocOnly.squares", WORKERS),
      entry("ReadOnlyDot.dot", WORKERS),
      entry("SplitSigns.split", WORKERS),
      entry("SparseWrites.negateOdd", WORKERS),
      entry("SparseWrites.clampNegatives", WORKERS),
      entry("FloatKernel.sumAndHalve", WORKERS),
      entry("BooleanMask.mark", WORKERS),
      entry("JacobiSteps.relax", WORKERS), // swapped buffers stay split across steps, halos exchanged
      entry("WideStencil.smooth", WORKERS), // offsets -2..2 through the halo; the ends keep the caller's values
      entry("WideStencil.forwardDifference", WORKERS), // reads a[n] at the last index: the sequential exception
      entry("CooProduct.multiplyAdd", WORKERS), // a scatter-add through an index array: an array reduction
      entry("AliasedReduction.axpy", WORKERS), // the aliased call itself runs on the driver
      entry("AliasedReduction.scatterAdd", WORKERS),
      entry("CooProduct.gather", WORKERS), // an indirect read: x whole, the indices split
      entry("ElementReads.middleAfterSteps", WORKERS), // u[n / 2] after the time loop: shared by its holder
      entry("ElementReads.probeEachStep", WORKERS), // one shared element per time step
      entry("ElementReads.lastOfEach", WORKERS), // BALOAD/CALOAD/SALOAD... of split arrays
      entry("ResidentSolver.multiply", WORKERS), // x whole (indirect reads), y written block by block
      entry("ResidentSolver.dot", WORKERS),
      entry("ResidentSolver.axpy", WORKERS),
      entry("ResidentSolver.xpby", WORKERS), // the aliased call itself runs on the driver
      entry("ResidentFailure.scaleBelow", WORKERS), // the failing call reruns on the driver
      entry("ResidentFailure.total", WORKERS),
      entry("ResidentSpeculation.weigh", WORKERS), // compared while the workers run; a stale answer discarded
      entry("ResidentSpeculation.scale", WORKERS),
      entry("CalleeUpdates.scale", WORKERS),
      entry("CalleeUpdates.countUp", DRIVER), // written through a local alias: the loop stays sequential
      entry("CalleeUpdates.scaleTwiceAndCount", DRIVER), // nothing parallel of its own
      entry("CalleeReturnsArgument.checked", WORKERS),
      entry("CalleeReturnsArgument.checkedTotal", WORKERS),
      entry("CallsInLoop.rowSum", WORKERS),
      entry("CallsInLoop.allSums", DRIVER), // its row loop calls rowSum, whose collectives every rank must reach alike
      entry("VarargsKernel.total", WORKERS),
      entry("ThrownObjects.withCause", WORKERS), // JDK exceptions thrown in the loop: rebuilt with their causes
      entry("ThrownObjects.causeOnly", WORKERS),
      entry("ThrownObjects.asserted", WORKERS),
      entry("ThrownObjects.noMessage", WORKERS),
      entry("ThrownObjects.missingEntry", WORKERS), // fields, no (String) constructor: rebuilt from its serialized form
      entry("NarrowArrays.letters", WORKERS),
      entry("NarrowArrays.steps", WORKERS),
      entry("ConfiguredConstant.scale", WORKERS), // reads a computed static final: the workers' own value differs, so each call runs on the driver
      entry("ConfiguredConstant.weigh", WORKERS),
      entry("PropertyWeight.weigh", DRIVER), // reads a system property the program sets after the workers started
      entry("ReturnedHolders.bothOf", DRIVER), // its result holds the caller's array: a copy would not be it
      entry("ReturnedHolders.withWeights", DRIVER), // its result holds a static's array
      entry("ReturnedHolders.rowsOf", DRIVER), // one of the rows it returns is the caller's array
      entry("ReturnedHolders.listOf", DRIVER), // returns a List, which the driver does not read from the workers
      entry("ReturnedHolders.totalsAsList", WORKERS), // each call fails there (its Object is a list) and reruns on the driver
      entry("ReductionAliases.fromStatic", WORKERS), // the call whose argument is the static runs on the driver
      entry("ReductionAliases.fromField", WORKERS), // likewise the field
      entry("ReductionAliases.fromRow", WORKERS), // the aliased call itself runs on the driver
      entry("ReductionAliases.fromRowOfRow", WORKERS),
      entry("PrintUntilFailure.doubledLoud", DRIVER), // prints
      entry("ThrowWithSum.sumUntilMarked", DRIVER), // its throw reads the sum so far: nothing parallel
      entry("NullArrays.sumOfMaybe", WORKERS), // a null array fails on the workers and reruns on the driver
      entry("NullArrays.lengthOfMaybe", WORKERS),
      entry("NullArrays.countOrSum", WORKERS),
      entry("NullArrays.countOrSumDown", WORKERS),
      entry("NullArrays.withOptional", WORKERS),
      entry("NullArrays.dotWithNull", WORKERS),
      entry("NullRows.sumWithGap", WORKERS), // a null row fails on the workers and reruns on the driver
      entry("NullRows.writeThrough", WORKERS),
      entry("NullRows.middleOf", WORKERS),
      entry("LateInit.weighByRate", WORKERS), // the calls before Rates is initialized run on the driver
      entry("LateInit.shiftByBroken", WORKERS), // Broken never initializes: every call runs on the driver
      entry("LateInit.weighByNoisy", WORKERS), // the workers initialize Noisy quietly when its static arrives
      entry("PastTheEnd.halvesThrough", DRIVER), // prints
      entry("PastTheEnd.sumThrough", WORKERS), // a call indexing past the end fails there and reruns on the driver
      entry("PastTheEnd.bumpThrough", WORKERS),
      entry("PastTheEnd.countFrom", WORKERS),
      entry("PastTheEnd.downFrom", WORKERS),
      entry("PastTheEnd.flagsThrough", WORKERS),
      entry("PastTheEnd.rowsThrough", WORKERS),
      entry("PastTheEnd.gridThrough", WORKERS),
      entry("PastTheEnd.shorterArray", WORKERS),
      entry("PastTheEnd.quotientsThrough", WORKERS),
      entry("PastTheEnd.neighbours", WORKERS),
      entry("StringModes.apply", WORKERS), // a literal argument arrives as the workers' pooled literal
      entry("StringModes.sign", WORKERS),
      entry("NotEqualBounds.numberAll", WORKERS), // i = 0; i != a.length: counted
      entry("NotEqualBounds.sumFrom", DRIVER), // i = start; i != a.length may start past the end: nothing parallel
      entry("NotEqualBounds.markFrom", DRIVER),
      entry("ExtremeBounds.sumThrough", WORKERS), // a call running until its access fails reruns on the driver
      entry("ExtremeBounds.sumBelowPlusOne", WORKERS),
      entry("ExtremeBounds.sumBelowMinusOne", WORKERS),
      entry("ExtremeBounds.sumThroughLong", WORKERS),
      entry("OverflowedSum.sum", WORKERS), // a call whose sum overflows part-way reruns on the driver
      entry("OverflowedSum.product", WORKERS),
      entry("OverflowedSum.floatSum", WORKERS),
      entry("OverflowedSum.binTotals", WORKERS));

  private static Transcript oracle;

  @BeforeAll
  static void runTheOracle() {
    oracle = new Transcript(EffectsMain.capture(List.of()));
  }

  @ParameterizedTest(name = "{0} workers")
  @ValueSource(ints = {1, 2, 3, 4})
  void spawnModeLeavesTheSequentialState(int workers) throws Exception {
    SplitRun.Result run = SplitRun.run(JobRunner.javaCommand(
        "-javaagent:" + JobRunner.agentJar() + "=workers=" + workers + ",log=info",
        "-Dparjit.failOnTransformError=true",
        "-cp", JobRunner.testClasses().toString(), EffectsMain.class.getName()), 240, 45);
    String where = "spawn mode, " + workers + " workers";
    Transcript actual = new Transcript(run.stdout());
    Map<String, List<String>> problems = new LinkedHashMap<>();
    for (Transcript.Run expected : oracle.runs().values()) {
      Transcript.Run got = actual.runs().get(expected.key());
      if (got == null) {
        SuiteReport.add(problems, expected.key(), List.of("    no output: the process stopped before this run"));
        continue;
      }
      SuiteReport.add(problems, expected.key(), Transcript.stateDiff(expected.state(), got.state()));
      SuiteReport.add(problems, expected.key(), Transcript.outDiff(expected.out(), got.out()));
    }
    List<String> placement = new ArrayList<>(PlacementLog.check(run.stderr(), PLACEMENT));
    // A kernel whose arrays the workers could not split alike falls back to the driver: right state,
    // nothing parallel. No kernel of the suite may do that quietly.
    run.stderr().stream().filter(l -> l.contains("Parjit needs them aligned")).findFirst()
        .ifPresent(l -> placement.add("  fell back to the driver: " + l));
    // A kernel that failed on the workers reran on the driver: right state, nothing parallel. Only a
    // program whose sequential run throws may do that.
    run.stderr().stream().filter(l -> l.contains(" failed on worker rank "))
        .filter(l -> !throwingPrograms().contains(failedProgram(l)))
        .filter(l -> !l.contains(RERUN_ON_DRIVER.getOrDefault(failedProgram(l), "\u0000")))
        .findFirst()
        .ifPresent(l -> placement.add("  failed on the workers, though its program never throws: " + l.trim()));
    // A reply the driver cannot read looks like a dead worker: the call reruns on the driver (right
    // state) and every next call restarts the workers. No program of the suite may cost that.
    run.stderr().stream().filter(l -> l.contains("a worker died during")).findFirst()
        .ifPresent(l -> placement.add("  a worker died: " + l.trim()));
    // Kernel prints from worker ranks come back prefixed and so never match: say where they went.
    List<String> workerPrints = run.stdout().stream().filter(l -> l.matches("\\[rank \\d+\\] OUT .*")).toList();
    if (!workerPrints.isEmpty()) {
      placement.add("  " + workerPrints.size() + " kernel lines were printed on worker ranks, e.g. " + workerPrints.get(0));
    }
    SuiteReport.check(where, run, problems, placement, actual.done(), EffectsMain.PROGRAMS.size(), "effects");
  }

  /**
   * Programs whose calls fail on the workers by design and run on the driver, as the only way to
   * leave the sequential state, with what the dispatcher's line says: kernels reading a static final
   * the workers compute differently (its class's initialiser depends on the program's
   * configuration), and a kernel whose result the driver would not read.
   */
  private static final Map<String, String> RERUN_ON_DRIVER = Map.of(
      "ConfiguredConstant", "differs between driver and worker",
      // returns an Object that holds a list: the workers answer with a failure, not an unreadable reply
      "ReturnedHolders", "Parjit does not send back from the workers",
      // a floating sum or product combined to NaN or an infinity: only the sequential run gives its value
      "OverflowedSum", "NonFiniteReduction");

  /**
   * Programs whose sequential run meets an exception at some size, as their state shows it (a
   * {@code thrown=} line, or an outcome naming the exception's class): their kernels fail on the
   * workers too.
   */
  private static Set<String> throwingPrograms() {
    Set<String> out = new TreeSet<>();
    for (Transcript.Run run : oracle.runs().values()) {
      if (run.state().stream().anyMatch(l -> (l.contains(" thrown=") && !l.endsWith(" thrown=none"))
          || l.matches(".*\\w(Exception|Error)\\b.*"))) {
        out.add(Transcript.program(run.key()));
      }
    }
    return out;
  }

  /** The program of a dispatcher line {@code "parjit: Program.kernel failed on worker rank ..."}. */
  private static String failedProgram(String line) {
    String name = line.substring(0, line.indexOf(" failed on worker rank "));
    name = name.substring(name.lastIndexOf(' ') + 1);
    return name.substring(0, name.indexOf('.'));
  }

  /**
   * Programs whose SPMD state differs from the sequential one on 2 or more ranks, as the README documents:
   * a floating sum or product overflowing part-way combines the ranks' own infinities (spawn mode reruns
   * such a call on the driver; SPMD mode has no driver). Their loops' distributions are still checked.
   */
  private static final Set<String> SPMD_DOCUMENTED = Set.of("OverflowedSum");

  @ParameterizedTest(name = "{0} ranks")
  @ValueSource(ints = {1, 2, 3, 4})
  void spmdModeLeavesTheSequentialStateOnEveryRank(int ranks) throws Exception {
    SplitRun.Result run = SplitRun.run(JobRunner.launcherCommand(
        "--agent", JobRunner.agentJar().toString(), "--agent-options", "diagnostics=true",
        "-np", Integer.toString(ranks),
        "-Dparjit.failOnTransformError=true", "-cp", JobRunner.testClasses().toString(), EffectsMain.class.getName()), 240, 45);
    String where = "SPMD mode, " + ranks + " ranks";
    List<Transcript> perRank = new ArrayList<>();
    for (int r = 0; r < ranks; r++) {
      perRank.add(new Transcript(Transcript.ofRank(run.stdout(), r)));
    }
    Map<String, List<String>> problems = new LinkedHashMap<>();
    for (Transcript.Run expected : oracle.runs().values()) {
      List<String> printed = new ArrayList<>();
      boolean complete = true;
      for (int r = 0; r < ranks; r++) {
        Transcript.Run got = perRank.get(r).runs().get(expected.key());
        if (got == null) {
          SuiteReport.add(problems, expected.key(), List.of("    rank " + r + ": no output: it stopped before this run"));
          complete = false;
          continue;
        }
        List<String> diff = ranks > 1 && SPMD_DOCUMENTED.contains(Transcript.program(expected.key())) ? List.<String>of()
            : Transcript.stateDiff(expected.state(), got.state());
        if (!diff.isEmpty()) {
          SuiteReport.add(problems, expected.key(), List.of("    rank " + r + ":"));
          SuiteReport.add(problems, expected.key(), diff);
        }
        printed.addAll(got.out());
      }
      if (complete) {
        SuiteReport.add(problems, expected.key(), Transcript.outDiff(expected.out(), printed));
      }
    }
    SuiteReport.check(where, run, problems, LoopDiagnostics.mismatches(EffectsSpmdLoops.TABLE, Transcript.ofRank(run.stdout(), 0)), perRank.stream().allMatch(Transcript::done), EffectsMain.PROGRAMS.size(), "effects");
  }

  @Test
  void theTableNamesEveryKernelAndNothingElse() throws Exception {
    Set<String> kernels = new TreeSet<>();
    for (String program : EffectsMain.PROGRAMS) {
      assertEquals(program, EffectsMain.programClass(program).getSimpleName(), "program names are simple class names");
      String resource = "/" + EffectsMain.programClass(program).getName().replace('.', '/') + ".class";
      try (InputStream in = EffectsDifferentialTest.class.getResourceAsStream(resource)) {
        ClassNode cls = new ClassNode();
        new ClassReader(in).accept(cls, ClassReader.SKIP_CODE);
        for (MethodNode m : cls.methods) {
          List<AnnotationNode> annotations = m.invisibleAnnotations == null ? List.of() : m.invisibleAnnotations;
          if (annotations.stream().anyMatch(a -> a.desc.equals("Ldev/parjit/Jit;"))) {
            kernels.add(program + "." + m.name);
          }
        }
      }
    }
    assertEquals(new TreeSet<>(PLACEMENT.keySet()), kernels);
    assertEquals(new TreeSet<>(EffectsSpmdLoops.TABLE.keySet()), kernels, "the SPMD loop table names every kernel");
    assertTrue(kernels.size() >= 30, "at least 30 kernels: " + kernels.size());
  }

  @Test
  void theOracleRunsEveryProgramAndMeetsTheIntendedExceptions() {
    assertTrue(oracle.done());
    assertEquals(EffectsMain.PROGRAMS.size() * EffectsMain.SIZES.length, oracle.runs().size());
    for (Transcript.Run run : oracle.runs().values()) {
      assertTrue(!run.state().isEmpty(), run.key() + " prints its state");
      assertTrue(run.state().stream().noneMatch(l -> l.contains(" escaped=")), run.key() + ": " + run.state());
    }
    assertThrown("ThrowFirst 7", "java.lang.IllegalStateException: negative at 0");
    assertThrown("ThrowMiddle 7", "java.lang.ArithmeticException: / by zero");
    assertThrown("ThrowLast 7", "java.lang.ArrayIndexOutOfBoundsException: Index 7 out of bounds for length 7");
    assertThrown("FailureFrames 7", "java.lang.ArithmeticException: / by zero");
    assertThrown("WriteAfterLoop 0", "java.lang.ArrayIndexOutOfBoundsException: Index 0 out of bounds for length 0");
    assertThrown("WriteAfterLoop 100", "none");
    assertThrown("CheckedFailure 100", "dev.parjit.it.effects.programs.CheckedFailure$LimitExceeded: above 165.0 at ");
    assertThrown("UncheckedFailure 100", "dev.parjit.it.effects.programs.UncheckedFailure$BadSample: multiple of 13 at ");
    assertThrown("CountDown 100", "java.lang.IllegalStateException: too large at ");
    assertThrown("NullRows 7", "java.lang.NullPointerException: Cannot load from double array because \"m[i]\" is null");
    assertThrown("ReplicatedBlocks 100", "java.lang.ArrayIndexOutOfBoundsException: Index 100 out of bounds for length 100");
    for (String key : List.of("second", "secondInPlace")) {
      assertTrue(oracle.runs().get("ReplicatedBlocks 7").state().stream().anyMatch(l -> l.endsWith(key + "=NaN at 3")),
          "ReplicatedBlocks 7 meets its NaN at 3: " + oracle.runs().get("ReplicatedBlocks 7").state());
    }
    assertEquals(100, oracle.runs().get("PrintLoop 100").out().size());
  }

  private static void assertThrown(String key, String prefix) {
    String line = oracle.runs().get(key).state().stream().filter(l -> l.contains(" thrown=")).findFirst().orElseThrow();
    assertTrue(line.substring(line.indexOf(" thrown=") + 8).startsWith(prefix), key + ": " + line);
  }
}
