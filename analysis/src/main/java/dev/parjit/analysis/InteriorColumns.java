package dev.parjit.analysis;

import dev.parjit.analysis.loops.NaturalLoop;
import dev.parjit.analysis.plan.CountedLoop;
import dev.parjit.analysis.plan.RowWidth;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * The rule for the interior columns of a row ({@link FlatRows}' other columns): an access
 * {@code a[k * i + j + d]} in a loop over rows {@code i}, inside a column loop
 * {@code for (j = c0; j < k - c1; j++)} ({@code c0}, {@code c1} and {@code d} constants), stays in row
 * {@code i} when {@code c0 + d >= 0} and {@code d <= c1}: every column {@code j + d} the loop reaches lies
 * in {@code [0, k)} (and with {@code k - c1 <= c0} it runs none). The element may be kept in a local first,
 * {@code int c = i * k + j; b[c] = a[c - 1] + a[c + 1]}, when that local's one store precedes the access in
 * straight-line code of the column loop's body (no jump, jump target or handler between, no store into
 * {@code i} or {@code j}): the local then holds this column's element. A stencil's {@code a[c ± k]} reads
 * other rows and is no such access.
 */
final class InteriorColumns {

  private InteriorColumns() { }

  /** An index {@code k * i + j + d}: {@code k} null without a row start, {@code column} -1 without a column local. */
  private record Term(RowWidth k, int column, long d, AbstractInsnNode columnAt) { }

  /**
   * The width {@code k} when the index {@code x} of {@code access} is {@code k * i + j + d} of the row loop
   * {@code loop} ({@code loopNode}) and an interior column loop keeps {@code j + d} in the row; else {@code null}.
   */
  static RowWidth width(MethodFacts f, AbstractInsnNode access, AbstractInsnNode x, CountedLoop loop,
      NaturalLoop loopNode) {
    Term t = term(f, x, access, loop, loopNode, 2);
    if (t == null || t.k() == null || t.column() < 0 || t.d() < Integer.MIN_VALUE || t.d() > Integer.MAX_VALUE) {
      return null;
    }
    return keepsInRow(f, t.columnAt(), loopNode, t.column(), t.k(), (int) t.d()) ? t.k() : null;
  }

  private static Term term(MethodFacts f, AbstractInsnNode x, AbstractInsnNode use, CountedLoop loop,
      NaturalLoop loopNode, int depth) {
    if (x == null) {
      return null;
    }
    Integer c = StencilIndex.constant(x);
    if (c != null) {
      return new Term(null, -1, c, use);
    }
    int op = x.getOpcode();
    if (op == Opcodes.IMUL) {
      RowWidth k = FlatRows.product(f, x, loop);
      return k == null ? null : new Term(k, -1, 0, use);
    }
    if (op == Opcodes.IADD || op == Opcodes.ISUB) {
      Term left = term(f, single(f.consumers().operand(x, 1)), use, loop, loopNode, depth);
      Term right = term(f, single(f.consumers().operand(x, 0)), use, loop, loopNode, depth);
      if (left == null || right == null || (op == Opcodes.ISUB && (right.k() != null || right.column() >= 0))) {
        return null; // only a constant may be subtracted
      }
      if ((left.k() != null && right.k() != null) || (left.column() >= 0 && right.column() >= 0)) {
        return null;
      }
      long d = op == Opcodes.IADD ? left.d() + right.d() : left.d() - right.d();
      Term col = left.column() >= 0 ? left : right;
      return new Term(left.k() != null ? left.k() : right.k(), col.column(), d, col.columnAt());
    }
    if (!(x instanceof VarInsnNode v) || v.getOpcode() != Opcodes.ILOAD || v.var == loop.indexSlot()) {
      return null;
    }
    RowWidth start = FlatRows.rowStart(f, x, loop, loopNode);
    if (start != null) {
      return new Term(start, -1, 0, use); // int r = k * i in the row loop: row i's first element all along
    }
    AbstractInsnNode store = single(f.consumers().definitions(v, v.var));
    if (depth > 0 && store != null && store.getOpcode() == Opcodes.ISTORE && straightBefore(f.method(), store, v,
        loop.indexSlot())) {
      Term held = term(f, single(f.consumers().operand(store, 0)), store, loop, loopNode, depth - 1);
      if (held != null && held.k() != null) {
        // the column the local was computed from is that of its store: check the column loop there
        return held;
      }
    }
    return new Term(null, v.var, 0, use);
  }

