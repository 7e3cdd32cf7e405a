package dev.parjit.analysis.diagnostics;

import dev.parjit.analysis.VariableNames;
import dev.parjit.analysis.plan.LoopPlan;
import dev.parjit.analysis.plan.MethodPlan;
import java.util.stream.Collectors;

/**
 * The fixed rows of replicated arrays a parallel loop writes at its index and shares after it, for
 * its line under "Loop distributions": {@code (rows shared: c[0], c[1])}. Empty for loops without.
 */
final class SharedRowNotes {

  private SharedRowNotes() { }

  static String of(MethodPlan plan, LoopPlan loop) {
    if (loop.sharedRows().isEmpty() || loop.shape() == null) {
      return "";
    }
    return loop.sharedRows().stream()
        .map(r -> VariableNames.at(plan.method(), r.holderSlot(), loop.shape().header()) + "[" + r.row() + "]")
        .collect(Collectors.joining(", ", " (rows shared: ", ")"));
  }
}
