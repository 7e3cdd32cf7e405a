package dev.parjit.analysis;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parjit.analysis.plan.ExecutionMode;
import dev.parjit.analysis.plan.LoopPlan;
import dev.parjit.analysis.plan.MethodPlan;
import dev.parjit.analysis.targets.FloatTestTargets;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Loops calling Double.isNaN / isFinite run in parallel: those calls only look at their argument. A
 * row loop testing isNaN once stayed sequential, each of its reads of a distributed series then a
 * collective.
 */
class FloatTestsInLoopsTest {

  private static LoopPlan loop(String name) throws Exception {
    ClassNode cn = new ClassNode();
    try (InputStream in = FloatTestTargets.class.getResourceAsStream("FloatTestTargets.class")) {
      new ClassReader(in.readAllBytes()).accept(cn, 0);
    }
    for (MethodNode m : cn.methods) {
      if (m.name.equals(name)) {
        MethodPlan p = MethodAnalyzer.analyze(cn, m, ExecutionMode.SPAWN);
        return p.loops().get(0);
      }
    }
    throw new AssertionError(name);
  }

  @Test
  void anArrayLoopSkippingNaNIsParallel() throws Exception {
    LoopPlan loop = loop("skipNaN");
    assertTrue(loop.parallel(), loop.reason());
  }

  @Test
  void aRowLoopCountingNaNIsParallel() throws Exception {
    LoopPlan loop = loop("countNaNRows");
    assertTrue(loop.parallel(), loop.reason());
  }
}
