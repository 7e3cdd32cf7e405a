package dev.parjit.analysis;

import dev.parjit.analysis.plan.ExecutionMode;
import dev.parjit.analysis.plan.MethodPlan;
import dev.parjit.analysis.plan.RepDecision;
import java.util.Set;
import java.util.TreeSet;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Checks an SPMD method's {@code @Jit(distributed = ...)} parameters against its plan. Each rank
 * passes its own chunk of such a parameter; if the analysis nevertheless made it REP, every rank
 * would treat its chunk as the whole array and compute a wrong answer without a word. That is a
 * compilation error instead, naming the parameter and why it is REP.
 */
public final class DistributedRequests {

  private DistributedRequests() { }

  /** Why a parameter named in {@code distributed} cannot be honoured, or {@code null} when every one is. */
  public static String unhonoured(MethodPlan plan, Set<String> distributed) {
    if (plan.mode() != ExecutionMode.SPMD) {
      return null; // spawn mode: the driver scatters what the analysis makes 1D, whatever the names say
    }
    MethodNode method = plan.method();
    Set<String> unknown = new TreeSet<>(distributed);
    unknown.remove(DataVariables.RETURN);
    int slot = (method.access & Opcodes.ACC_STATIC) != 0 ? 0 : 1;
    Type[] args = Type.getArgumentTypes(method.desc);
    for (int k = 0; k < args.length; k++) {
      String name = Parameters.name(method, k, slot);
      if (unknown.remove(name) && !plan.paramDistributions().get(k).isDistributed()) {
        return "@Jit(distributed = ...) names '" + name + "', but the analysis made it REP: "
            + whyRep(plan, name, args[k], slot)
            + "; each rank would take its own chunk for the whole array";
      }
      slot += args[k].getSize();
    }
    if (!unknown.isEmpty()) {
      return "@Jit(distributed = ...) names " + unknown + ", which are not parameters of " + method.name
          + " (compile with -parameters or -g to use parameter names)";
    }
    return null;
  }

  private static String whyRep(MethodPlan plan, String name, Type type, int slot) {
    if (type.getSort() != Type.ARRAY || type.getDimensions() != 1 || type.getElementType().getSort() > Type.DOUBLE) {
      return "only one-dimensional primitive array parameters can be distributed, and it is " + type.getClassName();
    }
    if (assigned(plan.method(), slot)) {
      return "the parameter is reassigned in the method";
    }
    for (RepDecision d : plan.repDecisions()) {
      if (d.subject().equals(name)) {
        return d.reason() + (d.line() > 0 ? " (line " + d.line() + ")" : "");
      }
    }
    return "a use of it could not be kept distributed";
  }

  private static boolean assigned(MethodNode method, int slot) {
    for (AbstractInsnNode x : method.instructions) {
      if ((x instanceof VarInsnNode v && v.var == slot && v.getOpcode() >= Opcodes.ISTORE && v.getOpcode() <= Opcodes.ASTORE)
          || (x instanceof IincInsnNode inc && inc.var == slot)) {
        return true;
      }
    }
    return false;
  }
}
