package dev.parjit.analysis;

import dev.parjit.analysis.dataflow.Consumers;
import dev.parjit.analysis.loops.CountedLoopMatcher;
import dev.parjit.analysis.loops.NaturalLoop;
import dev.parjit.analysis.plan.BoundKind;
import dev.parjit.analysis.plan.CountedLoop;
import dev.parjit.analysis.plan.FixedRow;
import dev.parjit.analysis.plan.RowWidth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * The one rule for row-major 2-D data in a 1-D array: an access {@code a[k * i + c]} in a parallel loop
 * over rows {@code i} reads or writes row {@code i} only, when {@code k} is a positive constant, a local
 * holding one value for the whole method or an {@code int} field of {@code this} the method cannot
 * write, and the column {@code c} stays in {@code [0, k)}:
 * <ul>
 *   <li>{@code c} a constant, {@code 0 <= c < k}, {@code k} a constant;</li>
 *   <li>{@code c} the index {@code j} of a loop inside the row loop that runs {@code for (j = 0; j < k; j++)}
 *       (with {@code k <= 0} it runs no column at all);</li>
 *   <li>{@code k * i} kept in a local ({@code int base = 8 * b; data[base + 3]}) assigned once, in the loop;</li>
 *   <li>a loop stepping by a constant {@code s >= 2} from a multiple of {@code s}, reading {@code v[i]} and
 *       {@code v[i + c]} ({@code 0 < c < s}): rows of {@code s} over {@code b = i / s}.</li>
 * </ul>
 * A loop over rows {@code i} may also read one fixed row {@code r} of such an array ({@link #fixedRow}: an LU
 * pivot row {@code a[r * k + j]}) when it starts at {@code r + 1} or later and counts up, so it never
 * writes that row; the loop's own rows may then take their columns at {@code r} ({@code a[i * k + r]}) or
 * from a column loop starting at {@code r + c}, {@code c >= 0}, which the rewrite's check {@code 0 <= r < k}
 * keeps inside the row.
 * Interior columns {@code a[k * i + j + d]} of a column loop {@code j = c0 .. k - c1} are {@link InteriorColumns}'.
 * Such an array is distributed in blocks of whole rows (Bodo's formula over {@code length / k} rows), so
 * the rank running row {@code i} holds all of it. Any other column ({@code data[base + 8]}, a column
 * {@code j + 1} of a loop up to {@code k}, {@code k} from a field the method may change) is not a row access: the array is then accessed at an
 * index other than the loop's and stays REP.
 */
final class FlatRows {

  private FlatRows() { }

  /**
   * The rows {@code access} (an element load or store of the array in {@code arraySlot}, whose index
   * producers are {@code index}) reads or writes in the parallel loop {@code loop} ({@code loopNode} its
   * natural loop), or {@code null} when it is no row access.
   */
  static RowAccess access(MethodFacts f, AbstractInsnNode access, Set<AbstractInsnNode> index, int arraySlot,
      CountedLoop loop, NaturalLoop loopNode) {
    if (loop == null || !loop.indexType().equals("I") || loop.kind().isDescending() || index.size() != 1
        || loop.step() < 1) {
      return null;
    }
    RowWidth stepped = loop.step() >= 2 ? steppedWidth(f, index, arraySlot, loop, loopNode) : null;
    if (stepped != null) {
      return new RowAccess(stepped, true);
    }
    RowWidth rows = rowWidth(f, access, index.iterator().next(), arraySlot, loop, loopNode);
    return rows == null ? null : new RowAccess(rows, false);
  }

  /**
   * A row access and how the loop's index counts: rows ({@code a[k * i + c]}: the loop runs the rows each
   * rank owns) or elements of rows ({@code stepped}: {@code v[i + c]} with {@code i += k}, the loop runs
   * the elements each rank owns).
   */
  record RowAccess(RowWidth width, boolean stepped) { }

  /** {@code a[k * i + c]} in a loop over rows {@code i}: the width {@code k}, else {@code null}. */
  private static RowWidth rowWidth(MethodFacts f, AbstractInsnNode access, AbstractInsnNode x, int arraySlot,
      CountedLoop loop, NaturalLoop loopNode) {
    RowWidth k = rowStart(f, x, loop, loopNode);
    if (k != null) {
      // a[k * i]: column 0, inside the row when k is a constant; a local k may be 0 (every row at a[0])
      return k.isConstant() ? k : null;
    }
    if (x.getOpcode() == Opcodes.IADD) {
      for (int side = 0; side < 2; side++) {
        AbstractInsnNode base = single(f.consumers().operand(x, side));
        AbstractInsnNode column = single(f.consumers().operand(x, 1 - side));
        k = base == null ? null : rowStart(f, base, loop, loopNode);
        if (k != null && column != null && (inRow(f, column, k, access, loopNode, Set.of())
            || inRow(f, column, k, access, loopNode, fixedRows(f, arraySlot, k, loop, loopNode)))) {
          return k;
        }
      }
    }
    // an interior column j + d of a loop j = c0 .. k - c1, or such an element kept in a local
    return InteriorColumns.width(f, access, x, loop, loopNode);
  }

  /**
   * {@code v[i + c]} in a loop stepping by {@code s} from a multiple of {@code s}: rows of {@code s} when
   * {@code 0 <= c < s} and the loop reads or writes the array at some {@code 0 < c < s} (a loop touching
   * only {@code v[i]} indexes plain elements).
   */
  private static RowWidth steppedWidth(MethodFacts f, Set<AbstractInsnNode> index, int arraySlot, CountedLoop loop,
      NaturalLoop loopNode) {
    long s = loop.step();
    Integer start = constantStart(loop);
    StencilIndex.Offset at = StencilIndex.of(index, loop.indexSlot(), f.consumers());
    if (s > Integer.MAX_VALUE || start == null || start % s != 0 || at == null || at.offset() < 0 || at.offset() >= s) {
      return null;
    }
    if (at.offset() > 0) {
      return RowWidth.ofConstant((int) s);
    }
    LoopAccesses scan = new LoopAccesses(f, loopNode);
    return scan.anyAccess(arraySlot, a -> {
      StencilIndex.Offset o = StencilIndex.of(ArrayOperands.of(f.consumers(), a, indexDepth(a)), loop.indexSlot(),
          f.consumers());
      return o != null && o.offset() > 0 && o.offset() < s;
    }) ? RowWidth.ofConstant((int) s) : null;
  }

  /**
   * The width {@code k} when {@code x} pushes the first element of row {@code i}: {@code k * i} or
   * {@code i * k}, or a local assigned only that, once, inside the loop.
   */
  static RowWidth rowStart(MethodFacts f, AbstractInsnNode x, CountedLoop loop, NaturalLoop loopNode) {
    if (x instanceof VarInsnNode v && v.getOpcode() == Opcodes.ILOAD && v.var != loop.indexSlot()) {
      Set<AbstractInsnNode> defs = f.consumers().definitions(v, v.var);
      AbstractInsnNode store = single(defs);
      // The one store reaching the load lies in the loop: every path into the iteration passes it
      // (the verifier's definite assignment), so the local holds this iteration's k * i.
      if (store == null || store.getOpcode() != Opcodes.ISTORE
          || !loopNode.body().get(f.method().instructions.indexOf(store))) {
        return null;
      }
      AbstractInsnNode value = single(f.consumers().operand(store, 0));
      return value == null || value.getOpcode() != Opcodes.IMUL ? null : product(f, value, loop);
    }
    return x.getOpcode() == Opcodes.IMUL ? product(f, x, loop) : null;
  }

  /** {@code k} of the product {@code k * i} (either order) of a width and the loop's index. */
  static RowWidth product(MethodFacts f, AbstractInsnNode mul, CountedLoop loop) {
    for (int side = 0; side < 2; side++) {
      AbstractInsnNode i = single(f.consumers().operand(mul, side));
      AbstractInsnNode k = single(f.consumers().operand(mul, 1 - side));
      if (i instanceof VarInsnNode iv && iv.getOpcode() == Opcodes.ILOAD && iv.var == loop.indexSlot()) {
        RowWidth w = widthOf(f, k);
        if (w != null) {
          return w;
        }
      }
    }
    return null;
  }

  /**
   * A constant of at least 2, the load of a local holding one value for the whole method, or the read
   * of an {@code int} field of {@code this} that nothing the method runs can write.
   */
  private static RowWidth widthOf(MethodFacts f, AbstractInsnNode k) {
    Integer c = StencilIndex.constant(k);
    if (c != null) {
      return c >= 2 ? RowWidth.ofConstant(c) : null;
    }
    if (k instanceof VarInsnNode v && v.getOpcode() == Opcodes.ILOAD && isOneValue(f.method(), v.var)) {
      return RowWidth.ofSlot(v.var);
    }
    if (k instanceof FieldInsnNode g && g.getOpcode() == Opcodes.GETFIELD && g.desc.equals("I")
        && isThis(f, single(f.consumers().operand(g, 0))) && fieldIsOneValue(f.method(), g)) {
      return RowWidth.ofField(g.owner, g.name);
    }
    return null;
  }

  /** Whether {@code x} loads {@code this} (slot 0 of an instance method that never assigns it). */
  private static boolean isThis(MethodFacts f, AbstractInsnNode x) {
    return (f.method().access & Opcodes.ACC_STATIC) == 0 && x instanceof VarInsnNode v
        && v.getOpcode() == Opcodes.ALOAD && v.var == 0 && storeCount(f.method(), 0) == 0;
  }

  /**
   * Whether a field read holds one value for the whole call: the method never stores into a field of
   * that name and calls nothing but the JDK (which cannot reach the application's fields).
   */
  private static boolean fieldIsOneValue(MethodNode method, FieldInsnNode read) {
    for (AbstractInsnNode x : method.instructions) {
      if (x instanceof FieldInsnNode put && put.getOpcode() == Opcodes.PUTFIELD && put.name.equals(read.name)) {
        return false;
      }
      if ((x instanceof MethodInsnNode m && !m.owner.startsWith("java/"))
          || x instanceof org.objectweb.asm.tree.InvokeDynamicInsnNode) {
        return false;
      }
    }
    return true;
  }

  /** The width a column loop's bound pushes: one instruction, or {@code this.k} ({@code aload 0; getfield}). */
  static RowWidth boundWidth(MethodFacts f, List<AbstractInsnNode> bound) {
    if (bound.size() == 1) {
      return widthOf(f, bound.get(0));
    }
    return bound.size() == 2 && isThis(f, bound.get(0)) && bound.get(1) instanceof FieldInsnNode
        ? widthOf(f, bound.get(1)) : null;
  }

  /**
   * Whether {@code column} stays in {@code [0, k)}: a constant below a constant {@code k}, or a column loop's
   * index; with {@code fixedRows} (locals {@code r} the rewrite checks to be in {@code [0, k)} before the
   * loop) also {@code r} itself and a column loop starting at {@code r + c}, {@code c >= 0}.
   */
  private static boolean inRow(MethodFacts f, AbstractInsnNode column, RowWidth k, AbstractInsnNode access,
      NaturalLoop loopNode, Set<Integer> fixedRows) {
    Integer c = StencilIndex.constant(column);
    if (c != null) {
      return k.isConstant() && c >= 0 && c < k.constant(); // a local k may be 0: no column is inside
    }
    if (!(column instanceof VarInsnNode j) || j.getOpcode() != Opcodes.ILOAD) {
      return false;
    }
    return fixedRows.contains(j.var) || innerColumnLoop(f, access, loopNode, j.var, k, fixedRows);
  }

  /**
   * The fixed row {@code a[r * k + c]} reads in the loop over rows {@code loop} ({@link FixedRow}), or
   * {@code null}: {@code access} an element load of the array in {@code arraySlot}, which the loop accesses
   * as rows of one width {@code k} ({@code a[k * i + c]}), {@code r} a local holding one value for the
   * whole method, {@code c} inside the row, and the loop's first index {@code r + c0}, {@code c0 >= 1},
   * counting up: every row the loop runs, reads and writes lies after {@code r}, so reading row {@code r}
   * is no dependence between iterations.
   */
  static FixedRow fixedRow(MethodFacts f, AbstractInsnNode access, int arraySlot, CountedLoop loop,
      NaturalLoop loopNode) {
    if (loop == null || !ArrayOperands.isLoad(access) || !loop.indexType().equals("I") || loop.kind().isDescending()
        || loop.step() != 1) {
      return null;
    }
    RowWidth k = widthInLoop(f, arraySlot, loop, loopNode);
    FixedRow row = k == null ? null : fixedRowOf(f, access, k, loop, loopNode);
    // One fixed row per array and loop: the rewrite fetches that row into the array's one halo. A loop
    // reading two ({@link #fixedRowCount}) keeps the array REP (DeclineRule.TWO_FIXED_ROWS).
    return row == null || fixedRows(f, arraySlot, k, loop, loopNode).size() > 1 ? null : row;
  }

  /**
   * How many different fixed rows ({@link #fixedRow}, each proved never written by the loop) the loop over
   * rows reads of the array that {@code access} reads: 0 when {@code access} is no such read.
   */
  static int fixedRowCount(MethodFacts f, AbstractInsnNode access, int arraySlot, CountedLoop loop,
      NaturalLoop loopNode) {
    if (loop == null || !ArrayOperands.isLoad(access) || !loop.indexType().equals("I") || loop.kind().isDescending()
        || loop.step() != 1) {
      return 0;
    }
    RowWidth k = widthInLoop(f, arraySlot, loop, loopNode);
    return k == null || fixedRowOf(f, access, k, loop, loopNode) == null ? 0
        : fixedRows(f, arraySlot, k, loop, loopNode).size();
  }

  /** As {@link #fixedRow} for rows of the known width {@code k}. */
  private static FixedRow fixedRowOf(MethodFacts f, AbstractInsnNode access, RowWidth k, CountedLoop loop,
      NaturalLoop loopNode) {
    AbstractInsnNode x = single(ArrayOperands.of(f.consumers(), access, indexDepth(access)));
    if (x == null) {
      return null;
    }
    Integer row = x.getOpcode() == Opcodes.IMUL ? rowOf(f, x, k, loop) : null; // column 0
    if (row == null && x.getOpcode() == Opcodes.IADD) {
      for (int side = 0; side < 2 && row == null; side++) {
        AbstractInsnNode base = single(f.consumers().operand(x, side));
        AbstractInsnNode column = single(f.consumers().operand(x, 1 - side));
        Integer r = base == null || base.getOpcode() != Opcodes.IMUL ? null : rowOf(f, base, k, loop);
        if (r != null && column != null && inRow(f, column, k, access, loopNode, Set.of(r))) {
          row = r;
        }
      }
    }
    return row != null && startsAfter(f, loop, row) ? new FixedRow(row, k) : null;
  }

  /** The local {@code r} of a product {@code r * k} (either order), {@code r} one-valued and not the loop's index. */
  private static Integer rowOf(MethodFacts f, AbstractInsnNode mul, RowWidth k, CountedLoop loop) {
    for (int side = 0; side < 2; side++) {
      AbstractInsnNode r = single(f.consumers().operand(mul, side));
      AbstractInsnNode w = single(f.consumers().operand(mul, 1 - side));
      if (r instanceof VarInsnNode rv && rv.getOpcode() == Opcodes.ILOAD && rv.var != loop.indexSlot()
          && isOneValue(f.method(), rv.var) && w != null && k.equals(widthOf(f, w))
          && !(k.slot() == rv.var)) {
        return rv.var;
      }
    }
    return null;
  }

  /**
   * The proof that the loop never runs row {@code r}: its index starts at {@code r + c0} ({@code c0 >= 1}, a
   * constant) and only grows (ascending, step 1, checked by the caller).
   */
  private static boolean startsAfter(MethodFacts f, CountedLoop loop, int r) {
    AbstractInsnNode start = single(f.consumers().operand(loop.initStore(), 0));
    Integer c0 = start == null ? null : offsetFrom(f, start, r);
    if (c0 == null && start != null) {
      c0 = offsetThrough(f, start, r);
    }
    return c0 != null && c0 >= 1;
  }

  /**
   * {@code c + d} when {@code x} pushes {@code s + c} (or {@code s}) for a local {@code s} other than
   * {@code r} assigned once, to {@code r + d} with {@code d >= 0}: {@code int q = p + 1; for (i = q + 1; ...)}
   * starts at {@code p + 2}. Both hold one value for the whole method, so the sum is the start's offset
   * from {@code r} wherever the loop starts; else {@code null}.
   */
  private static Integer offsetThrough(MethodFacts f, AbstractInsnNode x, int r) {
    for (int s : loadedLocals(f, x)) {
      Integer c = s == r || !isOneValue(f.method(), s) ? null : offsetFrom(f, x, s);
      AbstractInsnNode store = c == null ? null : storeOf(f.method(), s);
      AbstractInsnNode value = store == null ? null : single(f.consumers().operand(store, 0));
      Integer d = value == null ? null : offsetFrom(f, value, r);
      if (d != null && d >= 0) {
        return c + d;
      }
    }
    return null;
  }

  /** The int locals {@code x} loads directly or as one operand of an {@code IADD}. */
  private static List<Integer> loadedLocals(MethodFacts f, AbstractInsnNode x) {
    List<Integer> out = new java.util.ArrayList<>();
    if (x instanceof VarInsnNode v && v.getOpcode() == Opcodes.ILOAD) {
      out.add(v.var);
    } else if (x.getOpcode() == Opcodes.IADD) {
      for (int side = 0; side < 2; side++) {
        if (single(f.consumers().operand(x, side)) instanceof VarInsnNode v && v.getOpcode() == Opcodes.ILOAD) {
          out.add(v.var);
        }
      }
    }
    return out;
  }

  /** The one {@code ISTORE} into a local assigned once ({@link #isOneValue}), or {@code null}. */
  private static AbstractInsnNode storeOf(MethodNode method, int slot) {
    for (AbstractInsnNode x : method.instructions) {
      if (x instanceof VarInsnNode v && v.var == slot && v.getOpcode() == Opcodes.ISTORE) {
        return x;
      }
    }
    return null;
  }

  /** {@code c} when {@code x} pushes {@code r + c} or {@code c + r} ({@code c} a constant) or {@code r} ({@code 0}), else {@code null}. */
  private static Integer offsetFrom(MethodFacts f, AbstractInsnNode x, int r) {
    if (x instanceof VarInsnNode v && v.getOpcode() == Opcodes.ILOAD && v.var == r) {
      return 0;
    }
    if (x.getOpcode() != Opcodes.IADD) {
      return null;
    }
    for (int side = 0; side < 2; side++) {
      AbstractInsnNode load = single(f.consumers().operand(x, side));
      AbstractInsnNode c = single(f.consumers().operand(x, 1 - side));
      if (load instanceof VarInsnNode v && v.getOpcode() == Opcodes.ILOAD && v.var == r && c != null
          && StencilIndex.constant(c) != null) {
        return StencilIndex.constant(c);
      }
    }
    return null;
  }

  /** The width of the rows the loop accesses the array at ({@code a[k * i + c]}), or {@code null}. */
  private static RowWidth widthInLoop(MethodFacts f, int arraySlot, CountedLoop loop, NaturalLoop loopNode) {
    RowWidth[] found = {null};
    new LoopAccesses(f, loopNode).anyAccess(arraySlot, a -> {
      Set<AbstractInsnNode> index = ArrayOperands.of(f.consumers(), a, indexDepth(a));
      AbstractInsnNode x = single(index);
      found[0] = x == null ? null : rowWidth(f, a, x, arraySlot, loop, loopNode);
      return found[0] != null;
    });
    return found[0];
  }

  /** The locals {@code r} of the fixed rows of width {@code k} the loop reads of the array ({@link #fixedRowOf}). */
  private static Set<Integer> fixedRows(MethodFacts f, int arraySlot, RowWidth k, CountedLoop loop,
      NaturalLoop loopNode) {
    if (loop.kind().isDescending() || loop.step() != 1) {
      return Set.of();
    }
    Set<Integer> rows = new java.util.HashSet<>();
    new LoopAccesses(f, loopNode).anyAccess(arraySlot, a -> {
      FixedRow r = ArrayOperands.isLoad(a) ? fixedRowOf(f, a, k, loop, loopNode) : null;
      if (r != null) {
        rows.add(r.rowSlot());
      }
      return false;
    });
    return rows;
  }

  /** Whether a loop inside {@code outerLoop} around {@code access} is {@code for (j = 0; j < k; j++)}. */
  private static boolean innerColumnLoop(MethodFacts f, AbstractInsnNode access, NaturalLoop outerLoop, int j,
      RowWidth k, Set<Integer> fixedRows) {
    for (CountedLoop shape : unitColumnLoops(f, access, outerLoop, j)) {
      if (k.equals(boundWidth(f, shape.boundInsns()))
          && (startsAtZero(shape) || startsAtFixedRow(f, shape, fixedRows))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The counted loops inside {@code rowLoop} whose body holds {@code at} and that step {@code j} by one up to an
   * exclusive bound ({@code for (j = ...; j < bound; j++)}): the column loops a row-major access can sit in.
   * Which starts and bounds keep the access in its row is the caller's rule ({@link InteriorColumns} too).
   */
  static List<CountedLoop> unitColumnLoops(MethodFacts f, AbstractInsnNode at, NaturalLoop rowLoop, int j) {
    MethodNode method = f.method();
    int pos = method.instructions.indexOf(at);
    List<CountedLoop> out = new ArrayList<>();
    for (NaturalLoop inner : f.loops()) {
      if (inner == rowLoop || !inner.isInside(rowLoop) || !inner.body().get(pos)) {
        continue;
      }
      CountedLoop shape = CountedLoopMatcher.match(method, inner).loop();
      if (shape != null && shape.indexSlot() == j && shape.kind() == BoundKind.LT && shape.step() == 1
          && shape.indexOffset() == 0) {
        out.add(shape);
      }
    }
    return out;
  }

  /** Whether a column loop starts at {@code r + c}, {@code c >= 0}, {@code r} one of {@code fixedRows}. */
  private static boolean startsAtFixedRow(MethodFacts f, CountedLoop shape, Set<Integer> fixedRows) {
    AbstractInsnNode start = fixedRows.isEmpty() ? null : single(f.consumers().operand(shape.initStore(), 0));
    if (start == null) {
      return false;
    }
    for (int r : fixedRows) {
      Integer c = offsetFrom(f, start, r);
      if (c != null && c >= 0) {
        return true;
      }
    }
    return false;
  }

  private static boolean startsAtZero(CountedLoop shape) {
    Integer start = constantStart(shape);
    return start != null && start == 0;
  }

  /** The constant a loop's index starts from, or {@code null}. */
  private static Integer constantStart(CountedLoop shape) {
    AbstractInsnNode value = shape.initStore().getPrevious();
    while (value != null && value.getOpcode() < 0) {
      value = value.getPrevious();
    }
    return value instanceof InsnNode || value instanceof org.objectweb.asm.tree.IntInsnNode
        || value instanceof org.objectweb.asm.tree.LdcInsnNode ? StencilIndex.constant(value) : null;
  }

  private static AbstractInsnNode single(Set<AbstractInsnNode> s) {
    return s.size() == 1 ? s.iterator().next() : null;
  }

  private static int indexDepth(AbstractInsnNode access) {
    return access.getOpcode() >= Opcodes.IASTORE ? 1 : 0;
  }

  /** Stores into {@code slot} ({@code xSTORE} and {@code iinc}) anywhere in the method. */
  private static int storeCount(MethodNode method, int slot) {
    int stores = 0;
    for (AbstractInsnNode x : method.instructions) {
      if ((x instanceof VarInsnNode v && v.var == slot && v.getOpcode() >= Opcodes.ISTORE && v.getOpcode() <= Opcodes.ASTORE)
          || (x instanceof IincInsnNode inc && inc.var == slot)) {
        stores++;
      }
    }
    return stores;
  }

  /** A parameter never assigned, or a local assigned exactly once: one value wherever it is read. */
  static boolean isOneValue(MethodNode method, int slot) {
    int params = (method.access & Opcodes.ACC_STATIC) != 0 ? 0 : 1;
    for (org.objectweb.asm.Type t : org.objectweb.asm.Type.getArgumentTypes(method.desc)) {
      params += t.getSize();
    }
    int stores = storeCount(method, slot);
    return slot < params ? stores == 0 : stores == 1;
  }

  /** The element loads and stores of one array variable inside a loop. */
  private record LoopAccesses(MethodFacts f, NaturalLoop loop) {
    boolean anyAccess(int arraySlot, java.util.function.Predicate<AbstractInsnNode> test) {
      for (int i = loop.body().nextSetBit(0); i >= 0; i = loop.body().nextSetBit(i + 1)) {
        AbstractInsnNode x = f.method().instructions.get(i);
        int op = x.getOpcode();
        if ((op < Opcodes.IALOAD || op > Opcodes.SALOAD) && (op < Opcodes.IASTORE || op > Opcodes.SASTORE)) {
          continue;
        }
        Set<AbstractInsnNode> array = ArrayOperands.of(f.consumers(), x, indexDepth(x) + 1);
        if (array.size() == 1 && array.iterator().next() instanceof VarInsnNode a && a.getOpcode() == Opcodes.ALOAD
            && a.var == arraySlot && test.test(x)) {
          return true;
        }
      }
      return false;
    }
  }
}
