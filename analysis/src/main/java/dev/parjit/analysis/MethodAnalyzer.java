package dev.parjit.analysis;

import dev.parjit.analysis.cfg.Dominators;
import dev.parjit.analysis.cfg.FlowGraph;
import dev.parjit.analysis.cfg.Liveness;
import dev.parjit.analysis.dataflow.Consumers;
import dev.parjit.analysis.frames.FrameCalls;
import dev.parjit.analysis.lattice.CallModel;
import dev.parjit.analysis.lattice.DistValue;
import dev.parjit.analysis.lattice.DistributionAnalysis;
import dev.parjit.analysis.loops.CountedLoopMatcher;
import dev.parjit.analysis.loops.NaturalLoop;
import dev.parjit.analysis.loops.NaturalLoops;
import dev.parjit.analysis.plan.ArrayAccess;
import dev.parjit.analysis.plan.ArrayReduction;
import dev.parjit.analysis.plan.CountedLoop;
import dev.parjit.analysis.plan.Distribution;
import dev.parjit.analysis.plan.ExecutionMode;
import dev.parjit.analysis.plan.LoopPlan;
import dev.parjit.analysis.plan.MethodPlan;
import dev.parjit.analysis.plan.SpecializationKey;
import dev.parjit.analysis.plan.RepDecision;
import dev.parjit.analysis.plan.ScalarReduction;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicValue;

/**
 * Analyses one {@code @Jit} method: which counted loops run chunked over ranks, which arrays are
 * 1D_Block, and which scalar reductions the loops carry.
 *
 * <p>Arrays allocated in the method start 1D_Block and become REP as soon as one use is not
 * understood (anything but {@code a[i]} in a parallel loop over {@code i}, {@code a.length}, or
 * {@code return a}); loops are re-decided until nothing changes. Parameters are REP (sent whole to
 * every rank); scattering 1D parameters, stencils and array reductions come next.
 */
public final class MethodAnalyzer {

  private MethodAnalyzer() { }

  /** Everything computed once per method. */
  private record Facts(MethodNode method, FlowGraph graph, Liveness liveness, Consumers consumers,
      LoopSafety safety, List<NaturalLoop> loops, Map<Integer, AbstractInsnNode> candidateStores,
      Map<Integer, Integer> paramSlots, CallModel calls, Set<Integer> calleeSlots, DistributionAnalysis frames,
      Map<Integer, Integer> frameParams, boolean lazyFrameReturns, Map<Integer, Distribution> seeds,
      Set<String> replicated, Map<Integer, Set<Integer>> rowWidths, BufferRotation rotations) { }

  private record LoopDecision(CountedLoop shape, List<ScalarReduction> reductions, List<ArrayReduction> arrayReductions,
      String reason) {
    LoopDecision(CountedLoop shape, List<ScalarReduction> reductions, String reason) {
      this(shape, reductions, List.of(), reason);
    }
  }

  public static MethodPlan analyze(ClassNode owner, MethodNode method, ExecutionMode mode) throws AnalysisException {
    return analyze(owner, method, mode, Set.of());
  }

  /**
   * As {@link #analyze(ClassNode, MethodNode, ExecutionMode)}, with the {@code @Jit(distributed = ...)}
   * names: in SPMD mode those parameters arrive as each rank's chunk (1D_Var) and a
   * {@code "return"} entry keeps a returned array distributed instead of gathering it.
   */
  public static MethodPlan analyze(ClassNode owner, MethodNode method, ExecutionMode mode, Set<String> distributed)
      throws AnalysisException {
    return analyze(owner, method, mode, AnalysisContext.alone(distributed));
  }

  /** The analysis of one method inside the {@code @Jit} call graph ({@link JitCallGraph}). */
  public static MethodPlan analyze(ClassNode owner, MethodNode method, ExecutionMode mode, AnalysisContext context)
      throws AnalysisException {
    Set<String> distributed = context.distributed();
    context = withReplicatedNames(method, context);
    CallModel calls = new FrameCalls().orElse(context.jitCalls());
    Facts f;
    Map<Integer, AbstractInsnNode> candidates;
    try {
      FlowGraph graph = FlowGraph.of(owner.name, method);
      Consumers consumers = new Consumers(owner.name, method);
      candidates = DistributedArrayCandidates.find(method, consumers);
      Map<Integer, AbstractInsnNode> stores = new LinkedHashMap<>();
      candidates.forEach((slot, alloc) -> stores.put(slot, DistributedArrayCandidates.storeOf(alloc, consumers)));
      // Buffers swapped by a time-step loop: each variable's own allocation is a candidate too.
      BufferRotation rotations = BufferRotation.find(method, consumers, graph);
      rotations.groups().forEach(g -> {
        candidates.putAll(g.allocations());
        stores.putAll(g.stores());
      });
      f = new Facts(method, graph, new Liveness(method, graph), consumers,
          new LoopSafety(owner), NaturalLoops.find(graph, new Dominators(graph)), stores,
          arrayParameters(method, mode, distributed, context.calleeParams(), consumers, context.paramSeeds()), calls,
          calleeSlots(method, mode, distributed, context.calleeParams()),
          // Frames alone (arrays taken as REP): which series a row loop may be aligned with.
          DistributionAnalysis.run(owner.name, method, frameParamRoots(method, mode, context.paramSeeds()), Map.of(),
              calls, mayDemote(frameParameters(method, mode).keySet())),
          frameParameters(method, mode), context.lazyFrameReturns() && !context.replicated().contains(DataVariables.RETURN),
          context.paramSeeds(), context.replicated(), FlatRows.candidates(method, consumers, candidates), rotations);
    } catch (AnalyzerException e) {
      throw new AnalysisException("the method does not verify: " + e.getMessage(), e);
    }
    Set<Integer> oneD = new TreeSet<>(candidates.keySet());
    oneD.addAll(f.paramSlots().keySet());
    Map<Integer, RepDecision> arrayReps = new LinkedHashMap<>();
    List<LoopDecision> decisions;
    while (true) {
      decisions = decideLoops(f, oneD);
      // Reasons that depend on which loops are parallel wait until the structural ones (escapes,
      // in-place updates) are applied: those change the loop decisions, which may then keep
      // arrays 1D that an earlier, pessimistic decision would have lost.
      Map<Integer, String> structural = new LinkedHashMap<>();
      Map<Integer, String> loopDependent = new LinkedHashMap<>();
      for (Integer slot : oneD) {
        String why = whyNot1D(f, slot, decisions, oneD);
        if (why != null) {
          (isLoopDependent(why) ? loopDependent : structural).put(slot, why);
        }
      }
      Map<Integer, String> removed = structural.isEmpty() ? loopDependent : structural;
      if (removed.isEmpty()) {
        break;
      }
      removed = withRotationPartners(f, oneD, removed);
      removed.forEach((slot, why) -> {
        oneD.remove(slot);
        AbstractInsnNode where = candidates.containsKey(slot) ? candidates.get(slot) : method.instructions.getFirst();
        String name = VariableNames.at(method, slot, candidates.containsKey(slot) ? where.getNext() : where);
        arrayReps.put(slot, new RepDecision(name, why, LineTable.line(where)));
      });
    }
    DistributionAnalysis lattice;
    try {
      lattice = lattice(owner, f, mode, candidates, oneD);
    } catch (AnalyzerException e) {
      throw new AnalysisException("the method does not verify: " + e.getMessage(), e);
    }
    return plan(owner, f, mode, candidates, oneD, decisions, arrayReps, distributed.contains("return"), lattice);
  }

