package dev.parjit.analysis;

import dev.parjit.analysis.frames.FrameCalls;
import dev.parjit.analysis.lattice.DistributionAnalysis;
import dev.parjit.analysis.plan.Distribution;
import dev.parjit.analysis.plan.ExecutionMode;
import dev.parjit.analysis.plan.RepDecision;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * A reason for every REP data variable that no single use decided, read from the lattice: the
 * result of a reduction over distributed data, a value derived from a demoted origin, a name in
 * {@code @Jit(replicated = ...)}, an argument that arrives whole, a parameter, or anything else.
 * Explains only; decides nothing.
 */
final class RepExplanations {

  private RepExplanations() { }

  /** Adds a decision to {@code reps} for each REP variable of {@code variables} it does not explain yet. */
  static void explainRemaining(MethodFacts f, ExecutionMode mode, DistributionAnalysis lattice,
      Map<String, Distribution> variables, List<RepDecision> reps) {
    MethodNode method = f.method();
    Set<String> explained = new HashSet<>();
    reps.forEach(r -> explained.add(r.subject()));
    Set<String> params = new HashSet<>();
    Set<String> arrivesWhole = new HashSet<>();
    int slot = (method.access & Opcodes.ACC_STATIC) != 0 ? 0 : 1;
    Type[] args = Type.getArgumentTypes(method.desc);
    for (int k = 0; k < args.length; k++) {
      params.add(Parameters.name(method, k, slot));
      if (f.seeds().get(k) == Distribution.REP) {
        arrivesWhole.add(Parameters.name(method, k, slot));
      }
      slot += args[k].getSize();
    }
    int line = MethodPlanPass.firstLine(method);
    variables.forEach((name, d) -> {
      if (d != Distribution.REP || explained.contains(name)) {
        return;
      }
      Decline why;
      String origin = demotedOrigin(method, lattice, name);
      Decline reduction = reductionOrigin(f, lattice, name);
      if (reduction != null) {
        why = reduction;
      } else if (name.equals(DataVariables.RETURN)) {
        return; // a replicated variable returned: its own line says why
      } else if (origin != null) {
        why = Decline.of(DeclineRule.DERIVED_FROM_REP, origin);
      } else if (f.replicated().contains(name)) {
        why = Decline.of(DeclineRule.NAMED_REPLICATED);
      } else if (arrivesWhole.contains(name)) {
        why = Decline.of(DeclineRule.ARRIVES_WHOLE);
      } else if (params.contains(name)) {
        why = Decline.of(mode == ExecutionMode.SPMD ? DeclineRule.SPMD_PARAMETER : DeclineRule.PARAMETER_NOT_1D);
      } else {
        why = Decline.of(DeclineRule.NOT_DATA_SOURCE);
      }
      // The line goes beside the reason, not into it: a parameter has none, a reduction its call's.
      reps.add(new RepDecision(name, why.sentence(), params.contains(name) ? -1 : reduction != null ? why.line() : line));
    });
  }

  /**
   * {@code result of reduction Series.mean()} at the call's line when the value stored into
   * {@code name} (or returned, for {@code "return"}) is a reduction of distributed data; else
   * {@code null}.
   */
  private static Decline reductionOrigin(MethodFacts f, DistributionAnalysis lattice, String name) {
    MethodNode method = f.method();
    for (AbstractInsnNode x : method.instructions) {
      boolean sink = name.equals(DataVariables.RETURN) ? x.getOpcode() == Opcodes.ARETURN
          : x instanceof VarInsnNode v && v.getOpcode() == Opcodes.ASTORE
              && VariableNames.at(method, v.var, x.getNext() != null ? x.getNext() : x).equals(name);
      if (!sink) {
        continue;
      }
      Set<AbstractInsnNode> producers = f.consumers().operand(x, 0);
      if (producers.size() == 1 && producers.iterator().next() instanceof MethodInsnNode call
          && FrameCalls.isFrameType(call.owner) && lattice.anyArgumentDistributed(call)) {
        return Decline.at(DeclineRule.REDUCTION_RESULT, call, call.owner.substring(call.owner.lastIndexOf('/') + 1),
            call.name);
      }
    }
    return null;
  }

  /** The variable name of a demoted origin that a value stored into {@code name} derives from. */
  private static String demotedOrigin(MethodNode method, DistributionAnalysis lattice, String name) {
    for (AbstractInsnNode x : method.instructions) {
      if (x instanceof VarInsnNode v && v.getOpcode() == Opcodes.ASTORE && lattice.frameAt(x) != null
          && VariableNames.at(method, v.var, x.getNext() != null ? x.getNext() : x).equals(name)) {
        var frame = lattice.frameAt(x);
        for (Object root : frame.getStack(frame.getStackSize() - 1).roots()) {
          if (lattice.demoted().containsKey(root) && root instanceof AbstractInsnNode r) {
            String origin = DataVariables.nameOfValue(method, r);
            if (!origin.equals(name)) {
              return origin;
            }
          }
        }
      }
    }
    return null;
  }
}
