package dev.parjit.analysis.loops;

import dev.parjit.analysis.plan.BoundKind;
import dev.parjit.analysis.plan.CountedLoop;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Recognises javac's counted loop: {@code i = start; header: if (i CMP bound) goto exit; body;
 * i += step; goto header}, for {@code int} and {@code long} indices. Either answers a
 * {@link CountedLoop} or says why the loop is not one.
 */
public final class CountedLoopMatcher {

  /** The outcome: a shape, or the reason there is none. */
  public record Result(CountedLoop loop, String reason) { }

  private CountedLoopMatcher() { }

  public static Result match(MethodNode method, NaturalLoop loop) {
    InsnList insns = method.instructions;
    AbstractInsnNode headerNode = insns.get(loop.header());
    if (!(headerNode instanceof LabelNode header)) {
      return fail("the loop does not start at a label");
    }
    AbstractInsnNode load = Insns.realFrom(header);
    if (!(load instanceof VarInsnNode v) || (v.getOpcode() != Opcodes.ILOAD && v.getOpcode() != Opcodes.LLOAD)) {
      return fail("the loop condition does not start by loading an int or long index");
    }
    boolean isLong = v.getOpcode() == Opcodes.LLOAD;
    int slot = v.var;
    BitSet stored = storedSlots(method, loop);
    java.util.Set<String> fields = writtenFields(method, loop);
    boolean rowsStored = storesRows(method, loop);
    List<AbstractInsnNode> bound = new ArrayList<>();
    AbstractInsnNode x = load.getNext();
    while (x != null && !(x instanceof JumpInsnNode) && x.getOpcode() != Opcodes.LCMP) {
      if (x.getOpcode() >= 0) {
        // m[i].length in a loop over row i's columns: the row is invariant while no row is replaced
        if (!isInvariantPure(x, stored, fields) && !(x.getOpcode() == Opcodes.AALOAD && !rowsStored)) {
          return fail("the loop bound is not a loop-invariant expression");
        }
        bound.add(x);
      } else if (x instanceof LabelNode) {
        return fail("the loop condition has branches");
      }
      x = x.getNext();
    }
    // i + c < n (i - c < n): the constant moves to the bound, evaluated before the loop as n - c.
    int indexOffset = 0;
    List<AbstractInsnNode> offsetInsns = List.of();
    if (!isLong && bound.size() >= 2 && BoundStack.intConstant(bound.get(0)) != null
        && (bound.get(1).getOpcode() == Opcodes.IADD || bound.get(1).getOpcode() == Opcodes.ISUB)) {
      int c = BoundStack.intConstant(bound.get(0));
      indexOffset = bound.get(1).getOpcode() == Opcodes.IADD ? c : -c;
      offsetInsns = List.of(bound.get(0), bound.get(1));
      bound = new ArrayList<>(bound.subList(2, bound.size()));
    }
    if (!bound.isEmpty() && !BoundStack.pushesOneValue(bound)) {
      return fail("the loop condition computes with the index (compare the index alone with the bound)");
    }
    // An int index compared with zero (i >= 0, i > 0) has no bound instructions: the jump compares.
    boolean withZero = !isLong && x instanceof JumpInsnNode z && z.getOpcode() >= Opcodes.IFEQ && z.getOpcode() <= Opcodes.IFLE;
    if (x == null || (bound.isEmpty() && !withZero)) {
      return fail("the loop condition compares nothing");
    }
    if (isLong) {
      if (x.getOpcode() != Opcodes.LCMP) {
        return fail("the long loop condition is not a comparison");
      }
      x = Insns.realFrom(x.getNext());
    }
    if (!(x instanceof JumpInsnNode jump)) {
      return fail("the loop condition is not a comparison");
    }
    BoundKind kind = bound.isEmpty() ? zeroKind(jump.getOpcode()) : kind(jump.getOpcode(), isLong);
    if (kind == null) {
      return fail("the loop condition is not i < n, i <= n, i != n, i >= n or i > n");
    }
    if (loop.body().get(insns.indexOf(jump.label))) {
      return fail("the loop condition does not leave the loop");
    }
    if (loop.backEdgeSources().size() != 1) {
      return fail("the loop has more than one back edge (continue)");
    }
    AbstractInsnNode back = insns.get(loop.backEdgeSources().get(0));
    if (back.getOpcode() != Opcodes.GOTO) {
      return fail("the loop does not end with a jump to its condition");
    }
    AbstractInsnNode increment = Insns.realBefore(back);
    long step = step(increment, slot, isLong);
    if (indexOffset != 0 && kind.isDescending()) {
      return fail("a loop counting down compares the index plus a constant");
    }
    if (kind.isDescending() && isLong) {
      return fail("a long index counts down");
    }
    if (kind.isDescending() ? step >= 0 : step <= 0) {
      return fail(kind.isDescending() ? "the index does not count down by a constant to its bound"
          : "the index does not advance by a positive constant");
    }
    if (countStores(method, loop, slot) != 1) {
      return fail("the index is assigned inside the loop body");
    }
    if (kind == BoundKind.NE && step != 1) {
      return fail("i != n with a step other than 1");
    }
    AbstractInsnNode init = Insns.realBefore(header);
    if (!(init instanceof VarInsnNode store) || store.var != slot
        || store.getOpcode() != (isLong ? Opcodes.LSTORE : Opcodes.ISTORE)) {
      return fail("the index is not initialised just before the loop");
    }
    if (kind == BoundKind.NE && !(indexOffset == 0 && startsAtZero(init) && isArrayLength(bound))) {
      // i != n runs as i < n, which only holds while the index cannot start past its bound: from a
      // start past it the sequential loop runs on (wrapping around) and fails at its first access,
      // where i < n runs no iteration at all.
      return fail("i != n where the index may start past its bound (i = 0; i != a.length is counted)");
    }
    return new Result(new CountedLoop(slot, isLong ? "J" : "I", init, header, load, List.copyOf(bound), jump,
        jump.label, kind, step, increment, indexOffset, offsetInsns), null);
  }

