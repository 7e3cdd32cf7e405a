package dev.parjit.analysis;

import dev.parjit.analysis.dataflow.Consumers;
import dev.parjit.analysis.loops.NaturalLoop;
import dev.parjit.analysis.plan.GuardedExtremum;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Recognises guarded extrema in a loop: a local {@code best} read only by one comparison with a
 * value {@code v} and set only in the block that comparison guards, to the same value, beside other
 * locals (its companions) that nothing in the loop reads:
 * <pre>{@code
 * if (a[i] > best) { best = a[i]; at = i; }      double d = ...; if (d < min) { min = d; k = j; }
 * }</pre>
 * The guard must be Java's own comparison, which fails on NaN ({@code javac} always compiles it so);
 * the block must be straight-line and free of effects (locals, array reads, arithmetic and
 * {@code Math} only), so that {@code v} recomputed in it is the value compared. Anything else is not
 * a match, and the loop's other rules decide.
 */
final class GuardedExtremumMatcher {

  private GuardedExtremumMatcher() { }

  /** Every guarded extremum of {@code loop}; {@code names} gives a slot's source name at an instruction. */
  static List<GuardedExtremum> find(MethodNode method, NaturalLoop loop, Consumers consumers,
      BiFunction<Integer, AbstractInsnNode, String> names) {
    List<GuardedExtremum> out = new ArrayList<>();
    InsnList insns = method.instructions;
    for (int i = loop.body().nextSetBit(0); i >= 0; i = loop.body().nextSetBit(i + 1)) {
      if (insns.get(i) instanceof JumpInsnNode jump) {
        GuardedExtremum g = match(method, loop, jump, consumers, names);
        if (g != null) {
          out.add(g);
        }
      }
    }
    return out;
  }

  private static GuardedExtremum match(MethodNode method, NaturalLoop loop, JumpInsnNode jump, Consumers consumers,
      BiFunction<Integer, AbstractInsnNode, String> names) {
    Guard guard = guard(jump, consumers);
    if (guard == null) {
      return null;
    }
    AbstractInsnNode a = single(guard.left());
    AbstractInsnNode b = single(guard.right());
    if (a == null || b == null) {
      return null;
    }
    List<AbstractInsnNode> block = block(method, loop, jump);
    if (block == null) {
      return null;
    }
    // Either side may be the best: both are loads in `if (best < v)` with a local v.
    GuardedExtremum g = isLoad(b, guard.type())
        ? withKey(method, loop, jump, block, (VarInsnNode) b, a, guard.relation(), guard.type(), consumers, names)
        : null;
    if (g == null && isLoad(a, guard.type())) {
      g = withKey(method, loop, jump, block, (VarInsnNode) a, b, flip(guard.relation()), guard.type(), consumers, names);
    }
    return g;
  }

  private static GuardedExtremum withKey(MethodNode method, NaturalLoop loop, JumpInsnNode jump,
      List<AbstractInsnNode> block, VarInsnNode key, AbstractInsnNode value, int rel, String type, Consumers consumers,
      BiFunction<Integer, AbstractInsnNode, String> names) {
    AbstractInsnNode keyStore = null;
    Map<Integer, VarInsnNode> companions = new LinkedHashMap<>();
    for (AbstractInsnNode x : block) {
      if (x instanceof VarInsnNode v && v.getOpcode() >= Opcodes.ISTORE && v.getOpcode() <= Opcodes.DSTORE) {
        if (v.var == key.var) {
          if (keyStore != null || v.getOpcode() != key.getOpcode() - Opcodes.ILOAD + Opcodes.ISTORE) {
            return null;
          }
          keyStore = v;
        } else if (companions.put(v.var, v) != null) {
          return null; // set twice in the block
        }
      }
    }
    if (keyStore == null || companions.containsKey(key.var)) {
      return null;
    }
    String compared = canonical(value, consumers, 0);
    AbstractInsnNode stored = single(consumers.operand(keyStore, 0));
    if (compared == null || stored == null || !compared.equals(canonical(stored, consumers, 0))
        || !sameDefinitions(value, stored, consumers)) {
      return null;
    }
    if (!usedOnlyAt(method, loop, key.var, Set.of(key, keyStore))) {
      return null;
    }
    List<GuardedExtremum.Companion> list = new ArrayList<>();
    for (VarInsnNode store : companions.values()) {
      if (!usedOnlyAt(method, loop, store.var, Set.of(store))) {
        return null;
      }
      list.add(new GuardedExtremum.Companion(store.var, typeOf(store.getOpcode() - Opcodes.ISTORE),
          names.apply(store.var, store.getNext())));
    }
    return new GuardedExtremum(key.var, type, rel, List.copyOf(list), jump, names.apply(key.var, key));
  }