  /** Variables that swap arrays with a variable made REP share its arrays: they become REP with it. */
  private static Map<Integer, String> withRotationPartners(Facts f, Set<Integer> oneD, Map<Integer, String> removed) {
    Map<Integer, String> out = new LinkedHashMap<>(removed);
    removed.forEach((slot, why) -> {
      BufferRotation.Group g = f.rotations().groupOf(slot);
      if (g != null) {
        String name = VariableNames.at(f.method(), slot, f.candidateStores().get(slot).getNext());
        g.slots().stream().filter(oneD::contains).forEach(other -> out.putIfAbsent(other,
            "it exchanges arrays with '" + name + "', which is REP"));
      }
    });
    return out;
  }

  private static List<LoopDecision> decideLoops(Facts f, Set<Integer> oneD) {
    List<LoopDecision> out = new ArrayList<>();
    List<NaturalLoop> parallel = new ArrayList<>();
    for (NaturalLoop loop : f.loops()) {
      LoopDecision d = decide(f, loop, parallel, oneD);
      if (d.reason() == null) {
        parallel.add(loop);
      }
      out.add(d);
    }
    return out;
  }

  /** The array of {@code access} (an xALOAD/xASTORE) if it is a 1D array read at the index of {@code loop}. */
  private static Integer alignedArray(Facts f, AbstractInsnNode access, CountedLoop loop, Set<Integer> oneD) {
    return alignedArray(f, access, loop, oneD, null);
  }

