package dev.parjit.analysis.lattice;

import dev.parjit.analysis.plan.Distribution;
import java.util.List;
import org.objectweb.asm.tree.MethodInsnNode;

/**
 * What the analysis knows about a called method: the distribution of its result given those of its
 * receiver and arguments, and whether it accepts distributed arguments at all.
 */
public interface CallModel {

  /**
   * The result's distribution, or {@code null} when the call is not modelled: then every
   * distributed argument escapes (its origin becomes REP) and the result is REP.
   *
   * @param call the invocation
   * @param args receiver (for instance calls) then arguments, in stack order
   */
  Distribution result(MethodInsnNode call, List<DistValue> args);

  /** A model that understands nothing: every call is an escape. */
  CallModel NONE = (call, args) -> null;

  /** This model, falling back to {@code other} where it has no answer. */
  default CallModel orElse(CallModel other) {
    return (call, args) -> {
      Distribution d = result(call, args);
      return d != null ? d : other.result(call, args);
    };
  }
}
