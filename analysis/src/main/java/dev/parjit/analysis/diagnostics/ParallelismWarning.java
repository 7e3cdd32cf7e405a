package dev.parjit.analysis.diagnostics;

import dev.parjit.analysis.plan.MethodPlan;
import dev.parjit.analysis.plan.RepDecision;

/**
 * DESIGN §4's warning for a method with data that could be distributed and nothing that is:
 * {@code ParjitWarning: No parallelism found for function 'C.m'}, then each reason with its line.
 */
public final class ParallelismWarning {

  private ParallelismWarning() { }

  /** The warning text, or {@code null} when the method runs distributed or has nothing to distribute. */
  public static String of(MethodPlan plan) {
    if (plan.isDistributed() || !plan.hasDistributableData()) {
      return null;
    }
    StringBuilder out = new StringBuilder("ParjitWarning: No parallelism found for function '")
        .append(plan.displayName()).append("'");
    for (RepDecision r : plan.repDecisions()) {
      out.append('\n').append("  ").append(DiagnosticsText.repLine(plan, r));
    }
    return out.toString();
  }
}
