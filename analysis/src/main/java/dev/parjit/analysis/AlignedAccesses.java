package dev.parjit.analysis;

import dev.parjit.analysis.lattice.DistValue;
import dev.parjit.analysis.loops.NaturalLoop;
import dev.parjit.analysis.plan.CountedLoop;
import dev.parjit.analysis.plan.Distribution;
import dev.parjit.analysis.plan.HaloRead;
import dev.parjit.analysis.plan.RowWidth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.BasicValue;

/**
 * The access shapes a parallel loop translates, shared by the loop and array passes: {@code a[i]}
 * on a 1D array, {@code a[k * i + c]} on rows ({@link FlatRows}), {@code u[i + c]} through a halo
 * ({@link StencilIndex}), {@code val[k]} of a CSR row ({@link CsrSegments}), {@code x[col[k]]} through a
 * CSR row's column indices ({@link IndexedReads}) and {@code s.getDouble(i)}
 * on a distributed series. Each shape is recognised here and nowhere else.
 */
final class AlignedAccesses {

  private AlignedAccesses() { }

  /** The array of {@code access} (an xALOAD/xASTORE) if it is a 1D array read at the index of {@code loop}. */
  static Integer alignedArray(MethodFacts f, AbstractInsnNode access, CountedLoop loop, Set<Integer> oneD) {
    return alignedArray(f, access, loop, oneD, null);
  }

  static Integer alignedArray(MethodFacts f, AbstractInsnNode access, CountedLoop loop, Set<Integer> oneD,
      Map<Integer, AbstractInsnNode> stores) {
    int arrayDepth = access.getOpcode() >= Opcodes.IASTORE ? 2 : 1;
    int indexDepth = arrayDepth - 1;
    Set<AbstractInsnNode> array = accessOperand(f, access, arrayDepth);
    Set<AbstractInsnNode> index = accessOperand(f, access, indexDepth);
    if (array.size() == 1 && array.iterator().next() instanceof VarInsnNode a && a.getOpcode() == Opcodes.ALOAD
        && oneD.contains(a.var) && seesCandidate(f, a, stores) && loop != null && loop.indexType().equals("I")
        && ((index.size() == 1 && index.iterator().next() instanceof VarInsnNode i && i.getOpcode() == Opcodes.ILOAD
        && i.var == loop.indexSlot()) || rowWidth(f, access, loop) != null)) {
      return a.var;
    }
    return null;
  }

  /**
   * The width {@code k} of the rows when {@code access} is a row access {@code a[k * i + c]} in the loop
   * {@code loop} ({@link FlatRows}); else {@code null}.
   */
  static RowWidth rowWidth(MethodFacts f, AbstractInsnNode access, CountedLoop loop) {
    FlatRows.RowAccess r = rowAccess(f, access, loop);
    return r == null ? null : r.width();
  }

  /** As {@link #rowWidth}, with whether the loop's index counts rows or elements of rows ({@link FlatRows}). */
  static FlatRows.RowAccess rowAccess(MethodFacts f, AbstractInsnNode access, CountedLoop loop) {
    int arrayDepth = access.getOpcode() >= Opcodes.IASTORE ? 2 : 1;
    Set<AbstractInsnNode> array = accessOperand(f, access, arrayDepth);
    if (loop == null || array.size() != 1 || !(array.iterator().next() instanceof VarInsnNode a)) {
      return null;
    }
    NaturalLoop outer = null;
    for (NaturalLoop l : f.loops()) {
      if (f.method().instructions.get(l.header()) == loop.header()) {
        outer = l;
      }
    }
    return outer == null ? null : FlatRows.access(f, access, accessOperand(f, access, arrayDepth - 1), a.var, loop,
        outer);
  }

