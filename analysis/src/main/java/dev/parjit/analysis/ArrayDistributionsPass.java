package dev.parjit.analysis;

import static dev.parjit.analysis.AlignedAccesses.accessOperand;
import static dev.parjit.analysis.AlignedAccesses.acceptsDistributed;
import static dev.parjit.analysis.AlignedAccesses.alignedArray;
import static dev.parjit.analysis.AlignedAccesses.enclosingParallelLoop;
import static dev.parjit.analysis.AlignedAccesses.haloRead;
import static dev.parjit.analysis.AlignedAccesses.inPlaceUpdate;
import static dev.parjit.analysis.AlignedAccesses.indexedRead;
import static dev.parjit.analysis.AlignedAccesses.isLoopIndex;
import static dev.parjit.analysis.AlignedAccesses.rowWidth;
import static dev.parjit.analysis.AlignedAccesses.seesCandidate;
import static dev.parjit.analysis.AlignedAccesses.segmentRead;

import dev.parjit.analysis.plan.CountedLoop;
import dev.parjit.analysis.plan.ExecutionMode;
import dev.parjit.analysis.plan.RepDecision;
import dev.parjit.analysis.plan.RowWidth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * The array fixpoint: an array variable stays 1D while every use of it is one a parallel loop
 * translates ({@link AlignedAccesses}), its length, its return, or a call that accepts chunks; the
 * first other use declines it REP. Declines whose rule is {@link DeclineRule#loopDependent()} wait
 * until no structural one is left; after each round the loops are re-decided
 * ({@link LoopDecisions}), until nothing changes. Arrays only leave 1D, so this terminates.
 */
final class ArrayDistributionsPass implements AnalysisPass {

  @Override
  public String name() {
    return "array distributions";
  }

  @Override
  public void run(AnalysisState s) {
    MethodFacts f = s.facts;
    Set<Integer> initial = new java.util.TreeSet<>(s.oneD);
    Map<Integer, RepDecision> repsBefore = new LinkedHashMap<>(s.arrayReps);
    Map<Integer, Decline> preferred = new LinkedHashMap<>();
    while (true) {
      settle(s);
      // A row loop may run instead of a loop inside it: then the fixpoint starts again without the
      // arrays that loop reduces into (each time one more array is left out, so this ends).
      Set<Integer> start = new java.util.TreeSet<>(initial);
      start.removeAll(preferred.keySet());
      Map<Integer, Decline> more = RowLoopPreference.demotions(f, start, s.decisions);
      if (more.isEmpty()) {
        return;
      }
      preferred.putAll(more);
      s.oneD.clear();
      s.oneD.addAll(initial);
      s.arrayReps.clear();
      s.arrayReps.putAll(repsBefore);
      demote(s, withRotationPartners(f, s.oneD, preferred));
      s.decisions = LoopDecisions.decideAll(f, s.oneD);
    }
  }

  /**
   * Takes arrays out of 1D for a reason found after the fixpoint ({@link FrameEscapes}: a frame over
   * them escapes), then settles the arrays and loops again.
   */
  static void declineAndSettle(AnalysisState s, Map<Integer, Decline> removed) {
    demote(s, withRotationPartners(s.facts, s.oneD, removed));
    s.decisions = LoopDecisions.decideAll(s.facts, s.oneD);
    settle(s);
  }

  /** The fixpoint from the state's arrays and decisions, recording why each array leaves 1D. */
  private static void settle(AnalysisState s) {
    MethodFacts f = s.facts;
    while (true) {
      Map<Integer, Decline> removed = declinedThisRound(f, s.oneD, s.decisions);
      if (removed.isEmpty()) {
        return;
      }
      demote(s, withRotationPartners(f, s.oneD, removed));
      s.decisions = LoopDecisions.decideAll(f, s.oneD);
    }
  }

  /** Takes the arrays out of 1D, each with its reason. */
  private static void demote(AnalysisState s, Map<Integer, Decline> removed) {
    removed.forEach((slot, why) -> {
      s.oneD.remove(slot);
      AbstractInsnNode where = s.candidates.containsKey(slot) ? s.candidates.get(slot)
          : s.method.instructions.getFirst();
      String name = VariableNames.at(s.method, slot, s.candidates.containsKey(slot) ? where.getNext() : where);
      s.arrayReps.put(slot, new RepDecision(name, why.sentence(), LineTable.line(where), false, why.line()));
    });
  }

  /**
   * The fixpoint from {@code oneD} (which it narrows in place) without recording reasons: the loop
   * decisions it ends with. {@link RowLoopPreference} tries an alternative with it.
   */
  static List<LoopDecision> converge(MethodFacts f, Set<Integer> oneD) {
    List<LoopDecision> decisions = LoopDecisions.decideAll(f, oneD);
    while (true) {
      Map<Integer, Decline> removed = declinedThisRound(f, oneD, decisions);
      if (removed.isEmpty()) {
        return decisions;
      }
      oneD.removeAll(withRotationPartners(f, oneD, removed).keySet());
      decisions = LoopDecisions.decideAll(f, oneD);
    }
  }

  /**
   * The arrays to take out of 1D now: every structural decline, or when there is none, every
   * loop-dependent one. Structural declines (escapes, in-place updates) change the loop decisions,
   * which may then keep arrays 1D that an earlier, pessimistic decision would have lost.
   */
  static Map<Integer, Decline> declinedThisRound(MethodFacts f, Set<Integer> oneD, List<LoopDecision> decisions) {
    Map<Integer, Decline> structural = new LinkedHashMap<>();
    Map<Integer, Decline> loopDependent = new LinkedHashMap<>();
    for (Integer slot : oneD) {
      Decline why = whyNot1D(f, slot, decisions, oneD);
      if (why != null) {
        (why.rule().loopDependent() ? loopDependent : structural).put(slot, why);
      }
    }
    return structural.isEmpty() ? loopDependent : structural;
  }

  /**
   * Variables that swap arrays with a variable made REP share its arrays: they become REP with it.
   * A group fed by parameters goes with its parameters: either one made REP takes the other along.
   */
  static Map<Integer, Decline> withRotationPartners(MethodFacts f, Set<Integer> oneD,
      Map<Integer, Decline> removed) {
    Map<Integer, Decline> out = new LinkedHashMap<>(removed);
    removed.forEach((slot, why) -> {
      BufferRotation.Group g = f.rotations().groupOf(slot);
      if (g == null) {
        g = f.rotations().groupFedBy(slot);
      }
      if (g != null) {
        AbstractInsnNode store = g.stores().get(slot);
        String name = VariableNames.at(f.method(), slot, store != null ? store.getNext() : f.method().instructions.getFirst());
        java.util.stream.Stream.concat(g.slots().stream(), g.params().stream()).filter(oneD::contains)
            .forEach(other -> out.putIfAbsent(other, Decline.of(DeclineRule.ROTATION_PARTNER, name)));
      }
    });
    return out;
  }

  /** {@code null} when every read of the array variable keeps it 1D, else the first reason. */
  static Decline whyNot1D(MethodFacts f, int slot, List<LoopDecision> decisions, Set<Integer> oneD) {
    MethodNode method = f.method();
    Decline mixed = MixedRows.whyNot1D(f, slot, decisions, oneD);
    if (mixed != null) {
      return mixed;
    }
    Set<RowWidth> widths = new java.util.HashSet<>();
    for (AbstractInsnNode x : method.instructions) {
      if (!(x instanceof VarInsnNode v) || v.getOpcode() != Opcodes.ALOAD || v.var != slot || !seesCandidate(f, v, null)) {
        continue;
      }
      Set<AbstractInsnNode> uses = f.consumers().of(x);
      AbstractInsnNode update = inPlaceUpdate(f, uses);
      Set<AbstractInsnNode> updateIndex = update == null ? Set.of() : accessOperand(f, update, 1);
      CountedLoop around = update == null ? null : enclosingParallelLoop(f, update, decisions);
      if (update != null && !isLoopIndex(f, update, updateIndex, decisions)
          && (around == null || rowWidth(f, update, around) == null)) {
        // h[k] op= e at a computed index: an array reduction at best, never 1D.
        return Decline.at(DeclineRule.UPDATED_IN_PLACE, update);
      }
      if (update != null) {
        // a[i] op= e: read and written at the loop's own index, like a separate read and write.
        CountedLoop loop = enclosingParallelLoop(f, update, decisions);
        if (loop == null) {
          return Decline.at(DeclineRule.OUTSIDE_PARALLEL_LOOP, update);
        }
        if (alignedArray(f, update, loop, Set.of(slot)) == null) {
          return Decline.at(DeclineRule.OTHER_INDEX, update);
        }
        continue;
      }
      if (uses.size() != 1) {
        return Decline.at(DeclineRule.SEVERAL_USES, x);
      }
      AbstractInsnNode use = uses.iterator().next();
      int op = use.getOpcode();
      if (op == Opcodes.ARRAYLENGTH || op == Opcodes.ARETURN) {
        continue;
      }
      boolean access = (op >= Opcodes.IALOAD && op <= Opcodes.SALOAD) || (op >= Opcodes.IASTORE && op <= Opcodes.SASTORE);
      if (op == Opcodes.DUP2) {
        return Decline.at(DeclineRule.UPDATED_IN_PLACE, use);
      }
      if (use instanceof MethodInsnNode call && acceptsDistributed(f, call, x)) {
        continue;
      }
      if (f.rotations().isCopy(use)) {
        continue; // tmp = u; u = v; v = tmp: the group stays distributed as a whole
      }
      if (!access) {
        return Decline.at(DeclineRule.UNMODELLED_CALL, use);
      }
      CountedLoop loop = enclosingParallelLoop(f, use, decisions);
      if (loop == null && AlignedAccesses.isElementRead(f, use, decisions)) {
        if (op == Opcodes.AALOAD && f.mode() == ExecutionMode.SPMD) {
          // A null row fails on every rank with Parjit's message; only spawn mode then runs the original code.
          return Decline.at(DeclineRule.ROW_LENGTH_IN_SPMD, use);
        }
        continue; // the holder shares the element, or the length of the row (elementReads)
      }
      if (loop == null) {
        return Decline.at(DeclineRule.OUTSIDE_PARALLEL_LOOP, use);
      }
      if (alignedArray(f, use, loop, Set.of(slot)) == null && haloRead(f, use, loop, Set.of(slot)) == null
          && segmentRead(f, use, decisions, oneD) == null && indexedRead(f, use, decisions, oneD) == null) {
        if (AlignedAccesses.fixedRowRead(f, use, loop, Set.of(slot)) == null) {
          return Decline.at(AlignedAccesses.fixedRowCount(f, use, loop, slot) > 1 ? DeclineRule.TWO_FIXED_ROWS
              : DeclineRule.OTHER_INDEX, use);
        }
        if (f.mode() == ExecutionMode.SPMD) {
          // A row outside the array fails the call where the loop starts; only spawn mode answers that
          // by running the original code (on the driver).
          return Decline.at(DeclineRule.FIXED_ROW_IN_SPMD, use);
        }
        continue; // its row is fetched before the loop; no row placement nor width of its own
      }
      Decline unplaced = RowPlacement.whyNotPlaced(f, slot, use, loop);
      if (unplaced != null) {
        return unplaced;
      }
      RowWidth k = rowWidth(f, use, loop);
      widths.add(k == null ? RowWidth.ELEMENTS : k);
      if (widths.size() > 1) {
        return Decline.at(DeclineRule.ROWS_AND_ELEMENTS, use);
      }
      if (k != null && f.paramSlots().containsKey(slot) && f.mode() == ExecutionMode.SPMD) {
        // Each rank's chunk would be re-split by rows and copied back on return, which a failing
        // loop skips: the caller's chunk would miss the writes the sequential run leaves.
        return Decline.at(DeclineRule.ROWS_OF_SPMD_PARAMETER, use);
      }
      if (k != null && f.paramSlots().containsKey(slot) && k.slot() >= 0 && !isParameter(method, k.slot())) {
        // A parameter is split by rows where the method starts: k must be known there.
        return Decline.at(DeclineRule.ROW_WIDTH_AFTER_ENTRY, use, VariableNames.at(method, k.slot(), use));
      }
    }
    return null;
  }

  /** Whether {@code slot} holds a declared parameter (or {@code this}). */
  private static boolean isParameter(MethodNode method, int slot) {
    int params = (method.access & Opcodes.ACC_STATIC) != 0 ? 0 : 1;
    for (org.objectweb.asm.Type t : org.objectweb.asm.Type.getArgumentTypes(method.desc)) {
      params += t.getSize();
    }
    return slot < params;
  }
}
