package dev.parjit.analysis;

import static dev.parjit.analysis.AlignedAccesses.accessOperand;
import static dev.parjit.analysis.AlignedAccesses.alignedArray;
import static dev.parjit.analysis.AlignedAccesses.alignedSeries;
import static dev.parjit.analysis.AlignedAccesses.haloRead;
import static dev.parjit.analysis.AlignedAccesses.indexedRead;
import static dev.parjit.analysis.AlignedAccesses.segmentRead;
import static dev.parjit.analysis.AlignedAccesses.stencilRead;

import dev.parjit.analysis.loops.NaturalLoop;
import dev.parjit.analysis.plan.ArrayAccess;
import dev.parjit.analysis.plan.Distribution;
import dev.parjit.analysis.plan.HaloRead;
import dev.parjit.analysis.plan.LoopPlan;
import dev.parjit.analysis.plan.RepDecision;
import dev.parjit.analysis.plan.RowWidth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Each loop's plan from its decision: a sequential loop with its reason, or a parallel loop with
 * the accesses the rewriter translates to local indices, the halo reads (stencils and CSR segments)
 * it fetches first, the series it reads locally and the row width its range is taken in.
 */
final class LoopPlansPass implements AnalysisPass {

  @Override
  public String name() {
    return "loop plans";
  }

  @Override
  public void run(AnalysisState s) throws AnalysisException {
    MethodFacts f = s.facts;
    MethodNode method = s.method;
    Set<Integer> oneD = s.oneD;
    List<LoopDecision> decisions = s.decisions;
    Map<Integer, AbstractInsnNode> candidates = s.candidates;
    List<LoopPlan> plans = new ArrayList<>();
    List<RepDecision> reps = s.loopReps;
    Map<AbstractInsnNode, RowWidth> rowAllocations = s.rowAllocations;
    Set<Integer> invariant = InvariantArrays.of(f);
    for (int id = 0; id < f.loops().size(); id++) {
      NaturalLoop loop = f.loops().get(id);
      LoopDecision d = decisions.get(id);
      int line = LineTable.line(method.instructions.get(loop.header()));
      if (!d.parallel()) {
        String reason = d.reason().text();
        plans.add(new LoopPlan(id, line, false, Distribution.REP, reason, d.shape(), List.of(), List.of(),
            List.of(), List.of(), List.of()));
        reps.add(RepDecision.loop(id, d.reason().sentence(), d.reason().line(), line));
        continue;
      }
      List<ArrayAccess> accesses = new ArrayList<>();
      List<HaloRead> halos = new ArrayList<>();
      List<AbstractInsnNode> seriesReads = new ArrayList<>();
      Set<Integer> aligned = new TreeSet<>();
      // Arrays the loop reads at i + c (c != 0): it never writes them (LoopCarriedDependence), and all
      // their reads in it go through the halo, by global index, so they need not be split like the loop.
      Set<Integer> haloArrays = new TreeSet<>();
      for (int i = loop.body().nextSetBit(0); i >= 0; i = loop.body().nextSetBit(i + 1)) {
        HaloRead h = haloRead(f, method.instructions.get(i), d.shape(), oneD);
        if (h != null) {
          haloArrays.add(h.arraySlot());
        }
      }
      for (int i = loop.body().nextSetBit(0); i >= 0; i = loop.body().nextSetBit(i + 1)) {
        AbstractInsnNode x = method.instructions.get(i);
        int op = x.getOpcode();
        HaloRead stencil = stencilRead(f, x, d.shape(), oneD);
        if (stencil != null && haloArrays.contains(stencil.arraySlot())) {
          halos.add(stencil);
          continue;
        }
        CsrSegments.SegmentRead segment = x.getOpcode() >= Opcodes.IALOAD && x.getOpcode() <= Opcodes.SALOAD
            ? segmentRead(f, x, decisions, oneD) : null;
        if (segment != null) {
          if (!haloArrays.contains(segment.rowPointerSlot())) {
            // The nonzeros stayed 1D because the row pointer is read through a halo: never read a chunk
            // by global index without one.
            throw new AnalysisException("the row pointer of a CSR read has no halo in loop #" + id
                + new LineTable().at(x), null);
          }
          // val[k] of the rank's rows: fetched like a halo, from the row pointer's values
          halos.add(new HaloRead(x, segment.arraySlot(), 0, segment.rowPointerSlot(),
              List.of()));
          continue;
        }
        HaloRead fixed = AlignedAccesses.fixedRowRead(f, x, d.shape(), oneD);
        if (fixed != null) {
          // a[r * k + c]: row r, which the loop never writes, fetched from its owner before the loop
          halos.add(fixed);
          continue;
        }
        HaloRead indexed = indexedRead(f, x, decisions, oneD);
        if (indexed != null) {
          // x[col[k]]: the elements the rank's column indices name, fetched after col's own segment
          halos.add(indexed);
          continue;
        }
        Integer series = alignedSeries(f, x, d.shape());
        if (series != null) {
          aligned.add(series);
          seriesReads.add(x);
          continue;
        }
        if ((op >= Opcodes.IALOAD && op <= Opcodes.SALOAD) || (op >= Opcodes.IASTORE && op <= Opcodes.SASTORE)) {
          Integer slot = alignedArray(f, x, d.shape(), oneD);
          if (slot != null) {
            aligned.add(slot);
            int indexDepth = op >= Opcodes.IASTORE ? 1 : 0;
            AbstractInsnNode index = accessOperand(f, x, indexDepth).iterator().next();
            if (accesses.stream().noneMatch(a -> a.indexProducer() == index)) {
              // a[i] op= e: load and store share one index, translated once (and checked at the load,
              // where the sequential run would fail first)
              accesses.add(new ArrayAccess(x, slot, index, 0, false));
            }
          }
        }
      }
      RowWidth width = LoopDecisions.loopRowWidth(f, loop, d.shape(), oneD);
      if (!width.equals(RowWidth.ELEMENTS)) {
        // The fixpoint left each array one width: its allocation, or its chunk where the method starts.
        for (int slot : aligned) {
          if (candidates.containsKey(slot)) {
            rowAllocations.put(candidates.get(slot), width);
          } else if (f.paramSlots().containsKey(slot)) {
            s.rowParameters.put(slot, width);
          }
        }
      }
      RowWidth overRows = LoopDecisions.overRows(f, loop, d.shape(), oneD);
      List<ArrayAccess> checked = inRange(f, d.shape(), aligned, overRows, accesses);
      plans.add(new LoopPlan(id, line, true, seriesReads.isEmpty() ? Distribution.ONE_D_BLOCK : Distribution.ONE_D_VAR,
          null, d.shape(), List.copyOf(aligned), checked, d.reductions(), d.arrayReductions(), seriesReads, overRows,
          markInvariant(f, loop, withAliasChecks(f, loop, halos), invariant, d), d.extrema(),
          SharedRowWrites.of(f, s.owner, loop, d.shape(), oneD), SharedBlockWrites.of(f, s.owner, loop, d.shape(), oneD)));
    }
    s.loopPlans = plans;
  }