  /**
   * Whether {@code load} follows {@code store} in straight-line code: no jump, jump target or handler
   * between them, and no store into any int local (so neither the row index {@code rowSlot} nor the column
   * the stored value reads changes).
   */
  private static boolean straightBefore(MethodNode method, AbstractInsnNode store, AbstractInsnNode load,
      int rowSlot) {
    int from = method.instructions.indexOf(store);
    int to = method.instructions.indexOf(load);
    if (from >= to) {
      return false;
    }
    Set<LabelNode> targets = jumpTargets(method);
    for (AbstractInsnNode x = store.getNext(); x != load; x = x.getNext()) {
      if (x instanceof JumpInsnNode || x instanceof TableSwitchInsnNode || x instanceof LookupSwitchInsnNode
          || (x instanceof LabelNode l && targets.contains(l)) || x instanceof IincInsnNode
          || x.getOpcode() == Opcodes.ISTORE) {
        return false; // conservative: any int store between them (the row's and the column's included)
      }
    }
    return true;
  }

  private static Set<LabelNode> jumpTargets(MethodNode method) {
    Set<LabelNode> out = new HashSet<>();
    for (AbstractInsnNode x : method.instructions) {
      if (x instanceof JumpInsnNode j) {
        out.add(j.label);
      } else if (x instanceof TableSwitchInsnNode t) {
        out.add(t.dflt);
        out.addAll(t.labels);
      } else if (x instanceof LookupSwitchInsnNode l) {
        out.add(l.dflt);
        out.addAll(l.labels);
      }
    }
    for (TryCatchBlockNode t : method.tryCatchBlocks) {
      out.add(t.handler);
      out.add(t.start);
    }
    return out;
  }

  /**
   * Whether a loop inside {@code rowLoop} around {@code at} runs {@code for (j = c0; j < k - c1; j++)} with
   * {@code c0 + d >= 0} and {@code d <= c1}.
   */
  private static boolean keepsInRow(MethodFacts f, AbstractInsnNode at, NaturalLoop rowLoop, int j, RowWidth k,
      int d) {
    for (CountedLoop shape : FlatRows.unitColumnLoops(f, at, rowLoop, j)) {
      Integer c0 = StencilIndex.constant(single(f.consumers().operand(shape.initStore(), 0)));
      Integer c1 = margin(f, shape.boundInsns(), k);
      if (c0 != null && c1 != null && c0 >= 0 && (long) c0 + d >= 0 && d <= c1) {
        return true;
      }
    }
    return false;
  }

  /** {@code c1} when the bound pushes {@code k - c1} ({@code c1 >= 0} a constant) or {@code k} (0); else {@code null}. */
  private static Integer margin(MethodFacts f, List<AbstractInsnNode> bound, RowWidth k) {
    if (bound.size() == 1 || bound.size() == 2) {
      return k.equals(FlatRows.boundWidth(f, bound)) ? 0 : null;
    }
    if (bound.size() == 3 && bound.get(2).getOpcode() == Opcodes.ISUB && k.equals(FlatRows.boundWidth(f,
        bound.subList(0, 1)))) {
      Integer c1 = StencilIndex.constant(bound.get(1));
      return c1 != null && c1 >= 0 ? c1 : null;
    }
    return null;
  }

  private static AbstractInsnNode single(Set<AbstractInsnNode> s) {
    return s.size() == 1 ? s.iterator().next() : null;
  }
}
