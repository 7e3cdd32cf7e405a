package dev.parjit.analysis;

/**
 * The array variables that may be 1D: arrays allocated in the method and stored once
 * ({@link DistributedArrayCandidates}), and array parameters the driver scatters or callers pass
 * in chunks ({@link Parameters}). Every candidate starts 1D; the decision passes only take arrays
 * away.
 */
final class CandidatesPass implements AnalysisPass {

  @Override
  public String name() {
    return "candidates";
  }

  @Override
  public void run(AnalysisState s) {
    s.candidates.putAll(DistributedArrayCandidates.find(s.method, s.consumers));
    s.candidates.forEach((slot, alloc) -> s.candidateStores.put(slot,
        DistributedArrayCandidates.storeOf(alloc, s.consumers)));
    AnalysisContext c = s.context;
    s.paramSlots = Parameters.arrayParameters(s.method, s.mode, s.distributed, c.calleeParams(), s.consumers,
        c.paramSeeds());
    s.calleeSlots = Parameters.calleeSlots(s.method, s.mode, s.distributed, c.calleeParams());
    s.frameParams = Parameters.frameParameters(s.method, s.mode);
  }
}
