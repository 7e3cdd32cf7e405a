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

  /**
   * Whether {@code call} reaches another {@code @Jit} method of the class being compiled. Such a
   * method is compiled too, with collectives every rank must reach in the same order: a loop that
   * calls it cannot run a rank-dependent share of its iterations.
   */
  default boolean isJitMember(MethodInsnNode call) {
    return false;
  }

  /** A model that understands nothing: every call is an escape. */
  CallModel NONE = (call, args) -> null;

  /** This model, falling back to {@code other} where it has no answer. */
  default CallModel orElse(CallModel other) {
    CallModel first = this;
    return new CallModel() {
      @Override
      public Distribution result(MethodInsnNode call, List<DistValue> args) {
        Distribution d = first.result(call, args);
        return d != null ? d : other.result(call, args);
      }

      @Override
      public boolean isJitMember(MethodInsnNode call) {
        return first.isJitMember(call) || other.isJitMember(call);
      }
    };
  }
}