  /** A comparison {@code left ? right} whose block (the fall-through) runs when {@code left REL right}. */
  private record Guard(Set<AbstractInsnNode> left, Set<AbstractInsnNode> right, int relation, String type) { }

  private static Guard guard(JumpInsnNode jump, Consumers consumers) {
    int op = jump.getOpcode();
    if (op >= Opcodes.IF_ICMPLT && op <= Opcodes.IF_ICMPLE) {
      Integer rel = relationOf(op - Opcodes.IF_ICMPEQ + Opcodes.IFEQ);
      return rel == null ? null
          : new Guard(consumers.operand(jump, 1), consumers.operand(jump, 0), rel, "I");
    }
    if (op < Opcodes.IFLT || op > Opcodes.IFLE) {
      return null;
    }
    AbstractInsnNode cmp = single(consumers.operand(jump, 0));
    if (cmp == null || consumers.of(cmp).size() != 1) {
      return null;
    }
    Integer rel = relationOf(op);
    if (rel == null) {
      return null;
    }
    String type;
    switch (cmp.getOpcode()) {
      case Opcodes.LCMP: type = "J"; break;
      case Opcodes.DCMPL: case Opcodes.DCMPG: type = "D"; break;
      case Opcodes.FCMPL: case Opcodes.FCMPG: type = "F"; break;
      default: return null;
    }
    // A NaN makes DCMPL/FCMPL push -1 and DCMPG/FCMPG push 1: the block must not run on it.
    boolean nanIsLess = cmp.getOpcode() == Opcodes.DCMPL || cmp.getOpcode() == Opcodes.FCMPL;
    if (!type.equals("J") && runsOn(rel, nanIsLess ? -1 : 1)) {
      return null;
    }
    return new Guard(consumers.operand(cmp, 1), consumers.operand(cmp, 0), rel, type);
  }

  /** The block's relation for a jump on a comparison result: it runs when the jump is not taken. */
  private static Integer relationOf(int ifOpcode) {
    switch (ifOpcode) {
      case Opcodes.IFLE: return GuardedExtremum.GT;
      case Opcodes.IFLT: return GuardedExtremum.GE;
      case Opcodes.IFGE: return GuardedExtremum.LT;
      case Opcodes.IFGT: return GuardedExtremum.LE;
      default: return null;
    }
  }

  private static boolean runsOn(int rel, int comparison) {
    switch (rel) {
      case GuardedExtremum.GT: return comparison > 0;
      case GuardedExtremum.GE: return comparison >= 0;
      case GuardedExtremum.LT: return comparison < 0;
      default: return comparison <= 0;
    }
  }

  /** {@code best REL v} as {@code v REL' best}. */
  private static int flip(int rel) {
    switch (rel) {
      case GuardedExtremum.GT: return GuardedExtremum.LT;
      case GuardedExtremum.GE: return GuardedExtremum.LE;
      case GuardedExtremum.LT: return GuardedExtremum.GT;
      default: return GuardedExtremum.GE;
    }
  }

  /**
   * The guarded block: the instructions from the jump to its target, all in the loop, none a jump,
   * none a label another jump or handler leads to; {@code null} when it is not such a block.
   */
  private static List<AbstractInsnNode> block(MethodNode method, NaturalLoop loop, JumpInsnNode jump) {
    InsnList insns = method.instructions;
    int from = insns.indexOf(jump);
    int to = insns.indexOf(jump.label);
    if (to <= from || !loop.body().get(to)) {
      return null;
    }
    Set<LabelNode> inside = new HashSet<>();
    List<AbstractInsnNode> block = new ArrayList<>();
    for (int k = from + 1; k < to; k++) {
      AbstractInsnNode x = insns.get(k);
      if (!loop.body().get(k) || !pureOrStore(x)) {
        return null;
      }
      if (x instanceof LabelNode l) {
        inside.add(l);
      }
      block.add(x);
    }
    for (AbstractInsnNode x : insns) {
      if (x instanceof JumpInsnNode j && j != jump && inside.contains(j.label)) {
        return null;
      }
    }
    for (TryCatchBlockNode c : method.tryCatchBlocks) {
      if (inside.contains(c.start) || inside.contains(c.end) || inside.contains(c.handler)) {
        return null;
      }
    }
    return block;
  }

  private static boolean pureOrStore(AbstractInsnNode x) {
    if (x instanceof LabelNode || x instanceof LineNumberNode || x instanceof FrameNode) {
      return true;
    }
    int op = x.getOpcode();
    return (op >= Opcodes.ISTORE && op <= Opcodes.DSTORE) || operands(x) >= 0;
  }