  /**
   * {@code a[r * k + c]}: a read of a fixed row of an array the loop accesses as rows ({@link FlatRows#fixedRow}),
   * as a read through the halo of that row; else {@code null}.
   */
  static HaloRead fixedRowRead(MethodFacts f, AbstractInsnNode access, CountedLoop loop, Set<Integer> oneD) {
    Set<AbstractInsnNode> array = ArrayOperands.isLoad(access) ? accessOperand(f, access, 1) : Set.of();
    if (loop == null || array.size() != 1 || !(array.iterator().next() instanceof VarInsnNode a)
        || a.getOpcode() != Opcodes.ALOAD || !oneD.contains(a.var) || !seesCandidate(f, a, null)) {
      return null;
    }
    NaturalLoop outer = null;
    for (NaturalLoop l : f.loops()) {
      if (f.method().instructions.get(l.header()) == loop.header()) {
        outer = l;
      }
    }
    dev.parjit.analysis.plan.FixedRow row = outer == null ? null : FlatRows.fixedRow(f, access, a.var, loop, outer);
    return row == null ? null : HaloRead.ofFixedRow(access, a.var, row);
  }

  /** How many fixed rows of its array the loop reads where {@code access} reads one ({@link FlatRows#fixedRowCount}). */
  static int fixedRowCount(MethodFacts f, AbstractInsnNode access, CountedLoop loop, int slot) {
    Set<AbstractInsnNode> array = ArrayOperands.isLoad(access) ? accessOperand(f, access, 1) : Set.of();
    if (loop == null || array.size() != 1 || !(array.iterator().next() instanceof VarInsnNode a) || a.var != slot) {
      return 0;
    }
    for (NaturalLoop l : f.loops()) {
      if (f.method().instructions.get(l.header()) == loop.header()) {
        return FlatRows.fixedRowCount(f, access, slot, loop, l);
      }
    }
    return 0;
  }

  /**
   * The slot of the distributed series {@code read} ({@code s.getDouble(i)}) reads at the index of
   * {@code loop}, or {@code null}.
   */
  static Integer alignedSeries(MethodFacts f, AbstractInsnNode read, CountedLoop loop) {
    if (!(read instanceof MethodInsnNode m) || !FrameReads.isElementRead(m) || loop == null
        || !loop.indexType().equals("I")) {
      return null;
    }
    Set<AbstractInsnNode> receiver = f.consumers().operand(read, 1);
    Set<AbstractInsnNode> index = f.consumers().operand(read, 0);
    if (receiver.size() == 1 && receiver.iterator().next() instanceof VarInsnNode s && s.getOpcode() == Opcodes.ALOAD
        && f.frames().local(s, s.var) != null && f.frames().local(s, s.var).isDistributed()
        && index.size() == 1 && index.iterator().next() instanceof VarInsnNode i && i.getOpcode() == Opcodes.ILOAD
        && i.var == loop.indexSlot()) {
      return s.var;
    }
    return null;
  }

  /** Whether the load reads the slot's distributed array rather than another value kept there. */
  static boolean seesCandidate(MethodFacts f, VarInsnNode load, Map<Integer, AbstractInsnNode> stores) {
    if (f.paramSlots().containsKey(load.var)) {
      return true; // a parameter slot that is never assigned holds the argument everywhere
    }
    if (stores == null && f.rotations().contains(load.var)) {
      return true; // a swapped buffer holds one of its group's allocations everywhere
    }
    AbstractInsnNode store = (stores != null ? stores : f.candidateStores()).get(load.var);
    return store != null && f.consumers().definitions(load, load.var).contains(store);
  }

  /**
   * {@code val[k]} in a CSR row loop's inner loop {@code k = rowptr[i] .. rowptr[i + 1]} of a parallel
   * row loop, with {@code rowptr} 1D (read through a halo), or {@code null} ({@link CsrSegments}).
   */
  static CsrSegments.SegmentRead segmentRead(MethodFacts f, AbstractInsnNode access, List<LoopDecision> decisions,
      Set<Integer> oneD) {
    int index = f.method().instructions.indexOf(access);
    for (int k = 0; k < f.loops().size(); k++) {
      if (decisions.get(k).parallel() && f.loops().get(k).body().get(index)) {
        CsrSegments.SegmentRead r = CsrSegments.of(f.method(), f.consumers(), f.loops(), f.loops().get(k),
            decisions.get(k).shape(), access);
        return r != null && oneD.contains(r.rowPointerSlot()) && oneD.contains(r.arraySlot())
            && seesCandidate(f, arrayLoad(f, access), null) ? r : null;
      }
    }
    return null;
  }

