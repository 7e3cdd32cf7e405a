package dev.parjit.analysis;

import dev.parjit.analysis.lattice.DistValue;
import dev.parjit.analysis.loops.NaturalLoop;
import dev.parjit.analysis.plan.CountedLoop;
import dev.parjit.analysis.plan.Distribution;
import java.util.BitSet;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.Frame;

/**
 * The one rule for where a 1D array allocated in the method sits. A frame read from files or filtered
 * is 1D_Var: its rows sit where the read's row groups or the filter's kept rows put them, not in
 * Bodo's blocks. An array whose length is exactly that frame's {@code numRows()} (or a distributed
 * series' {@code size()}), the call's value reaching {@code new T[...]} directly or through one local
 * variable, takes the frame's distribution and placement: each rank allocates as many elements as it
 * holds rows, at the frame's first global row ({@code MethodPlan.rowPlacedAllocations}). Any other
 * array allocated in the method is 1D_Block, so a parallel loop that reads a 1D_Var series cannot use
 * it ({@link DeclineRule#NOT_ROW_PLACED}): {@code new double[df.numRows() + 1]} would sit in blocks
 * beside rows that do not.
 */
final class RowPlacement {

  private RowPlacement() { }

  /**
   * The size read ({@code df.numRows()}, {@code s.size()}) of a distributed frame or series whose value
   * alone is the length of the primitive allocation {@code alloc}, or {@code null}.
   */
  static MethodInsnNode sizeRead(MethodFacts f, AbstractInsnNode alloc) {
    if (!(alloc instanceof IntInsnNode n) || n.getOpcode() != Opcodes.NEWARRAY) {
      return null;
    }
    AbstractInsnNode p = single(f.consumers().operand(alloc, 0));
    if (p instanceof VarInsnNode load && load.getOpcode() == Opcodes.ILOAD) {
      // int n = df.numRows(); ... new double[n]: one store reaches, and it stores the size read itself
      AbstractInsnNode store = single(f.consumers().definitions(load, load.var));
      p = store != null && store.getOpcode() == Opcodes.ISTORE ? single(f.consumers().operand(store, 0)) : null;
    }
    if (p instanceof MethodInsnNode m && FrameReads.isSizeRead(m) && receiver(f, m) != null
        && receiver(f, m).isDistributed()) {
      return m;
    }
    return null;
  }

  /** The distribution {@code alloc} takes: its frame's when a size read places it, else 1D_Block. */
  static Distribution of(MethodFacts f, AbstractInsnNode alloc) {
    MethodInsnNode read = sizeRead(f, alloc);
    return read == null ? Distribution.ONE_D_BLOCK : receiver(f, read).distribution();
  }

  /**
   * Why the array of {@code slot}, used in the parallel loop {@code loop}, cannot stay 1D there: the
   * loop reads a 1D_Var series at its index and the array is allocated here without that placement;
   * {@code null} when it can (a parameter's chunk is checked where the loop starts).
   */
  static Decline whyNotPlaced(MethodFacts f, int slot, AbstractInsnNode use, CountedLoop loop) {
    AbstractInsnNode store = f.candidateStores().get(slot);
    if (store == null || !readsVarRows(f, loop)) {
      return null;
    }
    AbstractInsnNode alloc = single(f.consumers().operand(store, 0));
    return alloc != null && of(f, alloc) == Distribution.ONE_D_VAR ? null : Decline.at(DeclineRule.NOT_ROW_PLACED, use);
  }

  /** Whether the loop's body reads, at its index, a distributed series the frames' lattice says is 1D_Var. */
  private static boolean readsVarRows(MethodFacts f, CountedLoop loop) {
    BitSet body = null;
    for (NaturalLoop l : f.loops()) {
      if (f.method().instructions.get(l.header()) == loop.header()) {
        body = l.body();
      }
    }
    if (body == null) {
      return false;
    }
    for (int i = body.nextSetBit(0); i >= 0; i = body.nextSetBit(i + 1)) {
      AbstractInsnNode x = f.method().instructions.get(i);
      Integer series = AlignedAccesses.alignedSeries(f, x, loop);
      if (series != null && f.frames().local(x, series).distribution() == Distribution.ONE_D_VAR) {
        return true;
      }
    }
    return false;
  }

  private static DistValue receiver(MethodFacts f, MethodInsnNode call) {
    Frame<DistValue> frame = f.frames().frameAt(call);
    return frame == null || frame.getStackSize() == 0 ? null : frame.getStack(frame.getStackSize() - 1);
  }

  private static AbstractInsnNode single(Set<AbstractInsnNode> insns) {
    return insns.size() == 1 ? insns.iterator().next() : null;
  }
}