  /** Whether the index store {@code init} stores the constant 0 ({@code int} or {@code long}). */
  private static boolean startsAtZero(AbstractInsnNode init) {
    AbstractInsnNode value = Insns.realBefore(init);
    return value != null && (value.getOpcode() == Opcodes.ICONST_0 || value.getOpcode() == Opcodes.LCONST_0);
  }

  /** Whether the bound is an array's length, never negative ({@code a.length}, {@code (long) a.length}). */
  private static boolean isArrayLength(List<AbstractInsnNode> bound) {
    int last = bound.size() - 1;
    if (last >= 0 && bound.get(last).getOpcode() == Opcodes.I2L) {
      last--;
    }
    return last >= 0 && bound.get(last).getOpcode() == Opcodes.ARRAYLENGTH;
  }

  private static Result fail(String reason) {
    return new Result(null, reason);
  }

  /** The kind from the jump that leaves the loop (it jumps when the condition no longer holds). */
  private static BoundKind kind(int opcode, boolean isLong) {
    switch (opcode) {
      case Opcodes.IF_ICMPGE: return isLong ? null : BoundKind.LT;
      case Opcodes.IF_ICMPGT: return isLong ? null : BoundKind.LE;
      case Opcodes.IF_ICMPEQ: return isLong ? null : BoundKind.NE;
      case Opcodes.IF_ICMPLT: return isLong ? null : BoundKind.GE;
      case Opcodes.IF_ICMPLE: return isLong ? null : BoundKind.GT;
      case Opcodes.IFGE: return isLong ? BoundKind.LT : null;
      case Opcodes.IFGT: return isLong ? BoundKind.LE : null;
      case Opcodes.IFEQ: return isLong ? BoundKind.NE : null;
      case Opcodes.IFLT: return isLong ? BoundKind.GE : null;
      case Opcodes.IFLE: return isLong ? BoundKind.GT : null;
      default: return null;
    }
  }

  /** The kind of an int index compared with zero ({@code iload i; iflt exit} is {@code i >= 0}). */
  private static BoundKind zeroKind(int opcode) {
    switch (opcode) {
      case Opcodes.IFGE: return BoundKind.LT;
      case Opcodes.IFGT: return BoundKind.LE;
      case Opcodes.IFEQ: return BoundKind.NE;
      case Opcodes.IFLT: return BoundKind.GE;
      case Opcodes.IFLE: return BoundKind.GT;
      default: return null;
    }
  }

  /** The step of {@code IINC i c}, or of {@code i = i + c} for a long index; 0 when neither. */
  private static long step(AbstractInsnNode inc, int slot, boolean isLong) {
    if (!isLong) {
      return inc instanceof IincInsnNode i && i.var == slot ? i.incr : 0;
    }
    if (!(inc instanceof VarInsnNode st) || st.getOpcode() != Opcodes.LSTORE || st.var != slot) {
      return 0;
    }
    AbstractInsnNode add = Insns.realBefore(st);
    AbstractInsnNode c = add == null ? null : Insns.realBefore(add);
    AbstractInsnNode ld = c == null ? null : Insns.realBefore(c);
    if (add == null || add.getOpcode() != Opcodes.LADD || !(ld instanceof VarInsnNode l) || l.var != slot
        || l.getOpcode() != Opcodes.LLOAD) {
      return 0;
    }
    if (c.getOpcode() == Opcodes.LCONST_1) {
      return 1;
    }
    if (c instanceof LdcInsnNode ldc && ldc.cst instanceof Long value) {
      return value;
    }
    if (c.getOpcode() == Opcodes.I2L) { // i + (int constant)
      AbstractInsnNode k = Insns.realBefore(c);
      if (k instanceof IntInsnNode in) {
        return in.operand;
      }
      if (k != null && k.getOpcode() >= Opcodes.ICONST_0 && k.getOpcode() <= Opcodes.ICONST_5) {
        return k.getOpcode() - Opcodes.ICONST_0;
      }
    }
    return 0;
  }