  /** How many operands a pure instruction takes; -1 for anything else. */
  private static int operands(AbstractInsnNode x) {
    int op = x.getOpcode();
    if (op >= Opcodes.ACONST_NULL && op <= Opcodes.LDC || op >= Opcodes.ILOAD && op <= Opcodes.ALOAD) {
      return 0;
    }
    if (op >= Opcodes.IALOAD && op <= Opcodes.SALOAD) {
      return 2;
    }
    if (op >= Opcodes.IADD && op <= Opcodes.DMUL || op >= Opcodes.ISHL && op <= Opcodes.LXOR) {
      return 2;
    }
    if (op >= Opcodes.INEG && op <= Opcodes.DNEG || op >= Opcodes.I2L && op <= Opcodes.I2S
        || op == Opcodes.ARRAYLENGTH) {
      return 1;
    }
    // Division and remainder may throw; so may a Math call only on overflow (exact variants): not here.
    if (x instanceof MethodInsnNode m && m.getOpcode() == Opcodes.INVOKESTATIC && m.owner.equals("java/lang/Math")
        && !m.name.endsWith("Exact") && Type.getReturnType(m.desc).getSort() != Type.VOID) {
      return Type.getArgumentTypes(m.desc).length;
    }
    return -1;
  }

  /** The expression tree producing {@code x}, as text; {@code null} when it is not pure or too deep. */
  private static String canonical(AbstractInsnNode x, Consumers consumers, int depth) {
    int n = operands(x);
    if (n < 0 || depth > 16) {
      return null;
    }
    StringBuilder sb = new StringBuilder().append(x.getOpcode());
    if (x instanceof VarInsnNode v) {
      sb.append(':').append(v.var);
    } else if (x instanceof IntInsnNode v) {
      sb.append(':').append(v.operand);
    } else if (x instanceof LdcInsnNode v) {
      sb.append(':').append(v.cst.getClass().getSimpleName()).append(v.cst);
    } else if (x instanceof MethodInsnNode m) {
      sb.append(':').append(m.name).append(m.desc);
    }
    sb.append('(');
    for (int k = n - 1; k >= 0; k--) {
      AbstractInsnNode p = single(consumers.operand(x, k));
      String inner = p == null ? null : canonical(p, consumers, depth + 1);
      if (inner == null) {
        return null;
      }
      sb.append(inner).append(',');
    }
    return sb.append(')').toString();
  }

  /** Every local the two trees read holds the same definitions at both: the same values. */
  private static boolean sameDefinitions(AbstractInsnNode a, AbstractInsnNode b, Consumers consumers) {
    List<VarInsnNode> la = new ArrayList<>();
    List<VarInsnNode> lb = new ArrayList<>();
    loads(a, consumers, la);
    loads(b, consumers, lb);
    if (la.size() != lb.size()) {
      return false;
    }
    for (int k = 0; k < la.size(); k++) {
      if (!consumers.definitions(la.get(k), la.get(k).var).equals(consumers.definitions(lb.get(k), lb.get(k).var))) {
        return false;
      }
    }
    return true;
  }

  private static void loads(AbstractInsnNode x, Consumers consumers, List<VarInsnNode> out) {
    if (x instanceof VarInsnNode v) {
      out.add(v);
    }
    for (int k = operands(x) - 1; k >= 0; k--) {
      loads(single(consumers.operand(x, k)), consumers, out);
    }
  }

  /** Whether {@code slot} is read or written in the loop only by {@code allowed}. */
  private static boolean usedOnlyAt(MethodNode method, NaturalLoop loop, int slot, Set<AbstractInsnNode> allowed) {
    for (int i = loop.body().nextSetBit(0); i >= 0; i = loop.body().nextSetBit(i + 1)) {
      AbstractInsnNode x = method.instructions.get(i);
      boolean touches = x instanceof VarInsnNode v && v.var == slot || x instanceof IincInsnNode inc && inc.var == slot;
      if (touches && !allowed.contains(x)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isLoad(AbstractInsnNode x, String type) {
    return x instanceof VarInsnNode v && v.getOpcode() == Opcodes.ILOAD + "IJFD".indexOf(type);
  }

  private static String typeOf(int offset) {
    return offset >= 0 && offset < 4 ? "IJFD".substring(offset, offset + 1) : "L";
  }

  private static AbstractInsnNode single(Set<AbstractInsnNode> producers) {
    return producers.size() == 1 ? producers.iterator().next() : null;
  }
}
