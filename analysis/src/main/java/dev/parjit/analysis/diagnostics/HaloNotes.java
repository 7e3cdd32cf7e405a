package dev.parjit.analysis.diagnostics;

import dev.parjit.analysis.VariableNames;
import dev.parjit.analysis.plan.HaloRead;
import dev.parjit.analysis.plan.LoopPlan;
import dev.parjit.analysis.plan.MethodPlan;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a parallel loop reads through halos, for its line under "Loop distributions": each array
 * with the offsets the exchange covers, {@code (halo: u[i-1..i+1])}, and a CSR loop's nonzeros,
 * {@code val[rowptr[i]..rowptr[i+1]]}, and what its column indices name, {@code x[col[k]]}. Empty for
 * loops without.
 */
final class HaloNotes {

  private HaloNotes() { }

  static String of(MethodPlan plan, LoopPlan loop) {
    Map<String, int[]> ranges = new LinkedHashMap<>();
    Map<String, String> segments = new LinkedHashMap<>();
    for (HaloRead h : loop.haloReads()) {
      if (h.isIndexed()) {
        // named where the loop starts: the rewrite may already have replaced the load (SPMD)
        var at = loop.shape() != null ? loop.shape().header() : h.load();
        segments.put(VariableNames.at(plan.method(), h.arraySlot(), at),
            "[" + VariableNames.at(plan.method(), h.indexArraySlot(), at) + "[k]]");
        continue;
      }
      if (h.isSegment()) {
        String rowptr = VariableNames.at(plan.method(), h.rowPointerSlot(), h.load());
        segments.put(VariableNames.at(plan.method(), h.arraySlot(), h.load()),
            "[" + rowptr + "[i].." + rowptr + "[i+1]]");
        continue;
      }
      int[] r = ranges.computeIfAbsent(VariableNames.at(plan.method(), h.arraySlot(), h.load()), k -> new int[2]);
      r[0] = Math.min(r[0], h.offset());
      r[1] = Math.max(r[1], h.offset());
    }
    if (ranges.isEmpty() && segments.isEmpty()) {
      return "";
    }
    return java.util.stream.Stream.concat(
        ranges.entrySet().stream().map(e -> e.getKey() + "[" + index(e.getValue()[0]) + ".." + index(e.getValue()[1]) + "]"),
        segments.entrySet().stream().map(e -> e.getKey() + e.getValue()))
        .collect(Collectors.joining(", ", " (halo: ", ")"));
  }

  private static String index(int offset) {
    return offset == 0 ? "i" : offset > 0 ? "i+" + offset : "i" + offset;
  }
}