  /**
   * The accesses with what {@link IndexBounds} proved: an array proven in range on its own, or any
   * access when one of the loop's aligned arrays is proven in range and never null (the others are
   * split and sized like it, or the loop fails before its first iteration).
   */
  private static List<ArrayAccess> inRange(MethodFacts f, dev.parjit.analysis.plan.CountedLoop shape,
      Set<Integer> aligned, RowWidth overRows, List<ArrayAccess> accesses) {
    Map<Integer, IndexBounds.Reach> reach = new java.util.HashMap<>();
    aligned.forEach(slot -> reach.put(slot, IndexBounds.inRange(f, shape, slot, overRows)));
    boolean all = reach.containsValue(IndexBounds.Reach.ALWAYS);
    List<ArrayAccess> out = new ArrayList<>();
    for (ArrayAccess a : accesses) {
      // An access at an offset inside the iteration's own row (pairs v[i], v[i + 1] stepping by 2) is
      // not what the bounds prove: it keeps its check.
      boolean proven = a.offset() == 0
          && (all || reach.getOrDefault(a.arraySlot(), IndexBounds.Reach.NONE) != IndexBounds.Reach.NONE);
      out.add(new ArrayAccess(a.access(), a.arraySlot(), a.indexProducer(), a.offset(), proven));
    }
    return out;
  }

  /**
   * Each halo read whose exchange depends only on arrays the method never writes
   * ({@link InvariantArrays}): the rewrite computes that once per invocation. Only in a loop inside
   * another (a solver's iterations), whose preheader runs more than once; not in a loop with array
   * reductions, whose range may depend on which arrays alias.
   */
  private static List<HaloRead> markInvariant(MethodFacts f, NaturalLoop loop, List<HaloRead> halos,
      Set<Integer> invariant, LoopDecision d) {
    boolean repeated = f.loops().stream().anyMatch(outer -> outer != loop && loop.isInside(outer));
    if (!repeated || !d.arrayReductions().isEmpty()) {
      return halos;
    }
    // A fixed row's row r may change between entries of the loop: fetched again each time.
    return halos.stream().map(h -> !h.isFixedRow() && invariant.containsAll(h.planInputs()) ? h.withInvariant(true) : h)
        .toList();
  }

  /**
   * Halo reads of a parameter, each with the other parameters the loop writes: a caller may pass one
   * array as both (SPMD has no per-call alias check; spawn mode runs such calls on the driver). A
   * variable holding a parameter's array ({@code from = u}, {@link BufferRotation}) counts as one.
   */
  private static List<HaloRead> withAliasChecks(MethodFacts f, NaturalLoop loop,
      List<HaloRead> halos) {
    Set<Integer> callers = new TreeSet<>(f.paramSlots().keySet());
    callers.addAll(f.rotations().parameterHolders());
    Set<Integer> written = new TreeSet<>();
    for (int i = loop.body().nextSetBit(0); i >= 0; i = loop.body().nextSetBit(i + 1)) {
      AbstractInsnNode x = f.method().instructions.get(i);
      if (x.getOpcode() >= Opcodes.IASTORE && x.getOpcode() <= Opcodes.SASTORE) {
        Set<AbstractInsnNode> array = accessOperand(f, x, 2);
        if (array.size() == 1 && array.iterator().next() instanceof VarInsnNode v && callers.contains(v.var)) {
          written.add(v.var);
        }
      }
    }
    List<HaloRead> out = new ArrayList<>();
    for (HaloRead h : halos) {
      List<Integer> others = callers.contains(h.arraySlot())
          ? written.stream().filter(w -> w != h.arraySlot()).toList() : List.of();
      out.add(others.isEmpty() ? h : h.withMayBeWritten(others));
    }
    return List.copyOf(out);
  }
}
