package dev.parjit.analysis;

import static dev.parjit.analysis.AlignedAccesses.alignedArray;
import static dev.parjit.analysis.AlignedAccesses.alignedSeries;
import static dev.parjit.analysis.AlignedAccesses.haloRead;
import static dev.parjit.analysis.AlignedAccesses.rowWidth;

import dev.parjit.analysis.loops.CountedLoopMatcher;
import dev.parjit.analysis.loops.NaturalLoop;
import dev.parjit.analysis.plan.ArrayReduction;
import dev.parjit.analysis.plan.CountedLoop;
import dev.parjit.analysis.plan.HaloRead;
import dev.parjit.analysis.plan.GuardedExtremum;
import dev.parjit.analysis.plan.RowWidth;
import dev.parjit.analysis.plan.ScalarReduction;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The loop rules: given which array variables are 1D, whether each counted loop runs chunked over
 * ranks (with its scalar and array reductions) or stays sequential with a {@link Decline}. Loops are
 * decided outermost first; a loop inside a parallel one stays sequential. The rules run in a fixed
 * order and the first that declines decides, so each loop has exactly one reason.
 */
final class LoopDecisions {

  private LoopDecisions() { }

  /** Every natural loop's decision, in {@link MethodFacts#loops()} order. */
  static List<LoopDecision> decideAll(MethodFacts f, Set<Integer> oneD) {
    List<LoopDecision> out = new ArrayList<>();
    List<NaturalLoop> parallel = new ArrayList<>();
    for (int k = 0; k < f.loops().size(); k++) {
      NaturalLoop loop = f.loops().get(k);
      LoopDecision d = decide(f, loop, f.shapes().get(k), parallel, oneD);
      if (d.parallel()) {
        parallel.add(loop);
      }
      out.add(d);
    }
    return out;
  }

