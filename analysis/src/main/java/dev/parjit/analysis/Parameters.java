package dev.parjit.analysis;

import dev.parjit.analysis.dataflow.Consumers;
import dev.parjit.analysis.frames.FrameCalls;
import dev.parjit.analysis.plan.Distribution;
import dev.parjit.analysis.plan.ExecutionMode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Which parameters may be distributed and how they arrive: array parameters the driver scatters
 * (spawn) or callers pass in chunks (SPMD), frame parameters, and the distribution each 1D one
 * starts with. Read by {@link CandidatesPass}, {@link LatticePass} and {@link MethodPlanPass}.
 */
final class Parameters {

  private Parameters() { }

  /** A parameter's source name: MethodParameters, else the LocalVariableTable, else {@code slotN}. */
  static String name(MethodNode method, int index, int slot) {
    if (method.parameters != null && index < method.parameters.size() && method.parameters.get(index).name != null) {
      return method.parameters.get(index).name;
    }
    return VariableNames.at(method, slot, method.instructions.getFirst());
  }

  /**
   * Primitive array parameters that the method never reassigns and that may be 1D, slot to
   * parameter index: all of them in spawn mode (the driver scatters them), those named in
   * {@code distributed} in SPMD mode (each rank passes its chunk). They meet REP like any array.
   */
  static Map<Integer, Integer> arrayParameters(MethodNode method, ExecutionMode mode, Set<String> distributed,
      Set<Integer> calleeParams, Consumers consumers, Map<Integer, Distribution> seeds) {
    Map<Integer, Integer> out = new LinkedHashMap<>();
    Set<Integer> stored = new java.util.HashSet<>();
    for (AbstractInsnNode x : method.instructions) {
      if (x instanceof VarInsnNode v && v.getOpcode() >= Opcodes.ISTORE && v.getOpcode() <= Opcodes.ASTORE) {
        stored.add(v.var);
      } else if (x instanceof org.objectweb.asm.tree.IincInsnNode inc) {
        stored.add(inc.var);
      }
    }
    int slot = (method.access & Opcodes.ACC_STATIC) != 0 ? 0 : 1;
    Type[] args = Type.getArgumentTypes(method.desc);
    for (int k = 0; k < args.length; k++) {
      Type t = args[k];
      // In SPMD a caller's chunk arrives only from other @Jit methods; main passes whole arrays,
      // which the method then reads as its block - so the array must be read-only there.
      boolean wanted = mode == ExecutionMode.SPAWN || distributed.contains(name(method, k, slot))
          || (calleeParams.contains(k) && !writesOrReturns(method, slot, consumers));
      wanted &= seeds.get(k) != Distribution.REP; // a specialization for a whole array
      if (wanted && dev.parjit.analysis.plan.ArrayShapes.isDistributable(t) && !stored.contains(slot)) {
        out.put(slot, k);
      }
      slot += t.getSize();
    }
    return out;
  }

  /** Slots of parameters that are 1D only because callers may pass chunks (SPMD, not named distributed). */
  static Set<Integer> calleeSlots(MethodNode method, ExecutionMode mode, Set<String> distributed,
      Set<Integer> calleeParams) {
    Set<Integer> out = new java.util.HashSet<>();
    int slot = (method.access & Opcodes.ACC_STATIC) != 0 ? 0 : 1;
    Type[] args = Type.getArgumentTypes(method.desc);
    for (int k = 0; k < args.length; k++) {
      if (mode == ExecutionMode.SPAWN || (calleeParams.contains(k) && !distributed.contains(name(method, k, slot)))) {
        out.add(slot);
      }
      slot += args[k].getSize();
    }
    return out;
  }

  /**
   * Whether the array in {@code slot} may be written or handed back whole: a store whose array is
   * the parameter, seen through javac's {@code dup2} of {@code a[i] op= e} (which the store's own
   * operand only names as the {@code dup2}); the parameter copied to another local, which a store
   * could then write through; or the parameter returned. Any of them is a silent difference in SPMD
   * mode when the caller is outside {@code @Jit} code: the method works on the copy of this rank's
   * block that {@code blockOf} makes of the caller's whole array, so writes would be lost and the
   * returned array would be that block.
   */
  static boolean writesOrReturns(MethodNode method, int slot, Consumers consumers) {
    for (AbstractInsnNode x : method.instructions) {
      int op = x.getOpcode();
      if (op >= Opcodes.IASTORE && op <= Opcodes.SASTORE) {
        for (AbstractInsnNode a : ArrayOperands.array(consumers, x)) {
          if (a instanceof VarInsnNode v && v.var == slot) {
            return true;
          }
        }
      } else if (op == Opcodes.ALOAD && ((VarInsnNode) x).var == slot) {
        for (AbstractInsnNode use : consumers.of(x)) {
          if (use.getOpcode() == Opcodes.ASTORE || use.getOpcode() == Opcodes.ARETURN) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /**
   * Spawn mode: DataFrame and Series parameters start 1D_Var — a lazy result passed back in is a
   * chunk on each worker, a whole frame from the driver is cut to blocks on entry. A specialization
   * knows better: a frame scattered in blocks starts 1D_Block, one passed whole is REP.
   */
  static Map<Integer, Distribution> frameParamRoots(MethodNode method, ExecutionMode mode,
      Map<Integer, Distribution> seeds) {
    Map<Integer, Distribution> out = new LinkedHashMap<>();
    frameParameters(method, mode).forEach((slot, index) -> {
      Distribution seed = seeds.getOrDefault(index, Distribution.ONE_D_VAR);
      if (seed.isDistributed()) {
        out.put(slot, seed);
      }
    });
    return out;
  }

  /** Frame-typed parameter slots to parameter index (spawn mode only). */
  static Map<Integer, Integer> frameParameters(MethodNode method, ExecutionMode mode) {
    Map<Integer, Integer> out = new LinkedHashMap<>();
    if (mode != ExecutionMode.SPAWN) {
      return out;
    }
    int slot = (method.access & Opcodes.ACC_STATIC) != 0 ? 0 : 1;
    Type[] args = Type.getArgumentTypes(method.desc);
    for (int k = 0; k < args.length; k++) {
      if (args[k].getSort() == Type.OBJECT && (args[k].getInternalName().equals(FrameCalls.DATA_FRAME)
          || args[k].getInternalName().equals(FrameCalls.SERIES))) {
        out.put(slot, k);
      }
      slot += args[k].getSize();
    }
    return out;
  }

  static Distribution paramDistribution(MethodFacts f, int slot, ExecutionMode mode) {
    Integer index = f.paramSlots().get(slot);
    if (index != null && f.seeds().get(index) == Distribution.ONE_D_VAR) {
      return Distribution.ONE_D_VAR; // a specialization for a chunk of any length
    }
    return mode == ExecutionMode.SPMD && !f.calleeSlots().contains(slot) ? Distribution.ONE_D_VAR
        : Distribution.ONE_D_BLOCK;
  }
}
