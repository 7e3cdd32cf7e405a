package dev.parjit.analysis.diagnostics;

import dev.parjit.analysis.VariableNames;
import dev.parjit.analysis.plan.LoopPlan;
import dev.parjit.analysis.plan.MethodPlan;
import java.util.stream.Collectors;

/**
 * The replicated arrays a parallel loop writes at its index and shares after it (SPMD mode), for its
 * line under "Loop distributions": {@code (blocks shared: a, b)}. Empty for loops without.
 */
final class SharedBlockNotes {

  private SharedBlockNotes() { }

  static String of(MethodPlan plan, LoopPlan loop) {
    if (loop.sharedBlocks().isEmpty() || loop.shape() == null) {
      return "";
    }
    return loop.sharedBlocks().stream()
        .map(b -> VariableNames.at(plan.method(), b.holderSlot(), loop.shape().header()))
        .collect(Collectors.joining(", ", " (blocks shared: ", ")"));
  }
}