  private static LoopDecision decide(MethodFacts f, NaturalLoop loop, CountedLoopMatcher.Result match,
      List<NaturalLoop> parallel, Set<Integer> oneD) {
    MethodNode method = f.method();
    LineTable lines = new LineTable();
    for (NaturalLoop outer : parallel) {
      if (loop.isInside(outer)) {
        return LoopDecision.declined(null, Decline.of(DeclineRule.NESTED_IN_PARALLEL_LOOP));
      }
    }
    if (match.loop() == null) {
      return LoopDecision.declined(null, Decline.of(DeclineRule.NOT_COUNTED, match.reason()));
    }
    CountedLoop shape = match.loop();
    String dependence = LoopCarriedDependence.check(method, loop, shape, f.consumers(), f.rotations(), lines);
    if (dependence != null) {
      return LoopDecision.declined(shape, Decline.of(DeclineRule.LOOP_CARRIED_DEPENDENCE, dependence));
    }
    int exitIndex = method.instructions.indexOf(shape.exit());
    int jumpIndex = method.instructions.indexOf(shape.exitJump());
    BitSet body = loop.body();
    // Values carried from one iteration to the next: a rank's copy holds its own share only.
    BitSet carried = CountedLoopMatcher.storedSlots(method, loop);
    carried.clear(shape.indexSlot());
    int headerAt = method.instructions.indexOf(shape.header());
    for (int s = carried.nextSetBit(0); s >= 0; s = carried.nextSetBit(s + 1)) {
      if (!f.liveness().isLiveAt(headerAt, s)) {
        carried.clear(s);
      }
    }
    for (int i = body.nextSetBit(0); i >= 0; i = body.nextSetBit(i + 1)) {
      AbstractInsnNode x = method.instructions.get(i);
      // A throw out of the method (a plain `throw new XException("..." + i)`) is fine: every rank
      // agrees on the lowest rank's exception at the end of the chunked loop, and the lowest rank's
      // iterations come first in the sequential order. Not when its message reads a carried value
      // (`"sum " + t`): the failing rank's t lacks the ranks before it.
      boolean leaves = f.graph().successors(i).stream()
          .anyMatch(t -> !body.get(t) && !ThrowPaths.only(method, t, carried));
      if (x.getOpcode() == Opcodes.ATHROW && !leaves) {
        continue;
      }
      if (isTerminal(x) || (leaves && i != jumpIndex)) {
        return LoopDecision.declined(shape, Decline.at(DeclineRule.LEAVES_EARLY, x));
      }
    }
    Decline sharedRows = SharedRowWrites.whyNot(f, f.safety().owner(), loop, shape, oneD);
    if (sharedRows != null) {
      return LoopDecision.declined(shape, sharedRows);
    }
    Map<Integer, ArrayReduction> arrayReductions = new LinkedHashMap<>();
    Decline unsafe = f.safety().check(method, loop, store -> {
      if (alignedArray(f, store, shape, oneD) != null
          || OwnedRowWrites.intoOwnedRow(store, f.consumers(), row -> alignedArray(f, row, shape, oneD) != null)
          || SharedRowWrites.accepts(f, f.safety().owner(), loop, shape, oneD, store)) {
        return true;
      }
      ArrayReductionMatcher.Match m = ArrayReductionMatcher.ofStore(store, f.consumers());
      if (m == null || oneD.contains(m.slot()) || CountedLoopMatcher.storedSlots(method, loop).get(m.slot())
          || !ArrayReductionMatcher.onlyReductions(method, loop, m.slot(), m.op(), f.consumers())) {
        // SPMD: a replicated array written at the index, its parts shared after the loop (if costly enough:
        // checked below, so that a loop unsafe for another reason names that one)
        return SharedBlockWrites.acceptsSound(f, f.safety().owner(), loop, shape, oneD, store);
      }
      ArrayReduction r = new ArrayReduction(m.slot(), m.elementType(), m.op(), VariableNames.at(method, m.slot(), store),
          ArrayReductionMatcher.othersRead(method, loop, m.slot()));
      ArrayReduction before = arrayReductions.putIfAbsent(m.slot(), r);
      return before == null || before.equals(r);
    });
    if (unsafe != null) {
      return LoopDecision.declined(shape, unsafe);
    }
    Decline sharedBlocks = SharedBlockWrites.whyNot(f, f.safety().owner(), loop, shape, oneD);
    if (sharedBlocks != null) {
      return LoopDecision.declined(shape, sharedBlocks);
    }
    if (mixedRowWidths(f, loop, shape, oneD)) {
      return LoopDecision.declined(shape, Decline.of(DeclineRule.MIXED_ROW_WIDTHS));
    }
    String haloShape = shape.kind().isDescending() ? "counts down" : overRows(f, loop, shape, oneD) != null
        ? "runs over rows (a[k * i + j])" : null;
    if (haloShape != null) {
      // The exchange fetches around an ascending range of elements: these loops would read wrong halos.
      for (int i = body.nextSetBit(0); i >= 0; i = body.nextSetBit(i + 1)) {
        AbstractInsnNode x = method.instructions.get(i);
        HaloRead h = haloRead(f, x, shape, oneD);
        if (h != null) {
          return LoopDecision.declined(shape, Decline.at(DeclineRule.HALO_AGAINST_ORDER, x,
              VariableNames.at(method, h.arraySlot(), x), h.offset() < 0 ? "- " + -h.offset() : "+ " + h.offset(),
              haloShape));
        }
      }
    }
    for (ArrayReduction r : arrayReductions.values()) {
      List<String> shared = ArrayReductionMatcher.sharedArraysRead(method, loop, r.elementType());
      if (!shared.isEmpty()) {
        return LoopDecision.declined(shape, Decline.of(DeclineRule.ARRAY_REDUCTION_SHARED_READ, r.name(),
            String.join(", ", shared)));
      }
    }
    if (shape.kind().isDescending() && !arrayReductions.isEmpty()) {
      // After a failing iteration an array reduction keeps the ranks before the failing one: the
      // sequential order of a loop counting down is the other way round.
      return LoopDecision.declined(shape, Decline.of(DeclineRule.DESCENDING_ARRAY_REDUCTION));
    }
    for (int i = body.nextSetBit(0); i >= 0; i = body.nextSetBit(i + 1)) {
      AbstractInsnNode x = method.instructions.get(i);
      if (x instanceof MethodInsnNode m && FrameReads.isElementRead(m) && f.frames().anyArgumentDistributed(m)
          && alignedSeries(f, m, shape) == null) {
        return LoopDecision.declined(shape, Decline.at(DeclineRule.SERIES_OFF_INDEX, x));
      }
    }
    if (f.liveness().isLiveAt(exitIndex, shape.indexSlot())) {
      return LoopDecision.declined(shape, Decline.of(DeclineRule.INDEX_LIVE_AFTER_LOOP,
          VariableNames.at(method, shape.indexSlot(), shape.initStore())));
    }
    BitSet stored = CountedLoopMatcher.storedSlots(method, loop);
    stored.clear(shape.indexSlot());
    int header = method.instructions.indexOf(shape.header());
    List<ScalarReduction> reductions = new ArrayList<>();
    // Companions nobody reads after the loop need not travel (and may hold no value before it).
    List<GuardedExtremum> extrema = GuardedExtremumMatcher.find(method, loop, f.consumers(),
        (slot, at) -> VariableNames.at(method, slot, at)).stream()
        .map(g -> new GuardedExtremum(g.keySlot(), g.keyType(), g.relation(), g.companions().stream()
            .filter(c -> f.liveness().isLiveAt(exitIndex, c.slot())).toList(), g.guard(), g.name()))
        .toList();
    Set<Integer> inExtrema = new java.util.HashSet<>();
    extrema.forEach(g -> {
      inExtrema.add(g.keySlot());
      g.companions().forEach(c -> inExtrema.add(c.slot()));
    });
    for (int s = stored.nextSetBit(0); s >= 0; s = stored.nextSetBit(s + 1)) {
      if (!f.liveness().isLiveAt(header, s) && !f.liveness().isLiveAt(exitIndex, s)) {
        continue; // a temporary of one iteration
      }
      if (inExtrema.contains(s)) {
        continue; // the best value so far, or what goes with it: combined by GuardedExtrema
      }
      String name = VariableNames.at(method, s, shape.exitJump());
      ReductionMatcher.Match r = ReductionMatcher.match(method, loop, s, f.consumers());
      if (r == null) {
        return LoopDecision.declined(shape, Decline.of(DeclineRule.CARRIED_SCALAR, name));
      }
      reductions.add(new ScalarReduction(s, r.type(), r.op(), name));
    }
    if (reductions.size() > ScalarReduction.MAX_PER_LOOP) {
      return LoopDecision.declined(shape, Decline.of(DeclineRule.TOO_MANY_REDUCTIONS, reductions.size(),
          ScalarReduction.MAX_PER_LOOP));
    }
    return new LoopDecision(shape, reductions, List.copyOf(arrayReductions.values()), extrema, null);
  }