  private static Integer alignedArray(Facts f, AbstractInsnNode access, CountedLoop loop, Set<Integer> oneD,
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
   * The slot of {@code k} when {@code access} is {@code a[k * i + j]} on an array allocated as rows of
   * {@code k} ({@link FlatRows}) inside the loop over rows {@code i}; else {@code null}.
   */
  private static Integer rowWidth(Facts f, AbstractInsnNode access, CountedLoop loop) {
    int arrayDepth = access.getOpcode() >= Opcodes.IASTORE ? 2 : 1;
    Set<AbstractInsnNode> array = accessOperand(f, access, arrayDepth);
    if (loop == null || array.size() != 1 || !(array.iterator().next() instanceof VarInsnNode a)
        || !f.rowWidths().containsKey(a.var)) {
      return null;
    }
    NaturalLoop outer = null;
    for (NaturalLoop l : f.loops()) {
      if (f.method().instructions.get(l.header()) == loop.header()) {
        outer = l;
      }
    }
    return outer == null ? null : FlatRows.width(f.method(), f.consumers(), accessOperand(f, access, arrayDepth - 1),
        access, loop, outer, f.loops(), f.rowWidths().get(a.var));
  }

  /**
   * The slot of the distributed series {@code read} ({@code s.getDouble(i)}) reads at the index of
   * {@code loop}, or {@code null}.
   */
  private static Integer alignedSeries(Facts f, AbstractInsnNode read, CountedLoop loop) {
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
  private static boolean seesCandidate(Facts f, VarInsnNode load, Map<Integer, AbstractInsnNode> stores) {
    if (f.paramSlots().containsKey(load.var)) {
      return true; // a parameter slot that is never assigned holds the argument everywhere
    }
    if (stores == null && f.rotations().contains(load.var)) {
      return true; // a swapped buffer holds one of its group's allocations everywhere
    }
    AbstractInsnNode store = (stores != null ? stores : f.candidateStores()).get(load.var);
    return store != null && f.consumers().definitions(load, load.var).contains(store);
  }

  private static LoopDecision decide(Facts f, NaturalLoop loop, List<NaturalLoop> parallel, Set<Integer> oneD) {
    MethodNode method = f.method();
    LineTable lines = new LineTable();
    for (NaturalLoop outer : parallel) {
      if (loop.isInside(outer)) {
        return new LoopDecision(null, List.of(), "it is nested in a parallel loop");
      }
    }
    CountedLoopMatcher.Result match = CountedLoopMatcher.match(method, loop);
    if (match.loop() == null) {
      return new LoopDecision(null, List.of(), match.reason());
    }
    CountedLoop shape = match.loop();
    String dependence = LoopCarriedDependence.check(method, loop, shape, f.consumers(), f.rotations(), lines);
    if (dependence != null) {
      return new LoopDecision(shape, List.of(), dependence);
    }
    int exitIndex = method.instructions.indexOf(shape.exit());
    int jumpIndex = method.instructions.indexOf(shape.exitJump());
    BitSet body = loop.body();
    for (int i = body.nextSetBit(0); i >= 0; i = body.nextSetBit(i + 1)) {
      AbstractInsnNode x = method.instructions.get(i);
      // A throw out of the method (a plain `throw new XException("..." + i)`) is fine: every rank
      // agrees on the lowest rank's exception at the end of the chunked loop, and the lowest rank's
      // iterations come first in the sequential order.
      boolean leaves = f.graph().successors(i).stream().anyMatch(t -> !body.get(t) && !ThrowPaths.only(method, t));
      if (x.getOpcode() == Opcodes.ATHROW && !leaves) {
        continue;
      }
      if (isTerminal(x) || (leaves && i != jumpIndex)) {
        return new LoopDecision(shape, List.of(), "it can leave early (break, return or throw)" + lines.at(x));
      }
    }
    Map<Integer, ArrayReduction> arrayReductions = new LinkedHashMap<>();
    String unsafe = f.safety().check(method, loop, lines, store -> {
      if (alignedArray(f, store, shape, oneD) != null
          || OwnedRowWrites.intoOwnedRow(store, f.consumers(), row -> alignedArray(f, row, shape, oneD) != null)) {
        return true;
      }
      ArrayReductionMatcher.Match m = ArrayReductionMatcher.ofStore(store, f.consumers());
      if (m == null || oneD.contains(m.slot()) || CountedLoopMatcher.storedSlots(method, loop).get(m.slot())
          || !ArrayReductionMatcher.onlyReductions(method, loop, m.slot(), m.op(), f.consumers())) {
        return false;
      }
      ArrayReduction r = new ArrayReduction(m.slot(), m.elementType(), m.op(), VariableNames.at(method, m.slot(), store));
      ArrayReduction before = arrayReductions.putIfAbsent(m.slot(), r);
      return before == null || before.equals(r);
    });
    if (unsafe != null) {
      return new LoopDecision(shape, List.of(), "it " + unsafe);
    }
    String rows = mixedRowWidths(f, loop, shape, oneD);
    if (rows != null) {
      return new LoopDecision(shape, List.of(), rows);
    }
    String haloShape = shape.kind().isDescending() ? "counts down" : loopRowWidth(f, loop, shape, oneD) >= 0
        ? "runs over rows (a[k * i + j])" : null;
    if (haloShape != null) {
      // The exchange fetches around an ascending range of elements: these loops would read wrong halos.
      for (int i = body.nextSetBit(0); i >= 0; i = body.nextSetBit(i + 1)) {
        AbstractInsnNode x = method.instructions.get(i);
        dev.parjit.analysis.plan.HaloRead h = haloRead(f, x, shape, oneD);
        if (h != null) {
          return new LoopDecision(shape, List.of(), "it reads '" + VariableNames.at(method, h.arraySlot(), x)
              + "' at i " + (h.offset() < 0 ? "- " + -h.offset() : "+ " + h.offset()) + " through a halo, but "
              + haloShape + lines.at(x));
        }
      }
    }
    if (shape.kind().isDescending() && !arrayReductions.isEmpty()) {
      // After a failing iteration an array reduction keeps the ranks before the failing one: the
      // sequential order of a loop counting down is the other way round.
      return new LoopDecision(shape, List.of(), "it counts down and updates an array reduction");
    }
    for (int i = body.nextSetBit(0); i >= 0; i = body.nextSetBit(i + 1)) {
      AbstractInsnNode x = method.instructions.get(i);
      if (x instanceof MethodInsnNode m && FrameReads.isElementRead(m) && f.frames().anyArgumentDistributed(m)
          && alignedSeries(f, m, shape) == null) {
        return new LoopDecision(shape, List.of(), "it reads a distributed series at an index other than its own"
            + lines.at(x));
      }
    }
    if (f.liveness().isLiveAt(exitIndex, shape.indexSlot())) {
      return new LoopDecision(shape, List.of(), "its index '"
          + VariableNames.at(method, shape.indexSlot(), shape.initStore()) + "' is used after the loop");
    }
    BitSet stored = CountedLoopMatcher.storedSlots(method, loop);
    stored.clear(shape.indexSlot());
    int header = method.instructions.indexOf(shape.header());
    List<ScalarReduction> reductions = new ArrayList<>();
    for (int s = stored.nextSetBit(0); s >= 0; s = stored.nextSetBit(s + 1)) {
      if (!f.liveness().isLiveAt(header, s) && !f.liveness().isLiveAt(exitIndex, s)) {
        continue; // a temporary of one iteration
      }
      String name = VariableNames.at(method, s, shape.exitJump());
      ReductionMatcher.Match r = ReductionMatcher.match(method, loop, s, f.consumers());
      if (r == null) {
        return new LoopDecision(shape, List.of(), "variable '" + name
            + "' carries a value from one iteration to the next and is not a recognised reduction");
      }
      reductions.add(new ScalarReduction(s, r.type(), r.op(), name));
    }
    return new LoopDecision(shape, reductions, List.copyOf(arrayReductions.values()), null);
  }

  /**
   * Why the loop cannot take its range from its arrays: it indexes some as rows ({@code a[k * i + j]})
   * and others element by element ({@code b[i]}), or as rows of different widths; else {@code null}.
   */
  private static String mixedRowWidths(Facts f, NaturalLoop loop, CountedLoop shape, Set<Integer> oneD) {
    Set<Integer> widths = new java.util.HashSet<>();
    BitSet body = loop.body();
    for (int i = body.nextSetBit(0); i >= 0; i = body.nextSetBit(i + 1)) {
      AbstractInsnNode x = f.method().instructions.get(i);
      int op = x.getOpcode();
      if (((op >= Opcodes.IALOAD && op <= Opcodes.SALOAD) || (op >= Opcodes.IASTORE && op <= Opcodes.SASTORE))
          && alignedArray(f, x, shape, oneD) != null) {
        Integer k = rowWidth(f, x, shape);
        widths.add(k == null ? -1 : k);
      }
    }
    return widths.size() > 1 ? "it indexes arrays as rows (a[k * i + j]) together with arrays indexed otherwise" : null;
  }

  /** The row width of a parallel loop's accesses ({@code -1}: element by element), once mixing is excluded. */
  private static int loopRowWidth(Facts f, NaturalLoop loop, CountedLoop shape, Set<Integer> oneD) {
    BitSet body = loop.body();
    for (int i = body.nextSetBit(0); i >= 0; i = body.nextSetBit(i + 1)) {
      AbstractInsnNode x = f.method().instructions.get(i);
      int op = x.getOpcode();
      if (((op >= Opcodes.IALOAD && op <= Opcodes.SALOAD) || (op >= Opcodes.IASTORE && op <= Opcodes.SASTORE))
          && alignedArray(f, x, shape, oneD) != null) {
        Integer k = rowWidth(f, x, shape);
        return k == null ? -1 : k;
      }
    }
    return -1;
  }

  private static boolean isLoopDependent(String why) {
    return why.startsWith("it is accessed outside a parallel loop")
        || why.startsWith("it is accessed at an index other than the parallel loop's");
  }

  /** {@code null} when every read of the array variable keeps it 1D, else the first reason. */
  private static String whyNot1D(Facts f, int slot, List<LoopDecision> decisions, Set<Integer> oneD) {
    MethodNode method = f.method();
    LineTable lines = new LineTable();
    Set<Integer> widths = new java.util.HashSet<>(); // -1: element by element
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
        return "an element is updated in place (a[k] op= e)" + lines.at(update);
      }
      if (update != null) {
        // a[i] op= e: read and written at the loop's own index, like a separate read and write.
        CountedLoop loop = enclosingParallelLoop(f, update, decisions);
        if (loop == null) {
          return "it is accessed outside a parallel loop" + lines.at(update);
        }
        if (alignedArray(f, update, loop, Set.of(slot)) == null) {
          return "it is accessed at an index other than the parallel loop's" + lines.at(update);
        }
        continue;
      }
      if (uses.size() != 1) {
        return "its value is used in several ways" + lines.at(x);
      }
      AbstractInsnNode use = uses.iterator().next();
      int op = use.getOpcode();
      if (op == Opcodes.ARRAYLENGTH || op == Opcodes.ARETURN) {
        continue;
      }
      boolean access = (op >= Opcodes.IALOAD && op <= Opcodes.SALOAD) || (op >= Opcodes.IASTORE && op <= Opcodes.SASTORE);
      if (op == Opcodes.DUP2) {
        return "an element is updated in place (a[k] op= e)" + lines.at(use);
      }
      if (use instanceof MethodInsnNode call && acceptsDistributed(f, call, x)) {
        continue;
      }
      if (f.rotations().isCopy(use)) {
        continue; // tmp = u; u = v; v = tmp: the group stays distributed as a whole
      }
      if (!access) {
        return "it is passed to code Parjit does not model" + lines.at(use);
      }
      CountedLoop loop = enclosingParallelLoop(f, use, decisions);
      if (loop == null && isElementRead(f, use, decisions)) {
        continue; // the holder shares the element (elementReads)
      }
      if (loop == null) {
        return "it is accessed outside a parallel loop" + lines.at(use);
      }
      if (alignedArray(f, use, loop, Set.of(slot)) == null && haloRead(f, use, loop, Set.of(slot)) == null
          && segmentRead(f, use, decisions, oneD) == null) {
        return "it is accessed at an index other than the parallel loop's" + lines.at(use);
      }
      Integer k = rowWidth(f, use, loop);
      widths.add(k == null ? -1 : k);
      if (widths.size() > 1) {
        return "it is indexed both as rows (a[k * i + j]) and otherwise" + lines.at(use);
      }
    }
    return null;
  }

