package dev.parjit.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parjit.analysis.AnalysisException;
import dev.parjit.analysis.plan.Distribution;
import dev.parjit.analysis.plan.LoopPlan;
import dev.parjit.analysis.plan.SpecializationKey;
import dev.parjit.transforms.targets.ChunkTargets;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** One method compiled per argument-distribution key, defined as a hidden nestmate, run on one rank. */
class SpecializationCompilerTest {

  private static final String OWNER = ChunkTargets.class.getName().replace('.', '/');

  private static SpecializationCompiler.Compiled compile(String name, String desc, String key) throws Exception {
    return SpecializationCompiler.compile(ClassRewriterDriverTest.bytesOf(OWNER),
        new RewriteRequest(Role.WORKER, List.of(), ClassRewriterDriverTest.BYTES, null), name, desc,
        new SpecializationKey(key));
  }

  @ParameterizedTest
  @CsvSource({"B, 1D_Block", "V, 1D_Var", "R, REP"})
  void theKeySeedsTheParameterAndTheCodeGivesTheSequentialAnswer(String key, String param) throws Throwable {
    SpecializationCompiler.Compiled c = compile("sum", "([D)D", key);
    assertEquals(param, c.plan().paramDistributions().get(0).label());
    // A whole array is summed in parallel too: each rank takes its block of the iterations.
    assertTrue(c.plan().loops().stream().anyMatch(LoopPlan::parallel), c.passLog().toString());
    assertEquals("(a: " + param + ")", c.description());
    assertEquals(OWNER + SpecializationCompiler.CLASS_SUFFIX, c.className());
    MethodHandles.Lookup hidden = MethodHandles.privateLookupIn(ChunkTargets.class, MethodHandles.lookup())
        .defineHiddenClass(c.bytes(), true, MethodHandles.Lookup.ClassOption.NESTMATE);
    MethodHandle sum = hidden.findStatic(hidden.lookupClass(), "sum", MethodType.methodType(double.class, double[].class));
    for (int n : new int[] {0, 1, 3, 100}) {
      double[] a = new double[n];
      for (int i = 0; i < n; i++) {
        a[i] = i * 0.75;
      }
      assertEquals(ChunkTargets.sum(a), (double) sum.invoke(a));
    }
  }

  @Test
  void aScalarOnlyMethodHasAnEmptyKey() throws Exception {
    SpecializationCompiler.Compiled c = compile("squares", "(I)[J", "-");
    assertEquals("()", c.description());
    assertEquals(Distribution.REP, c.plan().paramDistributions().get(0));
  }

  @Test
  void wrongMethodsAndKeysAreRefusedWithTheReason() {
    AnalysisException notJit = assertThrows(AnalysisException.class, () -> compile("toString", "()Ljava/lang/String;", ""));
    assertTrue(notJit.getMessage().contains("is not a spawn-mode @Jit static method"), notJit.getMessage());
    AnalysisException badKey = assertThrows(AnalysisException.class, () -> compile("sum", "([D)D", "BB"));
    assertTrue(badKey.getMessage().contains("does not fit"), badKey.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new SpecializationKey("X"));
  }

  @Test
  void theDefaultKeyFollowsTheClassLoadCompilation() {
    assertEquals("B-", SpecializationKey.defaultFor("([DI)V", new boolean[] {true, false}).code());
    assertEquals("RV", SpecializationKey.defaultFor("([JLdev/parjit/frame/DataFrame;)V", new boolean[] {false, true})
        .code());
    assertEquals("(x: 1D_Var)", new SpecializationKey("-V").describe(List.of("n", "x")));
  }
}