  /**
   * Whether the loop cannot take its range from its arrays: it indexes some as rows
   * ({@code a[k * i + j]}) and others element by element ({@code b[i]}), or as rows of different widths.
   */
  private static boolean mixedRowWidths(MethodFacts f, NaturalLoop loop, CountedLoop shape, Set<Integer> oneD) {
    return rowWidths(f, loop, shape, oneD).size() > 1;
  }

  /**
   * The row width of a parallel loop's accesses ({@link RowWidth#ELEMENTS}: element by element), once
   * mixing is excluded: the width its row arrays are allocated and split with.
   */
  static RowWidth loopRowWidth(MethodFacts f, NaturalLoop loop, CountedLoop shape, Set<Integer> oneD) {
    Set<FlatRows.RowAccess> widths = rowWidths(f, loop, shape, oneD);
    return widths.isEmpty() ? RowWidth.ELEMENTS : widths.iterator().next().width();
  }

  /**
   * The width of the rows when the loop's index counts rows ({@code a[k * i + c]}): its range is then the
   * rows each rank owns; {@code null} when it counts elements (a loop stepping by {@code k} over
   * {@code v[i], v[i + 1]} counts elements of rows, and runs over the elements each rank owns).
   */
  static RowWidth overRows(MethodFacts f, NaturalLoop loop, CountedLoop shape, Set<Integer> oneD) {
    Set<FlatRows.RowAccess> widths = rowWidths(f, loop, shape, oneD);
    FlatRows.RowAccess first = widths.isEmpty() ? null : widths.iterator().next();
    return first == null || first.stepped() || first.width().equals(RowWidth.ELEMENTS) ? null : first.width();
  }

  /**
   * The row accesses of the loop's aligned accesses in the order they come (width {@link RowWidth#ELEMENTS}:
   * element by element); rows counted by the index and elements of rows stepped over are two kinds.
   */
  private static Set<FlatRows.RowAccess> rowWidths(MethodFacts f, NaturalLoop loop, CountedLoop shape, Set<Integer> oneD) {
    Set<FlatRows.RowAccess> widths = new java.util.LinkedHashSet<>();
    BitSet body = loop.body();
    for (int i = body.nextSetBit(0); i >= 0; i = body.nextSetBit(i + 1)) {
      AbstractInsnNode x = f.method().instructions.get(i);
      int op = x.getOpcode();
      if (((op >= Opcodes.IALOAD && op <= Opcodes.SALOAD) || (op >= Opcodes.IASTORE && op <= Opcodes.SASTORE))
          && alignedArray(f, x, shape, oneD) != null) {
        FlatRows.RowAccess k = AlignedAccesses.rowAccess(f, x, shape);
        widths.add(k == null ? new FlatRows.RowAccess(RowWidth.ELEMENTS, false) : k);
      }
    }
    return widths;
  }

  private static boolean isTerminal(AbstractInsnNode x) {
    int op = x.getOpcode();
    return (op >= Opcodes.IRETURN && op <= Opcodes.RETURN) || op == Opcodes.ATHROW;
  }
}
