package dev.parjit.analysis;

import dev.parjit.analysis.dataflow.Consumers;
import dev.parjit.analysis.loops.NaturalLoop;
import dev.parjit.analysis.plan.ReductionOp;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Recognises an array reduction such as a histogram: {@code h[k] += e} or {@code h[k]++}
 * (javac: {@code ALOAD h; k; DUP2; xALOAD; e; OP; xASTORE}) on a replicated array that the loop
 * reads nowhere else. Each rank accumulates its iterations; one element-wise allreduce combines.
 */
final class ArrayReductionMatcher {

  /** The array variable, its element type and operator. */
  record Match(int slot, String elementType, ReductionOp op) { }

  private ArrayReductionMatcher() { }

  /** The reduction a store performs, or {@code null}. */
  static Match ofStore(AbstractInsnNode store, Consumers c) {
    int op = store.getOpcode();
    String type;
    switch (op) {
      case Opcodes.IASTORE: type = "I"; break;
      case Opcodes.LASTORE: type = "J"; break;
      case Opcodes.FASTORE: type = "F"; break;
      case Opcodes.DASTORE: type = "D"; break;
      default: return null;
    }
    AbstractInsnNode dup = single(c.operand(store, 2));
    if (dup == null || dup.getOpcode() != Opcodes.DUP2 || single(c.operand(store, 1)) != dup) {
      return null;
    }
    AbstractInsnNode array = single(c.operand(dup, 1));
    if (!(array instanceof VarInsnNode h) || h.getOpcode() != Opcodes.ALOAD) {
      return null;
    }
    AbstractInsnNode value = single(c.operand(store, 0));
    if (value == null) {
      return null;
    }
    AbstractInsnNode left = single(c.operand(value, 1));
    AbstractInsnNode right = single(c.operand(value, 0));
    boolean leftIsElement = isElementLoad(left, dup, c);
    boolean rightIsElement = isElementLoad(right, dup, c);
    if (leftIsElement == rightIsElement) {
      return null;
    }
    int v = value.getOpcode();
    ReductionOp r = null;
    if (v >= Opcodes.IADD && v <= Opcodes.DADD) {
      r = ReductionOp.SUM;
    } else if (v >= Opcodes.ISUB && v <= Opcodes.DSUB && leftIsElement) {
      r = ReductionOp.SUM;
    } else if (v >= Opcodes.IMUL && v <= Opcodes.DMUL) {
      r = ReductionOp.PROD;
    } else if (v == Opcodes.IOR || v == Opcodes.LOR) {
      r = ReductionOp.BOR;
    } else if (v == Opcodes.IAND || v == Opcodes.LAND) {
      r = ReductionOp.BAND;
    } else if (v == Opcodes.IXOR || v == Opcodes.LXOR) {
      r = ReductionOp.BXOR;
    }
    return r == null ? null : new Match(h.var, type, r);
  }

  /** Whether every read of {@code slot} inside the loop feeds a reduction store with {@code op}. */
  static boolean onlyReductions(MethodNode method, NaturalLoop loop, int slot, ReductionOp op, Consumers c) {
    for (int i = loop.body().nextSetBit(0); i >= 0; i = loop.body().nextSetBit(i + 1)) {
      AbstractInsnNode x = method.instructions.get(i);
      if (x instanceof VarInsnNode v && v.var == slot) {
        if (v.getOpcode() != Opcodes.ALOAD) {
          return false; // the variable itself is reassigned in the loop
        }
        Set<AbstractInsnNode> uses = c.of(x);
        if (uses.size() == 1 && uses.iterator().next().getOpcode() == Opcodes.ARRAYLENGTH) {
          continue; // h.length: the length is the same on every rank
        }
        if (uses.size() != 1 || uses.iterator().next().getOpcode() != Opcodes.DUP2) {
          return false;
        }
        AbstractInsnNode dup = uses.iterator().next();
        boolean ok = false;
        for (AbstractInsnNode u : c.of(dup)) {
          Match m = u.getOpcode() >= Opcodes.IASTORE ? ofStore(u, c) : null;
          ok |= m != null && m.slot() == slot && m.op() == op;
        }
        if (!ok) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean isElementLoad(AbstractInsnNode x, AbstractInsnNode dup, Consumers c) {
    return x != null && x.getOpcode() >= Opcodes.IALOAD && x.getOpcode() <= Opcodes.DALOAD
        && single(c.operand(x, 1)) == dup && single(c.operand(x, 0)) == dup;
  }

  private static AbstractInsnNode single(Set<AbstractInsnNode> s) {
    return s.size() == 1 ? s.iterator().next() : null;
  }

  /**
   * The other references the loop reads from locals it never assigns (parameters among them): any
   * could be the reduction's array under another name. Those locals hold at the loop's entry what
   * every iteration reads, so comparing them there with the reduction's array is exact.
   */
  static java.util.List<Integer> othersRead(MethodNode method, NaturalLoop loop, int reductionSlot) {
    java.util.Set<Integer> loaded = new java.util.TreeSet<>();
    java.util.Set<Integer> stored = new java.util.TreeSet<>();
    for (int i = loop.body().nextSetBit(0); i >= 0; i = loop.body().nextSetBit(i + 1)) {
      if (method.instructions.get(i) instanceof VarInsnNode v) {
        if (v.getOpcode() == Opcodes.ALOAD) {
          loaded.add(v.var);
        } else if (v.getOpcode() == Opcodes.ASTORE) {
          stored.add(v.var);
        }
      }
    }
    loaded.removeAll(stored);
    loaded.remove(reductionSlot);
    return java.util.List.copyOf(loaded);
  }

  /**
   * The fields and statics the loop reads that could be the reduction's array, or hold it as a row:
   * arrays of its element type at any depth. Their values are not locals whose identity the chunked
   * loop can compare before it splits its range ({@link #othersRead}), so a reduction reading one
   * stays sequential: a caller passing that very array ({@code acc(S)} reading {@code S[n - 1 - i]})
   * would see the other ranks' neutral start through those reads.
   */
  static java.util.List<String> sharedArraysRead(MethodNode method, NaturalLoop loop, String elementType) {
    java.util.Set<String> out = new java.util.LinkedHashSet<>();
    for (int i = loop.body().nextSetBit(0); i >= 0; i = loop.body().nextSetBit(i + 1)) {
      if (method.instructions.get(i) instanceof org.objectweb.asm.tree.FieldInsnNode fi
          && (fi.getOpcode() == Opcodes.GETSTATIC || fi.getOpcode() == Opcodes.GETFIELD)) {
        org.objectweb.asm.Type t = org.objectweb.asm.Type.getType(fi.desc);
        if (t.getSort() == org.objectweb.asm.Type.ARRAY && t.getElementType().getDescriptor().equals(elementType)) {
          out.add((fi.getOpcode() == Opcodes.GETSTATIC ? "static field " + fi.owner.substring(fi.owner.lastIndexOf('/') + 1) + "."
              : "field ") + fi.name);
        }
      }
    }
    return java.util.List.copyOf(out);
  }
}
