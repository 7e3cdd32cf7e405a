package dev.parjit.analysis;

import dev.parjit.analysis.cfg.FlowGraph;
import dev.parjit.analysis.cfg.Liveness;
import dev.parjit.analysis.dataflow.Consumers;
import dev.parjit.analysis.lattice.CallModel;
import dev.parjit.analysis.lattice.DistributionAnalysis;
import dev.parjit.analysis.loops.CountedLoopMatcher;
import dev.parjit.analysis.loops.NaturalLoop;
import dev.parjit.analysis.plan.Distribution;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * What the fact passes computed once per method, read by every decision pass after them.
 *
 * @param shapes          each natural loop's counted shape (or why it has none), in {@code loops} order
 * @param candidateStores each candidate array variable's store of its allocation
 * @param paramSlots      array parameters that may be 1D, slot to parameter index
 * @param calleeSlots     parameters 1D only because callers may pass chunks
 * @param frames          frames alone (arrays taken as REP): which series a row loop may be aligned with
 * @param frameParams     frame-typed parameter slots to parameter index (spawn mode)
 * @param mode            the execution mode the method is compiled for
 */
record MethodFacts(MethodNode method, FlowGraph graph, Liveness liveness, Consumers consumers, LoopSafety safety,
    List<NaturalLoop> loops, List<CountedLoopMatcher.Result> shapes, Map<Integer, AbstractInsnNode> candidateStores,
    Map<Integer, Integer> paramSlots, CallModel calls, Set<Integer> calleeSlots, DistributionAnalysis frames,
    Map<Integer, Integer> frameParams, boolean lazyFrameReturns, Map<Integer, Distribution> seeds,
    Set<String> replicated, BufferRotation rotations,
    dev.parjit.analysis.plan.ExecutionMode mode) { }
