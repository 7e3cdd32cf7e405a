package dev.parjit.analysis;

/**
 * Buffers a time-step loop swaps ({@code tmp = u; u = v; v = tmp}): each variable's own allocation
 * becomes a candidate too, and the group stays 1D or becomes REP as a whole
 * ({@link BufferRotation} recognises the shape).
 */
final class BufferRotationPass implements AnalysisPass {

  @Override
  public String name() {
    return "buffer rotation";
  }

  @Override
  public void run(AnalysisState s) {
    s.rotations = BufferRotation.find(s.method, s.consumers, s.graph);
    s.rotations.groups().forEach(g -> {
      s.candidates.putAll(g.allocations());
      s.candidateStores.putAll(g.stores());
    });
  }
}
