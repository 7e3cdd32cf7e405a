package dev.parjit.analysis.lattice;

import dev.parjit.analysis.plan.Distribution;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;

/**
 * The distribution analysis of one method: ASM's {@link Analyzer} with the
 * {@link DistributionInterpreter} gives the fixed point over the method's blocks; around it, origins
 * whose values escape (unknown calls, fields, lambdas, object arrays) are demoted to REP and the
 * method is analysed again, until nothing changes. Demotion only lowers values, so this terminates
 * after at most one round per origin.
 */
public final class DistributionAnalysis {

  private final MethodNode method;
  private final Frame<DistValue>[] frames;
  private final Map<Object, Escape> demoted;
  private final List<Escape> kept;

  private DistributionAnalysis(MethodNode method, Frame<DistValue>[] frames, Map<Object, Escape> demoted,
      List<Escape> kept) {
    this.method = method;
    this.frames = frames;
    this.demoted = demoted;
    this.kept = kept;
  }

  /**
   * Analyses {@code method}.
   *
   * @param owner       internal name of the declaring class
   * @param parameters  distributed parameter slots
   * @param allocations distributed array allocations
   * @param calls       the model of invoked methods
   * @param mayDemote   which origins the fixed point may demote; the others (arrays, decided by the
   *                    loop analysis) are taken as given
   */
  public static DistributionAnalysis run(String owner, MethodNode method, Map<Integer, Distribution> parameters,
      Map<AbstractInsnNode, Distribution> allocations, CallModel calls, java.util.function.Predicate<Object> mayDemote)
      throws AnalyzerException {
    Map<Object, Escape> demoted = new LinkedHashMap<>();
    while (true) {
      DistributionInterpreter interpreter = new DistributionInterpreter(parameters, allocations, calls, demoted.keySet());
      Frame<DistValue>[] frames = new Analyzer<>(interpreter).analyze(owner, method);
      boolean changed = false;
      List<Escape> kept = new ArrayList<>();
      for (Escape e : escapes(method, frames, calls, demoted.keySet())) {
        if (!mayDemote.test(e.root())) {
          kept.add(e);
        } else if (!demoted.containsKey(e.root())) {
          demoted.put(e.root(), e);
          changed = true;
        }
      }
      if (!changed) {
        return new DistributionAnalysis(method, frames, demoted, List.copyOf(kept));
      }
    }
  }

  /** Every use of a distributed value that the model does not understand. */
  static List<Escape> escapes(MethodNode method, Frame<DistValue>[] frames, CallModel calls, Set<Object> demoted) {
    List<Escape> out = new ArrayList<>();
    for (int i = 0; i < frames.length; i++) {
      Frame<DistValue> f = frames[i];
      AbstractInsnNode insn = method.instructions.get(i);
      if (f == null) {
        continue;
      }
      // A distributed value met a replicated one where control flow joins: the code after the
      // join cannot know which it holds, so the origin becomes REP.
      for (int k = 0; k < f.getLocals() + f.getStackSize(); k++) {
        DistValue v = k < f.getLocals() ? f.getLocal(k) : f.getStack(k - f.getLocals());
        if (v != null && !v.isDistributed()) {
          for (Object root : v.roots()) {
            if (!demoted.contains(root)) {
              out.add(new Escape(root, Escape.Kind.JOIN, "it meets replicated data where control flow joins", insn));
            }
          }
        }
      }
      switch (insn.getOpcode()) {
        case Opcodes.INVOKEVIRTUAL, Opcodes.INVOKESPECIAL, Opcodes.INVOKESTATIC, Opcodes.INVOKEINTERFACE -> {
          MethodInsnNode call = (MethodInsnNode) insn;
          List<DistValue> args = operands(f, argumentCount(call));
          if (args.stream().anyMatch(DistValue::isDistributed) && calls.result(call, args) == null) {
            escape(out, args, Escape.Kind.CALL, "it is passed to " + simple(call.owner) + "." + call.name
                + ", which Parjit does not model", insn);
          }
        }
        case Opcodes.INVOKEDYNAMIC -> escape(out, operands(f, Type.getArgumentTypes(
            ((org.objectweb.asm.tree.InvokeDynamicInsnNode) insn).desc).length), Escape.Kind.INVOKEDYNAMIC,
            "it is captured by a lambda", insn);
        case Opcodes.PUTFIELD, Opcodes.PUTSTATIC -> escape(out, operands(f, 1), Escape.Kind.FIELD,
            "it is stored into field " + ((FieldInsnNode) insn).name, insn);
        case Opcodes.AASTORE -> escape(out, operands(f, 1), Escape.Kind.OBJECT_ARRAY, "it is stored into an object array", insn);
        default -> { }
      }
    }
    return out;
  }

