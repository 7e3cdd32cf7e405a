package dev.parjit.analysis;

import dev.parjit.analysis.loops.NaturalLoop;
import dev.parjit.analysis.plan.HaloRead;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Recognises the sparse product's read of a vector through the column indices of a CSR row loop,
 * {@code x[col[k]]}, where {@code col[k]} is a nonzero read ({@link CsrSegments}) of the parallel row
 * loop (of a split {@code col}, or of one every rank holds whole) and the row loop writes no array
 * that may be {@code x}. Such an {@code x} may stay 1D: before
 * the loop each rank fetches the elements its nonzeros' column indices name (runtime
 * {@code Halo.exchangeIndexed}), so a conjugate-gradient solve keeps its vectors split across its
 * iterations instead of sending {@code x} whole. An index outside the array still throws the
 * sequential exception: the read keeps its global index and checks it against the global length.
 */
final class IndexedReads {

  private IndexedReads() { }

  /**
   * {@code x[col[k]]} of a 1D array {@code x} in a parallel CSR row loop, with {@code col[k]} a nonzero
   * read of a 1D {@code col}, or {@code null}.
   */
  static HaloRead of(MethodFacts f, AbstractInsnNode access, List<LoopDecision> decisions, Set<Integer> oneD) {
    int op = access.getOpcode();
    if (op != Opcodes.IALOAD && op != Opcodes.LALOAD && op != Opcodes.FALOAD && op != Opcodes.DALOAD) {
      return null; // Halo.read serves these element types
    }
    Set<AbstractInsnNode> array = f.consumers().operand(access, 1);
    Set<AbstractInsnNode> index = f.consumers().operand(access, 0);
    if (array.size() != 1 || !(array.iterator().next() instanceof VarInsnNode a) || a.getOpcode() != Opcodes.ALOAD
        || !oneD.contains(a.var) || !AlignedAccesses.seesCandidate(f, a, null)
        || index.size() != 1 || index.iterator().next().getOpcode() != Opcodes.IALOAD) {
      return null;
    }
    AbstractInsnNode column = index.iterator().next();
    NaturalLoop rows = parallelLoopAround(f, access, decisions);
    int id = f.loops().indexOf(rows);
    CsrSegments.SegmentRead col = rows == null ? null
        : CsrSegments.of(f.method(), f.consumers(), f.loops(), rows, decisions.get(id).shape(), column);
    // col either split like its nonzeros (then read through its segment's halo) or whole on every rank
    // (SPMD parameters): a split col read another way is no segment and keeps nothing 1D here.
    if (col == null || col.arraySlot() == a.var || writesMaybe(f, rows, a.var)
        || (oneD.contains(col.arraySlot()) && AlignedAccesses.segmentRead(f, column, decisions, oneD) == null)) {
      return null;
    }
    return HaloRead.indexed(access, a.var, col.arraySlot(), col.rowPointerSlot());
  }

  private static NaturalLoop parallelLoopAround(MethodFacts f, AbstractInsnNode insn, List<LoopDecision> decisions) {
    int at = f.method().instructions.indexOf(insn);
    for (int k = 0; k < f.loops().size(); k++) {
      if (decisions.get(k).parallel() && f.loops().get(k).body().get(at)) {
        return f.loops().get(k);
      }
    }
    return null;
  }

  /**
   * Whether the row loop may write the array in {@code slot}: a store into it or into a variable
   * that may hold the same array ({@link BufferRotation}), or into an array the analysis cannot name.
   * The fetched elements are those before the loop, so a loop reading what it writes cannot use them.
   */
  private static boolean writesMaybe(MethodFacts f, NaturalLoop rows, int slot) {
    AbstractInsnNode header = f.method().instructions.get(rows.header());
    for (int i = rows.body().nextSetBit(0); i >= 0; i = rows.body().nextSetBit(i + 1)) {
      AbstractInsnNode x = f.method().instructions.get(i);
      if (!ArrayOperands.isStore(x)) {
        continue;
      }
      Set<AbstractInsnNode> target = ArrayOperands.array(f.consumers(), x);
      if (target.size() != 1 || !(target.iterator().next() instanceof VarInsnNode w) || w.getOpcode() != Opcodes.ALOAD
          || f.rotations().mayAlias(slot, w.var, header)) {
        return true;
      }
    }
    return false;
  }
}
