package dev.parjit.analysis;

/**
 * Every candidate starts 1D; the loops are decided against that optimistic start
 * ({@link LoopDecisions}). {@link ArrayDistributionsPass} then takes arrays away and re-decides.
 */
final class LoopDecisionsPass implements AnalysisPass {

  @Override
  public String name() {
    return "loop decisions";
  }

  @Override
  public void run(AnalysisState s) {
    s.oneD.addAll(s.candidates.keySet());
    s.oneD.addAll(s.facts.paramSlots().keySet());
    s.oneD.addAll(s.rotations.parameterHolders()); // from = u; to = v: they hold the parameters' arrays
    s.decisions = LoopDecisions.decideAll(s.facts, s.oneD);
  }
}
