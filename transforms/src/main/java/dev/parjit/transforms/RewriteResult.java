package dev.parjit.transforms;

import java.util.List;

/**
 * The outcome of {@link ClassRewriter#rewrite}.
 *
 * @param bytes    the rewritten class, or {@code null} when nothing changed
 * @param stubs    driver role: the methods replaced by dispatch stubs
 * @param passLog  one line per pass and method: applied, or declined with the reason
 * @param failures methods that keep their original code, with the reason
 * @param plans    worker and SPMD roles: the analysis result of each compiled method
 * @param placements driver role in spawn mode: where each selected method runs, in pass-log order
 */
public record RewriteResult(byte[] bytes, List<DispatchStub> stubs, List<String> passLog, List<MethodFailure> failures,
    List<dev.parjit.analysis.plan.MethodPlan> plans, List<MethodPlacement> placements) {

  /** Where {@code displayName} ({@code C.m}) runs, or {@code null} when the result does not say. */
  public String placementOf(String displayName) {
    return placements.stream().filter(p -> p.method().equals(displayName)).map(MethodPlacement::where).findFirst()
        .orElse(null);
  }

  /** Whether the class changed. */
  public boolean changed() {
    return bytes != null;
  }
}
