package dev.parjit.analysis;

import dev.parjit.analysis.plan.ExecutionMode;
import dev.parjit.analysis.plan.MethodPlan;
import java.io.IOException;
import java.io.InputStream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The analysis of one method of a target class, read from its class file as the agent reads it (no
 * class loading): the one way the analysis tests obtain a {@link MethodPlan}.
 */
final class TargetPlans {

  private TargetPlans() { }

  /** The plan of {@code targets.method} analysed alone in {@code mode}. */
  static MethodPlan plan(Class<?> targets, String method, ExecutionMode mode) throws IOException, AnalysisException {
    return plan(targets, method, mode, null);
  }

  /** The plan of {@code targets.method} in {@code mode} within {@code context} (null: the method alone). */
  static MethodPlan plan(Class<?> targets, String method, ExecutionMode mode, AnalysisContext context)
      throws IOException, AnalysisException {
    ClassNode cn = new ClassNode();
    try (InputStream in = targets.getResourceAsStream(targets.getSimpleName() + ".class")) {
      new ClassReader(in.readAllBytes()).accept(cn, 0);
    }
    for (MethodNode m : cn.methods) {
      if (m.name.equals(method)) {
        return context == null ? MethodAnalyzer.analyze(cn, m, mode) : MethodAnalyzer.analyze(cn, m, mode, context);
      }
    }
    throw new AssertionError(targets.getSimpleName() + " has no method " + method);
  }
}
