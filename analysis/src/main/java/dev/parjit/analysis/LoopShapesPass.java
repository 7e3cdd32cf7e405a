package dev.parjit.analysis;

import dev.parjit.analysis.cfg.Liveness;
import dev.parjit.analysis.lattice.DistributionAnalysis;
import dev.parjit.analysis.loops.CountedLoopMatcher;
import dev.parjit.analysis.loops.NaturalLoop;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.tree.analysis.AnalyzerException;

/**
 * The facts the decisions read, computed once: each loop's counted shape
 * ({@link CountedLoopMatcher}), which
 * frame values are distributed with arrays taken as REP (the lattice over frames alone, which
 * series a row loop may be aligned with), and liveness.
 */
final class LoopShapesPass implements AnalysisPass {

  @Override
  public String name() {
    return "loop shapes";
  }

  @Override
  public void run(AnalysisState s) throws AnalyzerException {
    List<CountedLoopMatcher.Result> shapes = new ArrayList<>();
    for (NaturalLoop loop : s.loops) {
      shapes.add(CountedLoopMatcher.match(s.method, loop));
    }
    DistributionAnalysis frames = DistributionAnalysis.run(s.owner.name, s.method,
        Parameters.frameParamRoots(s.method, s.mode, s.context.paramSeeds()), java.util.Map.of(), s.calls,
        LatticePass.mayDemote(s.frameParams.keySet()));
    s.facts = new MethodFacts(s.method, s.graph, new Liveness(s.method, s.graph), s.consumers,
        new LoopSafety(s.owner, s.calls), List.copyOf(s.loops), List.copyOf(shapes), s.candidateStores, s.paramSlots, s.calls,
        s.calleeSlots, frames, s.frameParams,
        s.context.lazyFrameReturns() && !s.context.replicated().contains(DataVariables.RETURN),
        s.context.paramSeeds(), s.context.replicated(), s.rotations, s.mode);
  }
}