  private static void escape(List<Escape> out, List<DistValue> values, Escape.Kind kind, String reason,
      AbstractInsnNode where) {
    for (DistValue v : values) {
      if (v.isDistributed()) {
        v.roots().forEach(r -> out.add(new Escape(r, kind, reason, where)));
      }
    }
  }

  private static int argumentCount(MethodInsnNode call) {
    return Type.getArgumentTypes(call.desc).length + (call.getOpcode() == Opcodes.INVOKESTATIC ? 0 : 1);
  }

  /** The top {@code n} values of the frame's stack, deepest first (receiver, then arguments). */
  static List<DistValue> operands(Frame<DistValue> f, int n) {
    List<DistValue> out = new ArrayList<>(n);
    for (int k = f.getStackSize() - n; k < f.getStackSize(); k++) {
      out.add(f.getStack(k));
    }
    return out;
  }

  private static String simple(String internalName) {
    return internalName.substring(internalName.lastIndexOf('/') + 1);
  }

  /** The frame before {@code insn} ({@code null} if unreachable). */
  public Frame<DistValue> frameAt(AbstractInsnNode insn) {
    return frames[method.instructions.indexOf(insn)];
  }

  /**
   * Escapes of origins this analysis may not demote (arrays, which the loops decided), in instruction
   * order: a frame or series over such an array that escapes must make the array itself REP.
   */
  public List<Escape> kept() {
    return kept;
  }

  /** Origins made REP, each with the first escape that caused it. */
  public Map<Object, Escape> demoted() {
    return demoted;
  }

  /** The distribution of the value {@code insn} pushes, or {@code null} when it pushes nothing reachable. */
  public DistValue produced(AbstractInsnNode insn) {
    AbstractInsnNode next = insn.getNext();
    while (next != null && frames[method.instructions.indexOf(next)] == null && next.getOpcode() < 0) {
      next = next.getNext();
    }
    if (next == null) {
      return null;
    }
    Frame<DistValue> f = frames[method.instructions.indexOf(next)];
    return f == null || f.getStackSize() == 0 ? null : f.getStack(f.getStackSize() - 1);
  }

  /**
   * The meet of the values stored into local {@code slot} over the instructions {@code [from, to)}
   * (a variable's live range), or {@code null} when nothing reachable stores there.
   */
  public Distribution storedInto(int slot, int from, int to) {
    Distribution d = null;
    Set<Integer> seen = new HashSet<>();
    for (int i = Math.max(0, from); i < Math.min(to, frames.length); i++) {
      AbstractInsnNode insn = method.instructions.get(i);
      if (insn instanceof org.objectweb.asm.tree.VarInsnNode v && v.var == slot && v.getOpcode() >= Opcodes.ISTORE
          && v.getOpcode() <= Opcodes.ASTORE && frames[i] != null && seen.add(i)) {
        DistValue value = frames[i].getStack(frames[i].getStackSize() - 1);
        d = d == null ? value.distribution() : d.meet(value.distribution());
      }
    }
    return d;
  }

  /** Whether the receiver or an argument of {@code call} is distributed. */
  public boolean anyArgumentDistributed(MethodInsnNode call) {
    Frame<DistValue> f = frameAt(call);
    return f != null && operands(f, argumentCount(call)).stream().anyMatch(DistValue::isDistributed);
  }

  /** Whether the value on top of the stack before {@code insn} is distributed. */
  public boolean topDistributed(AbstractInsnNode insn) {
    Frame<DistValue> f = frameAt(insn);
    return f != null && f.getStackSize() > 0 && f.getStack(f.getStackSize() - 1).isDistributed();
  }

  /** Whether some reachable {@code ARETURN} returns a distributed value. */
  public boolean returnsDistributed() {
    for (int i = 0; i < frames.length; i++) {
      Frame<DistValue> f = frames[i];
      if (f != null && method.instructions.get(i).getOpcode() == Opcodes.ARETURN
          && f.getStack(f.getStackSize() - 1).isDistributed()) {
        return true;
      }
    }
    return false;
  }

  /** The value of local {@code slot} just before {@code insn}. */
  public DistValue local(AbstractInsnNode insn, int slot) {
    Frame<DistValue> f = frameAt(insn);
    return f == null || slot >= f.getLocals() ? null : f.getLocal(slot);
  }
}
