package dev.parjit.analysis;

/**
 * Buffers a time-step loop swaps ({@code tmp = u; u = v; v = tmp}): each variable's own allocation
 * becomes a candidate too, and the group stays 1D or becomes REP as a whole
 * ({@link BufferRotation} recognises the shape). Buffers taken from array parameters
 * ({@code from = u; to = v;}) are no allocations: their variables join the 1D set with the
 * parameters ({@link LoopDecisionsPass}), and the lattice follows the parameters' values into them.
 */
final class BufferRotationPass implements AnalysisPass {

  @Override
  public String name() {
    return "buffer rotation";
  }

  @Override
  public void run(AnalysisState s) {
    s.rotations = BufferRotation.find(s.method, s.consumers, s.graph, s.paramSlots.keySet());
    s.rotations.groups().forEach(g -> {
      if (!g.fedByParameters()) {
        // allocations the rewrite shrinks to the rank's chunk; a parameter's array arrives as a chunk
        s.candidates.putAll(g.allocations());
        s.candidateStores.putAll(g.stores());
      }
    });
  }
}