  /**
   * {@code val[k]} in a CSR row loop's inner loop {@code k = rowptr[i] .. rowptr[i + 1]} of a parallel
   * row loop, with {@code rowptr} 1D (read through a halo), or {@code null} ({@link CsrSegments}).
   */
  private static CsrSegments.SegmentRead segmentRead(Facts f, AbstractInsnNode access, List<LoopDecision> decisions,
      Set<Integer> oneD) {
    int index = f.method().instructions.indexOf(access);
    for (int k = 0; k < f.loops().size(); k++) {
      if (decisions.get(k).reason() == null && f.loops().get(k).body().get(index)) {
        CsrSegments.SegmentRead r = CsrSegments.of(f.method(), f.consumers(), f.loops(), f.loops().get(k),
            decisions.get(k).shape(), access);
        return r != null && oneD.contains(r.rowPointerSlot()) && oneD.contains(r.arraySlot())
            && seesCandidate(f, arrayLoad(f, access), null) ? r : null;
      }
    }
    return null;
  }

  private static VarInsnNode arrayLoad(Facts f, AbstractInsnNode access) {
    return (VarInsnNode) f.consumers().operand(access, 1).iterator().next();
  }

  /**
   * Halo reads of a parameter, each with the other parameters the loop writes: a caller may pass one
   * array as both (SPMD has no per-call alias check; spawn mode runs such calls on the driver).
   */
  private static List<dev.parjit.analysis.plan.HaloRead> withAliasChecks(Facts f, NaturalLoop loop,
      List<dev.parjit.analysis.plan.HaloRead> halos) {
    Set<Integer> written = new TreeSet<>();
    for (int i = loop.body().nextSetBit(0); i >= 0; i = loop.body().nextSetBit(i + 1)) {
      AbstractInsnNode x = f.method().instructions.get(i);
      if (x.getOpcode() >= Opcodes.IASTORE && x.getOpcode() <= Opcodes.SASTORE) {
        Set<AbstractInsnNode> array = accessOperand(f, x, 2);
        if (array.size() == 1 && array.iterator().next() instanceof VarInsnNode v && f.paramSlots().containsKey(v.var)) {
          written.add(v.var);
        }
      }
    }
    List<dev.parjit.analysis.plan.HaloRead> out = new ArrayList<>();
    for (dev.parjit.analysis.plan.HaloRead h : halos) {
      List<Integer> others = f.paramSlots().containsKey(h.arraySlot())
          ? written.stream().filter(w -> w != h.arraySlot()).toList() : List.of();
      out.add(others.isEmpty() ? h : h.withMayBeWritten(others));
    }
    return List.copyOf(out);
  }

  /** The widest stencil offset read through a halo; wider reads keep the array REP. */
  private static final int MAX_HALO = 64;

  /**
   * {@code u[i + c]} ({@code 0 < |c| <= MAX_HALO}) of a 1D array of a halo-capable element type in
   * the parallel loop over {@code i}, or {@code null}. The loop does not write {@code u}: a loop that
   * does has a loop-carried dependence and is not parallel ({@link LoopCarriedDependence}).
   */
  private static dev.parjit.analysis.plan.HaloRead haloRead(Facts f, AbstractInsnNode access, CountedLoop loop,
      Set<Integer> oneD) {
    dev.parjit.analysis.plan.HaloRead h = stencilRead(f, access, loop, oneD);
    return h == null || h.offset() == 0 ? null : h;
  }