  /** {@code x[col[k]]} through the column indices of a parallel CSR row loop, or {@code null} ({@link IndexedReads}). */
  static HaloRead indexedRead(MethodFacts f, AbstractInsnNode access, List<LoopDecision> decisions, Set<Integer> oneD) {
    return IndexedReads.of(f, access, decisions, oneD);
  }

  static VarInsnNode arrayLoad(MethodFacts f, AbstractInsnNode access) {
    return (VarInsnNode) f.consumers().operand(access, 1).iterator().next();
  }

  /** The widest stencil offset read through a halo; wider reads keep the array REP. */
  static final int MAX_HALO = 64;

  /**
   * {@code u[i + c]} ({@code 0 < |c| <= MAX_HALO}) of a 1D array of a halo-capable element type in
   * the parallel loop over {@code i}, or {@code null}; also a row {@code m[i + c]} of a row-distributed
   * array that is only read element by element ({@link RowHalos}). The loop does not write {@code u}: a loop that
   * does has a loop-carried dependence and is not parallel ({@link LoopCarriedDependence}).
   */
  static HaloRead haloRead(MethodFacts f, AbstractInsnNode access, CountedLoop loop,
      Set<Integer> oneD) {
    HaloRead h = stencilRead(f, access, loop, oneD);
    // v[i + 1] of pairs v[i], v[i + 1] (i += 2) is a row access: the rank owns the whole row
    return h == null || h.offset() == 0 || rowWidth(f, access, loop) != null ? null : h;
  }

  /** {@code u[i + c]} for any {@code |c| <= MAX_HALO}, including {@code u[i]}, as {@link #haloRead} checks it. */
  static HaloRead stencilRead(MethodFacts f, AbstractInsnNode access, CountedLoop loop,
      Set<Integer> oneD) {
    int op = access.getOpcode();
    if (loop == null || !loop.indexType().equals("I") || (op != Opcodes.IALOAD && op != Opcodes.LALOAD
        && op != Opcodes.FALOAD && op != Opcodes.DALOAD && op != Opcodes.AALOAD)) {
      return null;
    }
    Set<AbstractInsnNode> array = f.consumers().operand(access, 1);
    if (array.size() != 1 || !(array.iterator().next() instanceof VarInsnNode a) || a.getOpcode() != Opcodes.ALOAD
        || !oneD.contains(a.var) || !seesCandidate(f, a, null)) {
      return null;
    }
    StencilIndex.Offset at = StencilIndex.of(f.consumers().operand(access, 0), loop.indexSlot(), f.consumers());
    if (at == null || Math.abs(at.offset()) > MAX_HALO) {
      return null;
    }
    if (op == Opcodes.AALOAD) {
      // from[i - 1][j]: rows of a row-distributed array, fetched whole ({@link RowHalos})
      String row = RowHalos.readOnlyRow(f.method(), f.consumers(), access, a.var);
      return row == null ? null : new HaloRead(access, a.var, at.offset()).withRowType(row);
    }
    return new HaloRead(access, a.var, at.offset());
  }

  /**
   * The store of an in-place update {@code a[i] op= e} when {@code uses} (of the load of {@code a})
   * is javac's {@code dup2} of array and index feeding exactly the element load and the element
   * store; else {@code null}.
   */
  static AbstractInsnNode inPlaceUpdate(MethodFacts f, Set<AbstractInsnNode> uses) {
    if (uses.size() != 1 || uses.iterator().next().getOpcode() != Opcodes.DUP2) {
      return null;
    }
    AbstractInsnNode dup = uses.iterator().next();
    AbstractInsnNode load = null;
    AbstractInsnNode store = null;
    for (AbstractInsnNode u : f.consumers().of(dup)) {
      if (u.getOpcode() >= Opcodes.IALOAD && u.getOpcode() <= Opcodes.SALOAD) {
        load = u;
      } else if (u.getOpcode() >= Opcodes.IASTORE && u.getOpcode() <= Opcodes.SASTORE) {
        store = u;
      }
    }
    if (f.consumers().of(dup).size() != 2 || load == null || store == null
        || store.getOpcode() - load.getOpcode() != Opcodes.IASTORE - Opcodes.IALOAD) {
      return null;
    }
    return store;
  }

