package dev.parjit.analysis;

import dev.parjit.analysis.cfg.Dominators;
import dev.parjit.analysis.cfg.FlowGraph;
import dev.parjit.analysis.dataflow.Consumers;
import dev.parjit.analysis.loops.NaturalLoops;
import org.objectweb.asm.tree.analysis.AnalyzerException;

/**
 * The method's control flow (blocks, dominators, natural loops) and data flow (which instructions
 * produce each operand). A method that does not verify fails here, before any decision.
 */
final class FlowGraphPass implements AnalysisPass {

  @Override
  public String name() {
    return "flow graph";
  }

  @Override
  public void run(AnalysisState s) throws AnalyzerException {
    s.graph = FlowGraph.of(s.owner.name, s.method);
    s.consumers = new Consumers(s.owner.name, s.method);
    s.loops = NaturalLoops.find(s.graph, new Dominators(s.graph));
  }
}