  /** {@code u[i + c]} for any {@code |c| <= MAX_HALO}, including {@code u[i]}, as {@link #haloRead} checks it. */
  private static dev.parjit.analysis.plan.HaloRead stencilRead(Facts f, AbstractInsnNode access, CountedLoop loop,
      Set<Integer> oneD) {
    int op = access.getOpcode();
    if (loop == null || !loop.indexType().equals("I") || (op != Opcodes.IALOAD && op != Opcodes.LALOAD
        && op != Opcodes.FALOAD && op != Opcodes.DALOAD)) {
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
    return new dev.parjit.analysis.plan.HaloRead(access, a.var, at.offset());
  }

  /**
   * The store of an in-place update {@code a[i] op= e} when {@code uses} (of the load of {@code a})
   * is javac's {@code dup2} of array and index feeding exactly the element load and the element
   * store; else {@code null}.
   */
  private static AbstractInsnNode inPlaceUpdate(Facts f, Set<AbstractInsnNode> uses) {
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
  private static boolean isLoopIndex(Facts f, AbstractInsnNode at, Set<AbstractInsnNode> index, List<LoopDecision> decisions) {
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
  private static Set<AbstractInsnNode> accessOperand(Facts f, AbstractInsnNode access, int depth) {
    return ArrayOperands.of(f.consumers(), access, depth);
  }

  /**
   * Whether {@code call} keeps the array {@code load} pushes distributed: a frame made from it
   * ({@code DataFrame.of}) or a {@code @Jit} method whose parameter accepts chunks.
   */
  private static boolean acceptsDistributed(Facts f, MethodInsnNode call, AbstractInsnNode load) {
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

  /**
   * The lattice over the whole method, once the array decisions are made: array origins as decided,
   * frame sources demoted where their values escape.
   */
  private static DistributionAnalysis lattice(ClassNode owner, Facts f, ExecutionMode mode,
      Map<Integer, AbstractInsnNode> candidates, Set<Integer> oneD) throws AnalyzerException {
    Map<Integer, Distribution> params = new LinkedHashMap<>();
    Map<AbstractInsnNode, Distribution> allocations = new LinkedHashMap<>();
    for (int slot : oneD) {
      if (candidates.containsKey(slot)) {
        allocations.put(candidates.get(slot), Distribution.ONE_D_BLOCK);
      } else {
        params.put(slot, paramDistribution(f, slot, mode));
      }
    }
    params.putAll(frameParamRoots(f.method(), mode, f.seeds()));
    return DistributionAnalysis.run(owner.name, f.method(), params, allocations, f.calls(),
        mayDemote(f.frameParams().keySet()));
  }

  /** Frame sources, and frame parameters, may be demoted when they escape; arrays are decided by loops. */
  private static java.util.function.Predicate<Object> mayDemote(Set<Integer> frameParamSlots) {
    return root -> root instanceof MethodInsnNode
        || (root instanceof DistValue.Parameter p && frameParamSlots.contains(p.slot()));
  }

  /**
   * Spawn mode: DataFrame and Series parameters start 1D_Var — a lazy result passed back in is a
   * chunk on each worker, a whole frame from the driver is cut to blocks on entry. A specialization
   * knows better: a frame scattered in blocks starts 1D_Block, one passed whole is REP.
   */
  private static Map<Integer, Distribution> frameParamRoots(MethodNode method, ExecutionMode mode,
      Map<Integer, Distribution> seeds) {
    Map<Integer, Distribution> out = new LinkedHashMap<>();
    frameParameters(method, mode).forEach((slot, index) -> {
      Distribution seed = seeds.getOrDefault(index, Distribution.ONE_D_VAR);
      if (seed.isDistributed()) {
        out.put(slot, seed);
      }
    });
    return out;
  }

  /** Frame-typed parameter slots to parameter index (spawn mode only). */
  private static Map<Integer, Integer> frameParameters(MethodNode method, ExecutionMode mode) {
    Map<Integer, Integer> out = new LinkedHashMap<>();
    if (mode != ExecutionMode.SPAWN) {
      return out;
    }
    int slot = (method.access & Opcodes.ACC_STATIC) != 0 ? 0 : 1;
    Type[] args = Type.getArgumentTypes(method.desc);
    for (int k = 0; k < args.length; k++) {
      if (args[k].getSort() == Type.OBJECT && (args[k].getInternalName().equals(FrameCalls.DATA_FRAME)
          || args[k].getInternalName().equals(FrameCalls.SERIES))) {
        out.put(slot, k);
      }
      slot += args[k].getSize();
    }
    return out;
  }

  private static Distribution paramDistribution(Facts f, int slot, ExecutionMode mode) {
    Integer index = f.paramSlots().get(slot);
    if (index != null && f.seeds().get(index) == Distribution.ONE_D_VAR) {
      return Distribution.ONE_D_VAR; // a specialization for a chunk of any length
    }
    return mode == ExecutionMode.SPMD && !f.calleeSlots().contains(slot) ? Distribution.ONE_D_VAR
        : Distribution.ONE_D_BLOCK;
  }

  /**
   * A primitive element load outside parallel loops ({@code u[n / 2]} after a time loop) that keeps
   * its array distributed: one rank holds the element and shares it. Only outside loops, or in loops
   * that each run a parallel loop (time steps), so one collective per step at most: a load in a
   * sequential loop over the elements would cost one collective per element, and makes the array REP.
   */
  private static boolean isElementRead(Facts f, AbstractInsnNode load, List<LoopDecision> decisions) {
    int op = load.getOpcode();
    if (op < Opcodes.IALOAD || op > Opcodes.SALOAD || op == Opcodes.AALOAD) {
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

  /** Whether a parallel loop's header lies inside {@code outer}'s body. */
  private static boolean runsParallelLoop(Facts f, NaturalLoop outer, List<LoopDecision> decisions) {
    for (int k = 0; k < f.loops().size(); k++) {
      NaturalLoop inner = f.loops().get(k);
      if (inner != outer && decisions.get(k).reason() == null
          && outer.body().get(inner.header())) {
        return true;
      }
    }
    return false;
  }

  private static CountedLoop enclosingParallelLoop(Facts f, AbstractInsnNode insn, List<LoopDecision> decisions) {
    int index = f.method().instructions.indexOf(insn);
    for (int k = 0; k < f.loops().size(); k++) {
      if (decisions.get(k).reason() == null && f.loops().get(k).body().get(index)) {
        return decisions.get(k).shape();
      }
    }
    return null;
  }

  private static MethodPlan plan(ClassNode owner, Facts f, ExecutionMode mode, Map<Integer, AbstractInsnNode> candidates,
      Set<Integer> oneD, List<LoopDecision> decisions, Map<Integer, RepDecision> arrayReps, boolean distributedReturn,
      DistributionAnalysis lattice) throws AnalysisException {
    MethodNode method = f.method();
    List<LoopPlan> plans = new ArrayList<>();
    List<RepDecision> reps = new ArrayList<>();
    Map<AbstractInsnNode, Integer> rowAllocations = new java.util.IdentityHashMap<>();
    for (int id = 0; id < f.loops().size(); id++) {
      NaturalLoop loop = f.loops().get(id);
      LoopDecision d = decisions.get(id);
      int line = LineTable.line(method.instructions.get(loop.header()));
      if (d.reason() != null) {
        plans.add(new LoopPlan(id, line, false, Distribution.REP, d.reason(), d.shape(), List.of(), List.of(),
            List.of(), List.of(), List.of()));
        reps.add(new RepDecision("loop #" + id, d.reason(), line));
        continue;
      }
      List<ArrayAccess> accesses = new ArrayList<>();
      List<dev.parjit.analysis.plan.HaloRead> halos = new ArrayList<>();
      List<AbstractInsnNode> seriesReads = new ArrayList<>();
      Set<Integer> aligned = new TreeSet<>();
      // Arrays the loop reads at i + c (c != 0): it never writes them (LoopCarriedDependence), and all
      // their reads in it go through the halo, by global index, so they need not be split like the loop.
      Set<Integer> haloArrays = new TreeSet<>();
      for (int i = loop.body().nextSetBit(0); i >= 0; i = loop.body().nextSetBit(i + 1)) {
        dev.parjit.analysis.plan.HaloRead h = haloRead(f, method.instructions.get(i), d.shape(), oneD);
        if (h != null) {
          haloArrays.add(h.arraySlot());
        }
      }
      for (int i = loop.body().nextSetBit(0); i >= 0; i = loop.body().nextSetBit(i + 1)) {
        AbstractInsnNode x = method.instructions.get(i);
        int op = x.getOpcode();
        dev.parjit.analysis.plan.HaloRead stencil = stencilRead(f, x, d.shape(), oneD);
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
          halos.add(new dev.parjit.analysis.plan.HaloRead(x, segment.arraySlot(), 0, segment.rowPointerSlot(),
              List.of()));
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
              // a[i] op= e: load and store share one index, translated once
              accesses.add(new ArrayAccess(x, slot, index, 0));
            }
          }
        }
      }
      int width = loopRowWidth(f, loop, d.shape(), oneD);
      if (width >= 0) {
        aligned.forEach(slot -> rowAllocations.put(candidates.get(slot), width));
      }
      plans.add(new LoopPlan(id, line, true, seriesReads.isEmpty() ? Distribution.ONE_D_BLOCK : Distribution.ONE_D_VAR,
          null, d.shape(), List.copyOf(aligned), accesses, d.reductions(), d.arrayReductions(), seriesReads, width,
          withAliasChecks(f, loop, halos)));
    }
    List<AbstractInsnNode> allocations = new ArrayList<>();
    List<AbstractInsnNode> lengths = new ArrayList<>();
    List<AbstractInsnNode> returns = new ArrayList<>();
    List<AbstractInsnNode> elementReads = new ArrayList<>();
    for (int slot : oneD) {
      if (candidates.containsKey(slot)) {
        allocations.add(candidates.get(slot));
      }
      for (AbstractInsnNode x : method.instructions) {
        if (x instanceof VarInsnNode v && v.getOpcode() == Opcodes.ALOAD && v.var == slot && seesCandidate(f, v, null)) {
          AbstractInsnNode use = f.consumers().of(x).iterator().next();
          if (use.getOpcode() == Opcodes.ARRAYLENGTH) {
            lengths.add(use);
          } else if (enclosingParallelLoop(f, use, decisions) == null && isElementRead(f, use, decisions)) {
            elementReads.add(use);
          } else if (use.getOpcode() == Opcodes.ARETURN && !distributedReturn) {
            returns.add(use);
          }
        }
      }
    }
    List<Distribution> params = new ArrayList<>(Collections.nCopies(Type.getArgumentTypes(method.desc).length,
        Distribution.REP));
    f.paramSlots().forEach((slot, index) -> params.set(index, oneD.contains(slot) ? paramDistribution(f, slot, mode)
        : Distribution.REP));
    Map<String, Distribution> variables = DataVariables.of(method, lattice, f.paramSlots(), params);
    Distribution returned = DataVariables.returned(method, lattice);
    if (returned != null) {
      variables.put(DataVariables.RETURN, returned); // the value handed back, before any gathering
    }
    List<MethodInsnNode> frameCalls = new ArrayList<>();
    List<MethodInsnNode> printed = new ArrayList<>();
    Map<MethodInsnNode, SpecializationKey> callKeys = new LinkedHashMap<>();
    Set<AbstractInsnNode> localReads = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    plans.forEach(lp -> localReads.addAll(lp.seriesAccesses()));
    for (AbstractInsnNode x : method.instructions) {
      if (localReads.contains(x)) {
        continue; // read locally by the parallel loop
      }
      if (x instanceof MethodInsnNode read && FrameReads.isElementRead(read) && lattice.anyArgumentDistributed(read)
          && insideParallelLoop(f, plans, x)) {
        // Reading a distributed series by global index is a collective (the owner broadcasts);
        // ranks running different iterations cannot do it.
        throw new AnalysisException("a distributed series is read at an index other than the loop's in parallel loop"
            + new LineTable().at(x), null);
      }
      if (x instanceof MethodInsnNode call && call.getOpcode() == Opcodes.INVOKESTATIC && call.owner.equals(owner.name)) {
        SpecializationKey key = callKey(call, lattice);
        if (key != null) {
          callKeys.put(call, key);
        }
      }
      if (x instanceof MethodInsnNode call && FrameCalls.isFrameType(call.owner)) {
        boolean distributed = lattice.anyArgumentDistributed(call);
        if (FrameCalls.isSource(call) || FrameCalls.isArrayWrap(call)) {
          DistValue v = lattice.produced(call);
          distributed = v != null && v.isDistributed();
        }
        if (distributed) {
          frameCalls.add(call); // runs the distributed version
        }
      } else if (x instanceof MethodInsnNode call && FrameCalls.isPrintingCall(call) && lattice.topDistributed(call)) {
        printed.add(call); // gathers the frame first, so every rank prints the whole of it
      } else if (x.getOpcode() == Opcodes.ARETURN && !distributedReturn && !f.lazyFrameReturns()
          && lattice.frameAt(x) != null) {
        var frame = lattice.frameAt(x);
        if (frame.getStack(frame.getStackSize() - 1).isDistributed() && !returns.contains(x)) {
          returns.add(x); // a distributed frame returned where the caller needs it whole
        }
      }
    }
    lattice.demoted().forEach((root, escape) -> {
      String subject = root instanceof DistValue.Parameter p ? VariableNames.at(method, p.slot(), method.instructions.getFirst())
          : DataVariables.nameOfValue(method, (AbstractInsnNode) root);
      reps.add(new RepDecision(subject, escape.reason(), LineTable.line(escape.where())));
    });
    for (LoopPlan lp : plans) {
      for (ArrayReduction r : lp.arrayReductions()) {
        RepDecision d = arrayReps.get(r.slot());
        if (d != null) {
          arrayReps.put(r.slot(), new RepDecision(d.subject(), "it is an array reduction ("
              + r.op().name().toLowerCase() + "), combined element-wise after loop #" + lp.id(), d.line()));
        }
      }
    }
    reps.addAll(arrayReps.values());
    explainRemainingReps(f, mode, lattice, variables, reps);
    // Returned 1D data is gathered whole for the caller (REP) unless the return is named distributed.
    Distribution ret = (distributedReturn || f.lazyFrameReturns()) && lattice.returnsDistributed() ? Distribution.ONE_D_VAR
        : Distribution.REP;
    f.frameParams().forEach((slot, index) -> {
      DistValue v = lattice.local(method.instructions.getFirst(), slot);
      params.set(index, v != null && v.isDistributed() ? v.distribution() : Distribution.REP);
    });
    return new MethodPlan(owner.name, method, mode, owner.sourceFile, firstLine(method),
        params, ret, variables, plans,
        allocations, lengths, reps, returns, frameCalls, printed, DataVariables.definitionLines(method, variables),
        DataVariables.temporaries(method, lattice), callKeys, rowAllocations, elementReads);
  }

  /**
   * How a call passes its arrays and frames: distributed values as they are (1D_Block, 1D_Var),
   * anything else whole (REP). {@code null} when no parameter is distributable data.
   */
  private static SpecializationKey callKey(MethodInsnNode call, DistributionAnalysis lattice) {
    Type[] args = Type.getArgumentTypes(call.desc);
    var frame = lattice.frameAt(call);
    if (frame == null) {
      return null; // unreachable code
    }
    StringBuilder code = new StringBuilder();
    boolean any = false;
    int base = frame.getStackSize() - args.length;
    for (int k = 0; k < args.length; k++) {
      if (!SpecializationKey.distributable(args[k])) {
        code.append(SpecializationKey.OTHER);
        continue;
      }
      any = true;
      Distribution d = frame.getStack(base + k).distribution();
      code.append(d == Distribution.ONE_D_BLOCK ? SpecializationKey.BLOCK
          : d == Distribution.ONE_D_VAR ? SpecializationKey.VAR : SpecializationKey.REP);
    }
    return any ? new SpecializationKey(code.toString()) : null;
  }

  /**
   * {@code @Jit(replicated = ...)}: each named parameter is seeded REP, whatever arrives. A name that
   * is no parameter, or is also named distributed, fails the analysis with that name.
   */
  private static AnalysisContext withReplicatedNames(MethodNode method, AnalysisContext context)
      throws AnalysisException {
    if (context.replicated().isEmpty()) {
      return context;
    }
    Map<Integer, Distribution> seeds = new LinkedHashMap<>(context.paramSeeds());
    Set<String> unknown = new TreeSet<>(context.replicated());
    unknown.remove(DataVariables.RETURN);
    int slot = (method.access & Opcodes.ACC_STATIC) != 0 ? 0 : 1;
    Type[] args = Type.getArgumentTypes(method.desc);
    for (int k = 0; k < args.length; k++) {
      String name = parameterName(method, k, slot);
      if (context.replicated().contains(name)) {
        seeds.put(k, Distribution.REP);
        unknown.remove(name);
      }
      slot += args[k].getSize();
    }
    if (!unknown.isEmpty()) {
      throw new AnalysisException("@Jit(replicated = ...) names " + unknown + ", which are not parameters of "
          + method.name + " (compile with -parameters or -g to use parameter names)");
    }
    for (String name : context.replicated()) {
      if (context.distributed().contains(name)) {
        throw new AnalysisException("'" + name + "' is named in both @Jit(distributed = ...) and @Jit(replicated = ...)");
      }
    }
    return context.withParamSeeds(seeds);
  }

  /** Every REP data variable gets a reason, even when no single use decided it. */
  private static void explainRemainingReps(Facts f, ExecutionMode mode, DistributionAnalysis lattice,
      Map<String, Distribution> variables, List<RepDecision> reps) {
    MethodNode method = f.method();
    Set<String> explained = new java.util.HashSet<>();
    reps.forEach(r -> explained.add(r.subject()));
    Set<String> params = new java.util.HashSet<>();
    Set<String> arrivesWhole = new java.util.HashSet<>();
    int slot = (method.access & Opcodes.ACC_STATIC) != 0 ? 0 : 1;
    Type[] args = Type.getArgumentTypes(method.desc);
    for (int k = 0; k < args.length; k++) {
      params.add(parameterName(method, k, slot));
      if (f.seeds().get(k) == Distribution.REP) {
        arrivesWhole.add(parameterName(method, k, slot));
      }
      slot += args[k].getSize();
    }
    int line = firstLine(method);
    variables.forEach((name, d) -> {
      if (d != Distribution.REP || explained.contains(name)) {
        return;
      }
      String why;
      String origin = demotedOrigin(method, lattice, name);
      String reduction = reductionOrigin(f, lattice, name);
      int at = line;
      if (reduction != null) {
        why = reduction.substring(reduction.indexOf(' ') + 1);
        at = Integer.parseInt(reduction.substring(0, reduction.indexOf(' ')));
      } else if (name.equals(DataVariables.RETURN)) {
        return; // a replicated variable returned: its own line says why
      } else if (origin != null) {
        why = "it is derived from '" + origin + "', which is REP";
      } else if (f.replicated().contains(name)) {
        why = "it is named in @Jit(replicated = ...)";
      } else if (arrivesWhole.contains(name)) {
        why = "this specialization's argument arrives whole (REP)";
      } else if (params.contains(name)) {
        why = mode == ExecutionMode.SPMD
            ? "parameters are replicated in SPMD mode unless named in @Jit(distributed = ...)"
            : "the parameter is reassigned, or is not a one-dimensional primitive array";
      } else {
        why = "it is not an array allocated in the method, a 1D parameter or a frame source";
      }
      reps.add(new RepDecision(name, why, params.contains(name) ? -1 : reduction != null ? at : line));
    });
  }

  private static boolean insideParallelLoop(Facts f, List<LoopPlan> plans, AbstractInsnNode x) {
    int index = f.method().instructions.indexOf(x);
    for (int k = 0; k < plans.size(); k++) {
      if (plans.get(k).parallel() && f.loops().get(k).body().get(index)) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code "LINE result of reduction Series.mean()"} when the value stored into {@code name} (or
   * returned, for {@code "return"}) is a reduction of distributed data; else {@code null}.
   */
  private static String reductionOrigin(Facts f, DistributionAnalysis lattice, String name) {
    MethodNode method = f.method();
    for (AbstractInsnNode x : method.instructions) {
      boolean sink = name.equals(DataVariables.RETURN) ? x.getOpcode() == Opcodes.ARETURN
          : x instanceof VarInsnNode v && v.getOpcode() == Opcodes.ASTORE
              && VariableNames.at(method, v.var, x.getNext() != null ? x.getNext() : x).equals(name);
      if (!sink) {
        continue;
      }
      Set<AbstractInsnNode> producers = f.consumers().operand(x, 0);
      if (producers.size() == 1 && producers.iterator().next() instanceof MethodInsnNode call
          && FrameCalls.isFrameType(call.owner) && lattice.anyArgumentDistributed(call)) {
        return LineTable.line(call) + " result of reduction " + call.owner.substring(call.owner.lastIndexOf('/') + 1)
            + "." + call.name + "()";
      }
    }
    return null;
  }

  /** The variable name of a demoted origin that a value stored into {@code name} derives from. */
  private static String demotedOrigin(MethodNode method, DistributionAnalysis lattice, String name) {
    for (AbstractInsnNode x : method.instructions) {
      if (x instanceof VarInsnNode v && v.getOpcode() == Opcodes.ASTORE && lattice.frameAt(x) != null
          && VariableNames.at(method, v.var, x.getNext() != null ? x.getNext() : x).equals(name)) {
        var frame = lattice.frameAt(x);
        for (Object root : frame.getStack(frame.getStackSize() - 1).roots()) {
          if (lattice.demoted().containsKey(root) && root instanceof AbstractInsnNode r) {
            String origin = DataVariables.nameOfValue(method, r);
            if (!origin.equals(name)) {
              return origin;
            }
          }
        }
      }
    }
    return null;
  }

  /**
   * Primitive array parameters that the method never reassigns and that may be 1D, slot to
   * parameter index: all of them in spawn mode (the driver scatters them), those named in
   * {@code distributed} in SPMD mode (each rank passes its chunk). They meet REP like any array.
   */
  private static Map<Integer, Integer> arrayParameters(MethodNode method, ExecutionMode mode, Set<String> distributed,
      Set<Integer> calleeParams, Consumers consumers, Map<Integer, Distribution> seeds) {
    Map<Integer, Integer> out = new LinkedHashMap<>();
    Set<Integer> stored = new java.util.HashSet<>();
    for (AbstractInsnNode x : method.instructions) {
      if (x instanceof VarInsnNode v && v.getOpcode() >= Opcodes.ISTORE && v.getOpcode() <= Opcodes.ASTORE) {
        stored.add(v.var);
      } else if (x instanceof org.objectweb.asm.tree.IincInsnNode inc) {
        stored.add(inc.var);
      }
    }
    int slot = (method.access & Opcodes.ACC_STATIC) != 0 ? 0 : 1;
    Type[] args = Type.getArgumentTypes(method.desc);
    for (int k = 0; k < args.length; k++) {
      Type t = args[k];
      // In SPMD a caller's chunk arrives only from other @Jit methods; main passes whole arrays,
      // which the method then reads as its block - so the array must be read-only there.
      boolean wanted = mode == ExecutionMode.SPAWN || distributed.contains(parameterName(method, k, slot))
          || (calleeParams.contains(k) && !writesInto(method, slot, consumers));
      wanted &= seeds.get(k) != Distribution.REP; // a specialization for a whole array
      if (wanted && dev.parjit.analysis.plan.ArrayShapes.isDistributable(t) && !stored.contains(slot)) {
        out.put(slot, k);
      }
      slot += t.getSize();
    }
    return out;
  }

  /** Slots of parameters that are 1D only because callers may pass chunks (SPMD, not named distributed). */
  private static Set<Integer> calleeSlots(MethodNode method, ExecutionMode mode, Set<String> distributed,
      Set<Integer> calleeParams) {
    Set<Integer> out = new java.util.HashSet<>();
    int slot = (method.access & Opcodes.ACC_STATIC) != 0 ? 0 : 1;
    Type[] args = Type.getArgumentTypes(method.desc);
    for (int k = 0; k < args.length; k++) {
      if (mode == ExecutionMode.SPAWN || (calleeParams.contains(k) && !distributed.contains(parameterName(method, k, slot)))) {
        out.add(slot);
      }
      slot += args[k].getSize();
    }
    return out;
  }

  /** Whether an element of the array in {@code slot} is ever stored. */
  private static boolean writesInto(MethodNode method, int slot, Consumers consumers) {
    for (AbstractInsnNode x : method.instructions) {
      int op = x.getOpcode();
      if (op >= Opcodes.IASTORE && op <= Opcodes.SASTORE) {
        for (AbstractInsnNode a : consumers.operand(x, 2)) {
          if (a instanceof VarInsnNode v && v.var == slot) {
            return true;
          }
        }
      }
    }
    return false;
  }


  /** A parameter's source name: MethodParameters, else the LocalVariableTable, else {@code slotN}. */
  static String parameterName(MethodNode method, int index, int slot) {
    if (method.parameters != null && index < method.parameters.size() && method.parameters.get(index).name != null) {
      return method.parameters.get(index).name;
    }
    return VariableNames.at(method, slot, method.instructions.getFirst());
  }

  private static boolean isTerminal(AbstractInsnNode x) {
    int op = x.getOpcode();
    return (op >= Opcodes.IRETURN && op <= Opcodes.RETURN) || op == Opcodes.ATHROW;
  }

  private static int firstLine(MethodNode method) {
    for (AbstractInsnNode x : method.instructions) {
      if (x instanceof LineNumberNode ln) {
        return ln.line;
      }
    }
    return -1;
  }
}