  /** Whether {@code index} (the producers of an access's index) loads the index of a counted loop around {@code at}. */
  static boolean isLoopIndex(MethodFacts f, AbstractInsnNode at, Set<AbstractInsnNode> index, List<LoopDecision> decisions) {
    if (index.size() != 1 || !(index.iterator().next() instanceof VarInsnNode load) || load.getOpcode() != Opcodes.ILOAD) {
      return false;
    }
    int where = f.method().instructions.indexOf(at);
    for (int k = 0; k < decisions.size(); k++) {
      CountedLoop shape = decisions.get(k).shape();
      if (shape != null && shape.indexSlot() == load.var && f.loops().get(k).body().get(where)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The producers of an array access's operand at {@code depth}, looking through the {@code dup2}
   * of an in-place update {@code a[i] op= e} to the array and index it copies.
   */
  static Set<AbstractInsnNode> accessOperand(MethodFacts f, AbstractInsnNode access, int depth) {
    return ArrayOperands.of(f.consumers(), access, depth);
  }

  /**
   * Whether {@code call} keeps the array {@code load} pushes distributed: a frame made from it
   * ({@code DataFrame.of}) or a {@code @Jit} method whose parameter accepts chunks.
   */
  static boolean acceptsDistributed(MethodFacts f, MethodInsnNode call, AbstractInsnNode load) {
    int n = Type.getArgumentTypes(call.desc).length + (call.getOpcode() == Opcodes.INVOKESTATIC ? 0 : 1);
    List<DistValue> args = new ArrayList<>(n);
    boolean found = false;
    for (int k = 0; k < n; k++) {
      boolean here = f.consumers().operand(call, n - 1 - k).contains(load);
      found |= here;
      args.add(here ? DistValue.rooted(BasicValue.REFERENCE_VALUE, Distribution.ONE_D_BLOCK, load)
          : DistValue.rep(BasicValue.REFERENCE_VALUE));
    }
    return found && f.calls().result(call, args) != null;
  }

  static CountedLoop enclosingParallelLoop(MethodFacts f, AbstractInsnNode insn, List<LoopDecision> decisions) {
    int index = f.method().instructions.indexOf(insn);
    for (int k = 0; k < f.loops().size(); k++) {
      if (decisions.get(k).parallel() && f.loops().get(k).body().get(index)) {
        return decisions.get(k).shape();
      }
    }
    return null;
  }

  /**
   * A primitive element load outside parallel loops ({@code u[n / 2]} after a time loop) that keeps
   * its array distributed: one rank holds the element and shares it. Only outside loops, or in loops
   * that each run a parallel loop (time steps), so one collective per step at most: a load in a
   * sequential loop over the elements would cost one collective per element, and makes the array REP.
   */
  static boolean isElementRead(MethodFacts f, AbstractInsnNode load, List<LoopDecision> decisions) {
    int op = load.getOpcode();
    if (op < Opcodes.IALOAD || op > Opcodes.SALOAD || (op == Opcodes.AALOAD && !isRowLength(f, load))) {
      return false;
    }
    int index = f.method().instructions.indexOf(load);
    for (NaturalLoop around : f.loops()) {
      if (around.body().get(index) && !runsParallelLoop(f, around, decisions)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether {@code load} ({@code AALOAD}) loads a row only to read its length, {@code m[r].length}: the
   * {@code ARRAYLENGTH} right after it is its one use (the rewrite replaces the two by one call).
   */
  static boolean isRowLength(MethodFacts f, AbstractInsnNode load) {
    AbstractInsnNode next = load.getNext();
    return load.getOpcode() == Opcodes.AALOAD && next != null && next.getOpcode() == Opcodes.ARRAYLENGTH
        && f.consumers().of(load).equals(Set.of(next));
  }

  /** Whether a parallel loop's header lies inside {@code outer}'s body. */
  private static boolean runsParallelLoop(MethodFacts f, NaturalLoop outer, List<LoopDecision> decisions) {
    for (int k = 0; k < f.loops().size(); k++) {
      NaturalLoop inner = f.loops().get(k);
      if (inner != outer && decisions.get(k).parallel() && outer.body().get(inner.header())) {
        return true;
      }
    }
    return false;
  }
}
