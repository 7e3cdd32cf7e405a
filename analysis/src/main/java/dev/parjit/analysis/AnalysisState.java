package dev.parjit.analysis;

import dev.parjit.analysis.cfg.FlowGraph;
import dev.parjit.analysis.dataflow.Consumers;
import dev.parjit.analysis.lattice.CallModel;
import dev.parjit.analysis.lattice.DistributionAnalysis;
import dev.parjit.analysis.loops.NaturalLoop;
import dev.parjit.analysis.plan.ExecutionMode;
import dev.parjit.analysis.plan.LoopPlan;
import dev.parjit.analysis.plan.MethodPlan;
import dev.parjit.analysis.plan.RepDecision;
import dev.parjit.analysis.plan.SpecializationKey;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * What {@link MethodAnalyzer}'s passes know about one method so far. Each field is written by one
 * pass (named beside it) and read by the passes after it.
 */
final class AnalysisState {

  final ClassNode owner;
  final MethodNode method;
  final ExecutionMode mode;
  /** The {@code @Jit(distributed = ...)} names as the caller gave them. */
  final Set<String> distributed;
  /** {@link ParameterSeedsPass}: the context with {@code @Jit(replicated = ...)} seeds applied. */
  AnalysisContext context;
  /** The model of invoked methods: frame calls, then the other {@code @Jit} methods. */
  CallModel calls;

  /** {@link FlowGraphPass}. */
  FlowGraph graph;
  Consumers consumers;
  List<NaturalLoop> loops;

  /** {@link CandidatesPass} (allocations) and {@link BufferRotationPass} (swapped buffers). */
  final Map<Integer, AbstractInsnNode> candidates = new LinkedHashMap<>();
  final Map<Integer, AbstractInsnNode> candidateStores = new LinkedHashMap<>();
  BufferRotation rotations;
  /** {@link CandidatesPass}: array parameters that may be 1D (slot to index), see {@link MethodFacts}. */
  Map<Integer, Integer> paramSlots;
  Set<Integer> calleeSlots;
  Map<Integer, Integer> frameParams;

  /** {@link LoopShapesPass}: every fact the decision passes read. */
  MethodFacts facts;

  /** {@link LoopDecisionsPass}, then {@link ArrayDistributionsPass} (the fixpoint). */
  final Set<Integer> oneD = new TreeSet<>();
  List<LoopDecision> decisions;
  final Map<Integer, RepDecision> arrayReps = new LinkedHashMap<>();

  /** {@link LatticePass}. */
  DistributionAnalysis lattice;

  /** {@link LoopPlansPass}. */
  List<LoopPlan> loopPlans;
  final List<RepDecision> loopReps = new java.util.ArrayList<>();
  final Map<AbstractInsnNode, dev.parjit.analysis.plan.RowWidth> rowAllocations = new IdentityHashMap<>();
  final Map<Integer, dev.parjit.analysis.plan.RowWidth> rowParameters = new java.util.TreeMap<>();

  /** {@link CallSitesPass}. */
  final List<MethodInsnNode> frameCalls = new java.util.ArrayList<>();
  final List<AbstractInsnNode> printed = new java.util.ArrayList<>();
  final Map<MethodInsnNode, SpecializationKey> callKeys = new LinkedHashMap<>();
  final List<AbstractInsnNode> frameReturns = new java.util.ArrayList<>();

  /** {@link MethodPlanPass}: the result. */
  MethodPlan plan;

  AnalysisState(ClassNode owner, MethodNode method, ExecutionMode mode, AnalysisContext context) {
    this.owner = owner;
    this.method = method;
    this.mode = mode;
    this.distributed = context.distributed();
    this.context = context;
  }
}
