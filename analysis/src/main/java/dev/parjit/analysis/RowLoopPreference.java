package dev.parjit.analysis;

import dev.parjit.analysis.loops.NaturalLoop;
import dev.parjit.analysis.plan.CountedLoop;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;

/**
 * Which of two nested loops runs in parallel when both could: the loop over rows rather than the
 * loop inside it. The array fixpoint alone settles on the inner loop of
 * {@code for i: for j: sums[j] += m[i][j]}: {@code sums} starts 1D, so the row loop's update of it is
 * no array reduction, the column loop is split over {@code sums} and the row loop stays sequential
 * with the matrix sent whole. Taking {@code sums} out of 1D instead makes it an array reduction of
 * the row loop, which then splits {@code m} by rows: each rank receives its rows only (instead of
 * the whole matrix), and the loop combines once (one element-wise allreduce of {@code sums}) instead
 * of agreeing at each of the row loop's iterations, as a parallel inner loop does.
 *
 * <p>The preference applies to a sequential loop, not inside a parallel one, that holds a parallel
 * loop, when taking out of 1D the arrays it only updates by reductions ({@code x[j] op= e}, the only
 * accesses of {@code x} in it) makes it parallel once the whole fixpoint has run again, with an array
 * still 1D that it accesses at its own index (the rows that no longer travel whole). Otherwise nothing
 * changes: a loop whose index splits no array (a time loop) keeps the inner loop parallel.
 */
final class RowLoopPreference {

  private RowLoopPreference() { }

  /**
   * The arrays to take out of 1D so that a row loop runs in parallel instead of a loop inside it, each
   * with its reason, or an empty map: {@code decisions} are the settled fixpoint's, {@code start} the
   * arrays it started from (the trial runs the whole fixpoint again from them, less the reduced arrays).
   */
  static Map<Integer, Decline> demotions(MethodFacts f, Set<Integer> start, List<LoopDecision> decisions) {
    for (int k = 0; k < f.loops().size(); k++) {
      NaturalLoop loop = f.loops().get(k);
      if (decisions.get(k).parallel() || insideParallel(f, loop, decisions) || !holdsParallel(f, loop, decisions)) {
        continue;
      }
      Set<Integer> reductions = reductionArrays(f, loop, start);
      if (reductions.isEmpty()) {
        continue;
      }
      Map<Integer, Decline> out = new LinkedHashMap<>();
      for (int slot : reductions) {
        out.put(slot, Decline.of(DeclineRule.ROW_LOOP_REDUCTION, k));
      }
      // The trial leaves out what the fixpoint will: the reduced arrays and the buffers they swap with.
      Set<Integer> trial = new TreeSet<>(start);
      trial.removeAll(ArrayDistributionsPass.withRotationPartners(f, trial, out).keySet());
      List<LoopDecision> after = ArrayDistributionsPass.converge(f, trial);
      if (after.get(k).parallel() && splitsRows(f, loop, after.get(k).shape(), trial)) {
        return out;
      }
    }
    return Map.of();
  }

  /** The 1D arrays the loop accesses only through reductions {@code x[j] op= e} (one operator each). */
  private static Set<Integer> reductionArrays(MethodFacts f, NaturalLoop loop, Set<Integer> oneD) {
    Set<Integer> out = new TreeSet<>();
    BitSet body = loop.body();
    BitSet stored = dev.parjit.analysis.loops.CountedLoopMatcher.storedSlots(f.method(), loop);
    for (int i = body.nextSetBit(0); i >= 0; i = body.nextSetBit(i + 1)) {
      AbstractInsnNode x = f.method().instructions.get(i);
      if (x.getOpcode() < Opcodes.IASTORE || x.getOpcode() > Opcodes.SASTORE) {
        continue;
      }
      ArrayReductionMatcher.Match m = ArrayReductionMatcher.ofStore(x, f.consumers());
      if (m != null && oneD.contains(m.slot()) && !stored.get(m.slot())
          && ArrayReductionMatcher.onlyReductions(f.method(), loop, m.slot(), m.op(), f.consumers())) {
        out.add(m.slot());
      }
    }
    return out;
  }

  /** Whether the loop accesses an array of {@code oneD} at its own index (rows it splits). */
  private static boolean splitsRows(MethodFacts f, NaturalLoop loop, CountedLoop shape, Set<Integer> oneD) {
    BitSet body = loop.body();
    for (int i = body.nextSetBit(0); i >= 0; i = body.nextSetBit(i + 1)) {
      AbstractInsnNode x = f.method().instructions.get(i);
      int op = x.getOpcode();
      if (((op >= Opcodes.IALOAD && op <= Opcodes.SALOAD) || (op >= Opcodes.IASTORE && op <= Opcodes.SASTORE))
          && AlignedAccesses.alignedArray(f, x, shape, oneD) != null) {
        return true;
      }
    }
    return false;
  }

  private static boolean insideParallel(MethodFacts f, NaturalLoop loop, List<LoopDecision> decisions) {
    for (int k = 0; k < f.loops().size(); k++) {
      if (decisions.get(k).parallel() && f.loops().get(k) != loop && loop.isInside(f.loops().get(k))) {
        return true;
      }
    }
    return false;
  }

  private static boolean holdsParallel(MethodFacts f, NaturalLoop loop, List<LoopDecision> decisions) {
    for (int k = 0; k < f.loops().size(); k++) {
      if (decisions.get(k).parallel() && f.loops().get(k) != loop && f.loops().get(k).isInside(loop)) {
        return true;
      }
    }
    return false;
  }
}
