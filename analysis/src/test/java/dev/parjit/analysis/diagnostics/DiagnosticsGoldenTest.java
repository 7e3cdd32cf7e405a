package dev.parjit.analysis.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parjit.analysis.MethodAnalyzer;
import dev.parjit.analysis.plan.ExecutionMode;
import dev.parjit.analysis.plan.MethodPlan;
import dev.parjit.analysis.targets.DiagnosticsTargets;
import dev.parjit.analysis.targets.FrameTargets;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Diagnostics text against golden files in {@code src/test/resources/diagnostics}. After an
 * intended change of format, regenerate them with {@code -Dparjit.updateGolden=true} and review
 * the diff.
 */
class DiagnosticsGoldenTest {

  private static final Path GOLDEN = Path.of("src/test/resources/diagnostics");

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("sumOfSquares", ExecutionMode.SPAWN, true, 1),
        Arguments.of("saxpy", ExecutionMode.SPAWN, true, 1),
        Arguments.of("monteCarlo", ExecutionMode.SPAWN, true, 1),
        Arguments.of("prefixThenSum", ExecutionMode.SPMD, true, 1),
        Arguments.of("firstNegative", ExecutionMode.SPMD, true, 1),
        Arguments.of("printed", ExecutionMode.SPMD, true, 1),
        Arguments.of("keptInField", ExecutionMode.SPMD, true, 1),
        Arguments.of("histogram", ExecutionMode.SPAWN, true, 1),
        Arguments.of("dot", ExecutionMode.SPMD, true, 1),
        Arguments.of("dot", ExecutionMode.SPAWN, true, 1),
        Arguments.of("nothingToDistribute", ExecutionMode.SPAWN, true, 1),
        Arguments.of("sumOfSquares", ExecutionMode.SPAWN, false, 1),
        Arguments.of("prefixThenSum", ExecutionMode.SPMD, false, 1),
        Arguments.of("meanPowerSpeed", ExecutionMode.SPAWN, true, 1),
        Arguments.of("meanPowerSpeed", ExecutionMode.SPAWN, true, 2),
        Arguments.of("hardEfforts", ExecutionMode.SPMD, true, 1),
        Arguments.of("rowLoop", ExecutionMode.SPAWN, true, 1),
        Arguments.of("escapes", ExecutionMode.SPMD, true, 1));
  }

  static MethodPlan plan(String name, ExecutionMode mode, boolean debug) throws Exception {
    ClassNode cn = new ClassNode();
    Class<?> targets = java.util.Arrays.stream(FrameTargets.class.getDeclaredMethods()).anyMatch(m -> m.getName().equals(name))
        ? FrameTargets.class : DiagnosticsTargets.class;
    try (InputStream in = targets.getResourceAsStream(targets.getSimpleName() + ".class")) {
      // Without debug information the class looks as if compiled without -g.
      new ClassReader(in.readAllBytes()).accept(cn, debug ? 0 : ClassReader.SKIP_DEBUG);
    }
    for (MethodNode m : cn.methods) {
      if (m.name.equals(name)) {
        return MethodAnalyzer.analyze(cn, m, mode);
      }
    }
    throw new AssertionError(name);
  }

  static String text(MethodPlan plan, boolean debug, int level) {
    SourceLines source = debug ? SourceLines.find(plan.owner(), plan.sourceFile(), SourceLines.roots()) : null;
    String warning = ParallelismWarning.of(plan);
    return DiagnosticsText.render(plan, source, level) + (warning == null ? "" : "\n" + warning + "\n");
  }

  @ParameterizedTest(name = "{0} {1} debug={2}")
  @MethodSource("cases")
  void matchesGolden(String name, ExecutionMode mode, boolean debug, int level) throws Exception {
    MethodPlan plan = plan(name, mode, debug);
    String actual = text(plan, debug, level);
    if (name.equals("meanPowerSpeed") && level == 1) {
      // The seed's acceptance: the frame is 1D, the mean REP with its reason.
      assertTrue(actual.contains("   df                   1D_Var") && actual.contains("   return               REP")
          && actual.contains("REP: result of reduction DataFrame.mean()"), actual);
    }
    Path file = GOLDEN.resolve(name + "-" + mode.name().toLowerCase() + (debug ? "" : "-nodebug")
        + (level > 1 ? "-level" + level : "") + ".txt");
    if (Boolean.getBoolean("parjit.updateGolden") || !Files.exists(file)) {
      Files.createDirectories(GOLDEN);
      Files.writeString(file, actual, StandardCharsets.UTF_8);
      assertTrue(Boolean.getBoolean("parjit.updateGolden"), "golden file " + file + " was missing; written, review it");
    }
    assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual);
  }

  @org.junit.jupiter.api.Test
  void theWarningNamesTheMethodAndEveryReasonAndIsAbsentForParallelMethods() throws Exception {
    String warning = ParallelismWarning.of(plan("firstNegative", ExecutionMode.SPMD, true));
    assertNotNull(warning);
    assertTrue(warning.startsWith("ParjitWarning: No parallelism found for function 'DiagnosticsTargets.firstNegative'"),
        warning);
    assertTrue(warning.contains("can leave early"), warning);
    assertNull(ParallelismWarning.of(plan("sumOfSquares", ExecutionMode.SPAWN, true)));
    assertNull(ParallelismWarning.of(plan("nothingToDistribute", ExecutionMode.SPAWN, true)), "no data, no warning");
  }

  @org.junit.jupiter.api.Test
  void withoutDebugInformationVariablesHaveSlotNamesAndTheListingUsesNoSource() throws Exception {
    String text = text(plan("sumOfSquares", ExecutionMode.SPAWN, false), false, 1);
    assertTrue(text.contains("slot"), text);
    assertFalse(text.contains("double[] x"), text);
    List<String> sections = List.of("Distributed diagnostics for function", "Data distributions:", "Loop distributions:",
        "Distributed listing for function");
    int at = -1;
    for (String s : sections) {
      int next = text.indexOf(s);
      assertTrue(next > at, s + " in order:\n" + text);
      at = next;
    }
  }
}
