package dev.parjit.analysis;

import dev.parjit.analysis.plan.ExecutionMode;
import dev.parjit.analysis.plan.MethodPlan;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;

/**
 * Analyses one {@code @Jit} method: which counted loops run chunked over ranks, which arrays are
 * 1D_Block, and which scalar reductions the loops carry.
 *
 * <p>The analysis is a fixed list of passes ({@link #PASSES}) over one {@link AnalysisState}, each a
 * class that says what it decides: seeds and facts first, then the loop decisions and the array
 * fixpoint (arrays allocated in the method and 1D parameters start 1D and become REP as soon as one
 * use is not understood; loops are re-decided until nothing changes), then the distribution lattice
 * over the whole method, then the plan. A loop or an array is declined with a {@link Decline}
 * naming its {@link DeclineRule}; only a method that cannot be analysed at all throws.
 */
public final class MethodAnalyzer {

  /** The passes, in the order they run. */
  static final List<AnalysisPass> PASSES = List.of(
      new ParameterSeedsPass(),
      new FlowGraphPass(),
      new CandidatesPass(),
      new BufferRotationPass(),
      new LoopShapesPass(),
      new LoopDecisionsPass(),
      new ArrayDistributionsPass(),
      new LatticePass(),
      new LoopPlansPass(),
      new CallSitesPass(),
      new MethodPlanPass());

  private MethodAnalyzer() { }

  public static MethodPlan analyze(ClassNode owner, MethodNode method, ExecutionMode mode) throws AnalysisException {
    return analyze(owner, method, mode, Set.of());
  }

  /**
   * As {@link #analyze(ClassNode, MethodNode, ExecutionMode)}, with the {@code @Jit(distributed = ...)}
   * names: in SPMD mode those parameters arrive as each rank's chunk (1D_Var) and a
   * {@code "return"} entry keeps a returned array distributed instead of gathering it.
   */
  public static MethodPlan analyze(ClassNode owner, MethodNode method, ExecutionMode mode, Set<String> distributed)
      throws AnalysisException {
    return analyze(owner, method, mode, AnalysisContext.alone(distributed));
  }

  /** The analysis of one method inside the {@code @Jit} call graph ({@link JitCallGraph}). */
  public static MethodPlan analyze(ClassNode owner, MethodNode method, ExecutionMode mode, AnalysisContext context)
      throws AnalysisException {
    return run(new AnalysisState(owner, method, mode, context)).plan;
  }

  /** Runs every pass over {@code state}, in order. */
  static AnalysisState run(AnalysisState state) throws AnalysisException {
    for (AnalysisPass pass : PASSES) {
      try {
        pass.run(state);
      } catch (AnalyzerException e) {
        throw new AnalysisException("the method does not verify: " + e.getMessage(), e);
      }
    }
    return state;
  }
}
