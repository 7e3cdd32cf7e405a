package dev.parjit.analysis;

import dev.parjit.analysis.loops.NaturalLoop;
import dev.parjit.analysis.plan.CountedLoop;
import dev.parjit.analysis.plan.SharedRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * The rule for writes into fixed rows of a replicated array at the loop's index:
 * {@code c[0][i] = e; c[1][i] = f;} in a loop over {@code i} counting up, {@code c} a REP array of rows
 * ({@code double[2][n]} holding one coefficient per index in each row). Each rank runs its block of
 * the iterations on its own whole copy of {@code c}, so it writes exactly the elements of its block
 * in each row; after the loop the ranks exchange those blocks ({@code SharedRows.shareBlocks}), and
 * every rank holds the rows the sequential loop leaves.
 *
 * <p>Sound only when no iteration can see what another wrote: the loop reads no array elements at
 * all (its helpers included, and no array held in a field or static), reads {@code c} only to fetch
 * those rows or its length, and never assigns {@code c}. One row object held twice ({@code c[0] == c[1]}) is
 * harmless: each iteration writes its own index, and the exchange of one block is the same from either row.
 */
final class SharedRowWrites {

  private static final int HELPER_DEPTH = 3;

  private SharedRowWrites() { }

  /**
   * The shared row {@code store} writes ({@code c[K][i] = e} with {@code K} a constant and {@code c}
   * not in {@code oneD}), or {@code null}.
   */
  static SharedRow of(MethodFacts f, AbstractInsnNode store, CountedLoop loop, Set<Integer> oneD) {
    int op = store.getOpcode();
    if (loop == null || !loop.indexType().equals("I") || loop.kind().isDescending() || op < Opcodes.IASTORE
        || op > Opcodes.SASTORE || op == Opcodes.AASTORE) {
      return null;
    }
    Set<AbstractInsnNode> index = f.consumers().operand(store, 1);
    Set<AbstractInsnNode> row = f.consumers().operand(store, 2);
    if (index.size() != 1 || !(index.iterator().next() instanceof VarInsnNode i) || i.getOpcode() != Opcodes.ILOAD
        || i.var != loop.indexSlot() || row.size() != 1 || row.iterator().next().getOpcode() != Opcodes.AALOAD) {
      return null;
    }
    AbstractInsnNode fetch = row.iterator().next();
    Set<AbstractInsnNode> holder = f.consumers().operand(fetch, 1);
    Set<AbstractInsnNode> k = f.consumers().operand(fetch, 0);
    if (holder.size() != 1 || !(holder.iterator().next() instanceof VarInsnNode c) || c.getOpcode() != Opcodes.ALOAD
        || oneD.contains(c.var) || k.size() != 1 || constant(k.iterator().next()) == null
        || f.consumers().of(fetch).size() != 1) {
      return null;
    }
    return new SharedRow(c.var, constant(k.iterator().next()), Type.getType(elementDescriptor(op)).getDescriptor());
  }

  /**
   * The shared rows of {@code loop} when every store the loop makes into its holders is one
   * ({@link #of}) and the loop obeys the rule's conditions; else an empty list.
   */
  static List<SharedRow> of(MethodFacts f, ClassNode owner, NaturalLoop loop, CountedLoop shape, Set<Integer> oneD) {
    List<SharedRow> rows = new ArrayList<>();
    MethodNode method = f.method();
    for (int i = loop.body().nextSetBit(0); i >= 0; i = loop.body().nextSetBit(i + 1)) {
      SharedRow r = of(f, method.instructions.get(i), shape, oneD);
      if (r != null && !rows.contains(r)) {
        rows.add(r);
      }
    }
    if (rows.isEmpty() || !readsNoArrays(f, owner, loop, rows)) {
      return List.of();
    }
    return List.copyOf(rows);
  }

  /**
   * The decline for a loop that writes shared rows ({@link #of(MethodFacts, AbstractInsnNode, CountedLoop, Set)})
   * but breaks the rule's conditions, naming the holder; {@code null} for any other loop.
   */
  static Decline whyNot(MethodFacts f, ClassNode owner, NaturalLoop loop, CountedLoop shape, Set<Integer> oneD) {
    MethodNode method = f.method();
    for (int i = loop.body().nextSetBit(0); i >= 0; i = loop.body().nextSetBit(i + 1)) {
      AbstractInsnNode x = method.instructions.get(i);
      SharedRow r = of(f, x, shape, oneD);
      if (r != null && of(f, owner, loop, shape, oneD).isEmpty()) {
        String name = VariableNames.at(method, r.holderSlot(), x);
        return Decline.at(DeclineRule.SHARED_ROWS_READ, x, name, name);
      }
    }
    return null;
  }

  /** Whether {@code store} is a shared-row write of {@code loop} that the rule accepts. */
  static boolean accepts(MethodFacts f, ClassNode owner, NaturalLoop loop, CountedLoop shape, Set<Integer> oneD,
      AbstractInsnNode store) {
    SharedRow r = of(f, store, shape, oneD);
    return r != null && of(f, owner, loop, shape, oneD).contains(r);
  }