  private static boolean isInvariantPure(AbstractInsnNode x, BitSet stored, java.util.Set<String> writtenFields) {
    int op = x.getOpcode();
    if (x instanceof org.objectweb.asm.tree.FieldInsnNode f && (op == Opcodes.GETFIELD || op == Opcodes.GETSTATIC)) {
      // this.n, this.a.length, N: invariant unless the loop writes that field (its receiver is an
      // invariant local, checked as the bound's previous instruction; calls that could write it
      // make the loop unsafe and sequential anyway).
      return !writtenFields.contains(f.owner + "." + f.name) && !writtenFields.contains("*." + f.name);
    }
    if (x instanceof org.objectweb.asm.tree.MethodInsnNode m) {
      // df.numRows() and s.size(): frames are immutable, so their sizes are loop-invariant.
      return m.getOpcode() == Opcodes.INVOKEVIRTUAL && m.desc.equals("()I")
          && ((m.owner.equals("dev/parjit/frame/DataFrame") && m.name.equals("numRows"))
              || (m.owner.equals("dev/parjit/frame/Series") && m.name.equals("size")));
    }
    if (x instanceof VarInsnNode v) {
      return op >= Opcodes.ILOAD && op <= Opcodes.ALOAD && !stored.get(v.var);
    }
    if (x instanceof LdcInsnNode ldc) {
      return ldc.cst instanceof Number;
    }
    return (op >= Opcodes.ICONST_M1 && op <= Opcodes.SIPUSH)
        || op == Opcodes.ARRAYLENGTH
        || (op >= Opcodes.IADD && op <= Opcodes.LSUB)
        || (op >= Opcodes.IMUL && op <= Opcodes.LMUL)
        // v.length / 2: a division by zero throws where the sequential condition first evaluates it
        || op == Opcodes.IDIV || op == Opcodes.LDIV || op == Opcodes.IREM || op == Opcodes.LREM
        || op == Opcodes.INEG || op == Opcodes.LNEG
        || (op >= Opcodes.ISHL && op <= Opcodes.LXOR)
        || op == Opcodes.I2L || op == Opcodes.L2I;
  }

  /** Fields the loop writes, as {@code owner.name} (and {@code *.name}, since owners may be subclasses). */
  private static java.util.Set<String> writtenFields(MethodNode method, NaturalLoop loop) {
    java.util.Set<String> out = new java.util.HashSet<>();
    for (int i = loop.body().nextSetBit(0); i >= 0; i = loop.body().nextSetBit(i + 1)) {
      if (method.instructions.get(i) instanceof org.objectweb.asm.tree.FieldInsnNode f
          && (f.getOpcode() == Opcodes.PUTFIELD || f.getOpcode() == Opcodes.PUTSTATIC)) {
        out.add(f.owner + "." + f.name);
        out.add("*." + f.name);
      }
    }
    return out;
  }

  /** Whether the loop stores any reference into an array (which could replace a row it reads). */
  private static boolean storesRows(MethodNode method, NaturalLoop loop) {
    for (int i = loop.body().nextSetBit(0); i >= 0; i = loop.body().nextSetBit(i + 1)) {
      if (method.instructions.get(i).getOpcode() == Opcodes.AASTORE) {
        return true;
      }
    }
    return false;
  }

  /** Slots written anywhere in the loop. */
  public static BitSet storedSlots(MethodNode method, NaturalLoop loop) {
    BitSet stored = new BitSet();
    for (int i = loop.body().nextSetBit(0); i >= 0; i = loop.body().nextSetBit(i + 1)) {
      AbstractInsnNode x = method.instructions.get(i);
      if (x instanceof VarInsnNode v && v.getOpcode() >= Opcodes.ISTORE && v.getOpcode() <= Opcodes.ASTORE) {
        stored.set(v.var);
      } else if (x instanceof IincInsnNode inc) {
        stored.set(inc.var);
      }
    }
    return stored;
  }

  private static int countStores(MethodNode method, NaturalLoop loop, int slot) {
    int n = 0;
    for (int i = loop.body().nextSetBit(0); i >= 0; i = loop.body().nextSetBit(i + 1)) {
      AbstractInsnNode x = method.instructions.get(i);
      if ((x instanceof VarInsnNode v && v.var == slot && v.getOpcode() >= Opcodes.ISTORE && v.getOpcode() <= Opcodes.ASTORE)
          || (x instanceof IincInsnNode inc && inc.var == slot)) {
        n++;
      }
    }
    return n;
  }
}
