package dev.parjit.analysis;

import dev.parjit.analysis.lattice.DistValue;
import dev.parjit.analysis.lattice.DistributionAnalysis;
import dev.parjit.analysis.lattice.Escape;
import java.util.LinkedHashMap;
import java.util.Map;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;

/**
 * Arrays a frame or series over them takes out of 1D. The array fixpoint keeps an array 1D when it
 * is wrapped ({@code DataFrame.of("x", x)}, {@code Series.of}) and only the lattice follows the
 * frame from there; when that frame escapes (a call Parjit does not model, such as
 * {@code DataFrameBuilder.add} or {@code Objects.requireNonNull}, a field or static, a lambda), the
 * lattice cannot demote the array it stands on. The code reached would see each rank's chunk as if
 * it were the whole column: the array must be REP, with the escape as its reason.
 */
final class FrameEscapes {

  private FrameEscapes() { }

  /** The 1D arrays (slot to reason) whose frames escape in {@code lattice}, in instruction order. */
  static Map<Integer, Decline> declined(AnalysisState s, DistributionAnalysis lattice) {
    Map<AbstractInsnNode, Integer> allocated = new java.util.IdentityHashMap<>();
    s.candidates.forEach((slot, alloc) -> allocated.put(alloc, slot));
    Map<Integer, Decline> out = new LinkedHashMap<>();
    for (Escape e : lattice.kept()) {
      if (!followsFrameEscape(e)) {
        continue;
      }
      Integer slot = e.root() instanceof DistValue.Parameter p ? Integer.valueOf(p.slot())
          : e.root() instanceof AbstractInsnNode x ? allocated.get(x) : null;
      if (slot != null && s.oneD.contains(slot)) {
        out.putIfAbsent(slot, Decline.at(DeclineRule.FRAME_ESCAPES, e.where(), e.reason()));
      }
    }
    return out;
  }

  /**
   * Escapes that leave a chunk where whole data is expected. Joins are the array fixpoint's concern;
   * a frame stored into an object array is gathered before the store ({@code CallSitesPass}); string
   * concatenation renders the frame as printing does.
   */
  private static boolean followsFrameEscape(Escape e) {
    return switch (e.kind()) {
      case CALL, FIELD -> true;
      case INVOKEDYNAMIC -> !(e.where() instanceof InvokeDynamicInsnNode indy
          && "java/lang/invoke/StringConcatFactory".equals(indy.bsm.getOwner()));
      case JOIN, OBJECT_ARRAY -> false;
    };
  }
}