  /**
   * No element read in the loop but the holders' row fetches, no holder assigned or read otherwise,
   * and the helpers it calls read no arrays either.
   */
  private static boolean readsNoArrays(MethodFacts f, ClassNode owner, NaturalLoop loop, List<SharedRow> rows) {
    MethodNode method = f.method();
    Set<Integer> holders = new java.util.HashSet<>();
    rows.forEach(r -> holders.add(r.holderSlot()));
    for (int i = loop.body().nextSetBit(0); i >= 0; i = loop.body().nextSetBit(i + 1)) {
      AbstractInsnNode x = method.instructions.get(i);
      if (x instanceof VarInsnNode v && holders.contains(v.var)) {
        if (v.getOpcode() != Opcodes.ALOAD) {
          return false; // the holder assigned in the loop
        }
        for (AbstractInsnNode use : f.consumers().of(x)) {
          if (use.getOpcode() == Opcodes.ARRAYLENGTH) {
            continue; // c.length: the loop replaces no row of c
          }
          if (use.getOpcode() != Opcodes.AALOAD || f.consumers().of(use).size() != 1
              || of(f, f.consumers().of(use).iterator().next(), loopShape(f, loop), Set.of()) == null) {
            return false; // c read for something else than a row to write at the index
          }
        }
        continue;
      }
      if (x.getOpcode() == Opcodes.AALOAD && rowFetchOfHolder(f, x, holders)) {
        continue;
      }
      if (readsArray(x) || (x instanceof MethodInsnNode m && !helperReadsNoArrays(owner, m, HELPER_DEPTH))) {
        return false;
      }
    }
    return true;
  }

  private static CountedLoop loopShape(MethodFacts f, NaturalLoop loop) {
    return f.shapes().get(f.loops().indexOf(loop)).loop();
  }

  private static boolean rowFetchOfHolder(MethodFacts f, AbstractInsnNode fetch, Set<Integer> holders) {
    Set<AbstractInsnNode> holder = f.consumers().operand(fetch, 1);
    return holder.size() == 1 && holder.iterator().next() instanceof VarInsnNode c && holders.contains(c.var);
  }

  /** An element load, or a field or static that holds an array (it may be a holder's row). */
  private static boolean readsArray(AbstractInsnNode x) {
    int op = x.getOpcode();
    if (op >= Opcodes.IALOAD && op <= Opcodes.SALOAD) {
      return true;
    }
    return x instanceof FieldInsnNode fi && (op == Opcodes.GETFIELD || op == Opcodes.GETSTATIC)
        && Type.getType(fi.desc).getSort() == Type.ARRAY;
  }

  /** JDK math and this class's helpers that read no arrays (followed {@code depth} levels); anything else may. */
  static boolean helperReadsNoArrays(ClassNode owner, MethodInsnNode m, int depth) {
    if (m.owner.equals("java/lang/Math") || m.owner.equals("java/lang/StrictMath")) {
      return true;
    }
    if (!m.owner.equals(owner.name) || depth == 0) {
      return false;
    }
    for (MethodNode helper : owner.methods) {
      if (helper.name.equals(m.name) && helper.desc.equals(m.desc)) {
        if (Type.getArgumentTypes(helper.desc).length > 0
            && java.util.Arrays.stream(Type.getArgumentTypes(helper.desc)).anyMatch(t -> t.getSort() >= Type.ARRAY)) {
          return false; // an array or object argument: it may reach a holder's row
        }
        for (AbstractInsnNode h : helper.instructions) {
          if (readsArray(h) || (h instanceof MethodInsnNode inner && !helperReadsNoArrays(owner, inner, depth - 1))) {
            return false;
          }
        }
        return true;
      }
    }
    return false;
  }

  /** The int an {@code iconst}/{@code bipush}/{@code sipush}/{@code ldc} pushes, or {@code null}. */
  private static Integer constant(AbstractInsnNode x) {
    int op = x.getOpcode();
    if (op >= Opcodes.ICONST_M1 && op <= Opcodes.ICONST_5) {
      return op - Opcodes.ICONST_0;
    }
    if ((op == Opcodes.BIPUSH || op == Opcodes.SIPUSH) && x instanceof IntInsnNode n) {
      return n.operand;
    }
    return x instanceof LdcInsnNode l && l.cst instanceof Integer v ? v : null;
  }

  /** The element type an array store opcode writes ({@code "B"} for byte or boolean: the array's own type decides at run time). */
  static String elementDescriptor(int store) {
    switch (store) {
      case Opcodes.IASTORE: return "I";
      case Opcodes.LASTORE: return "J";
      case Opcodes.FASTORE: return "F";
      case Opcodes.DASTORE: return "D";
      case Opcodes.BASTORE: return "B";
      case Opcodes.CASTORE: return "C";
      default: return "S";
    }
  }
}
