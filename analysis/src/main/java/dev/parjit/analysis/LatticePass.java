package dev.parjit.analysis;

import dev.parjit.analysis.lattice.DistValue;
import dev.parjit.analysis.lattice.DistributionAnalysis;
import dev.parjit.analysis.plan.Distribution;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;

/**
 * The lattice over the whole method ({@link DistributionAnalysis}), once the array decisions are
 * made: array origins as decided, frame sources and frame parameters demoted where their values
 * escape, and arrays whose frames escape taken out of 1D ({@link FrameEscapes}) before it runs again. Every later question about a value's distribution (calls, returns, printed frames, data
 * variables) is answered from it.
 */
final class LatticePass implements AnalysisPass {

  @Override
  public String name() {
    return "lattice";
  }

  @Override
  public void run(AnalysisState s) throws AnalyzerException {
    while (true) {
      s.lattice = lattice(s);
      // A frame over a 1D array that escapes takes the array out of 1D; the arrays only leave 1D, so this ends.
      Map<Integer, Decline> escaped = FrameEscapes.declined(s, s.lattice);
      if (escaped.isEmpty()) {
        return;
      }
      ArrayDistributionsPass.declineAndSettle(s, escaped);
    }
  }

  private static DistributionAnalysis lattice(AnalysisState s) throws AnalyzerException {
    MethodFacts f = s.facts;
    Map<Integer, Distribution> params = new LinkedHashMap<>();
    Map<AbstractInsnNode, Distribution> allocations = new LinkedHashMap<>();
    for (int slot : s.oneD) {
      if (s.candidates.containsKey(slot)) {
        // 1D_Block, or a frame's 1D_Var when its row count sizes the array (RowPlacement)
        allocations.put(s.candidates.get(slot), RowPlacement.of(f, s.candidates.get(slot)));
      } else if (f.paramSlots().containsKey(slot)) {
        params.put(slot, Parameters.paramDistribution(f, slot, s.mode));
      } // else a variable holding a parameter's array (BufferRotation): its value flows from the parameter
    }
    params.putAll(Parameters.frameParamRoots(s.method, s.mode, f.seeds()));
    return DistributionAnalysis.run(s.owner.name, s.method, params, allocations, f.calls(),
        mayDemote(f.frameParams().keySet()));
  }

  /** Frame sources, and frame parameters, may be demoted when they escape; arrays are decided by loops. */
  static Predicate<Object> mayDemote(Set<Integer> frameParamSlots) {
    return root -> root instanceof MethodInsnNode
        || (root instanceof DistValue.Parameter p && frameParamSlots.contains(p.slot()));
  }
}
