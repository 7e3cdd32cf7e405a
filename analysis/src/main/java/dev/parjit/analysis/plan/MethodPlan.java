package dev.parjit.analysis.plan;

import java.util.List;
import java.util.Map;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The analysis result for one method, compiled for one {@link ExecutionMode}: everything the
 * transforms need (they decide nothing themselves) and everything diagnostics print.
 *
 * @param owner                  internal name of the declaring class
 * @param method                 the analysed method tree (the transforms edit it in place)
 * @param mode                   the execution mode assumed
 * @param sourceFile             the class's SourceFile attribute, or {@code null}
 * @param firstLine              first source line of the method, or -1
 * @param paramDistributions     per declared parameter (not counting {@code this}); non-arrays are REP
 * @param returnDistribution     distribution of the returned value
 * @param variables              source-named locals (LocalVariableTable, else {@code slotN}) and their
 *                               distributions, in slot order; only arrays and frames are listed
 * @param loops                  every natural loop, in header order
 * @param distributedAllocations array allocations ({@code NEWARRAY}/{@code ANEWARRAY}) whose arrays are
 *                               1D_Block: allocated at the rank's local length
 * @param globalLengths          {@code ARRAYLENGTH} instructions on distributed arrays: they must
 *                               answer the global length
 * @param repDecisions           each REP decision with its reason and line
 * @param replicatedReturns      {@code ARETURN}s of a distributed array where the caller needs the
 *                               whole array: the rewrite gathers it on every rank first
 * @param replicatedArguments    printing calls whose frame argument, and {@code AASTORE}s whose stored
 *                               frame, is distributed: the rewrite gathers the value on top of the
 *                               stack whole on every rank first
 * @param callKeys               static calls to methods of the same class that take arrays or frames,
 *                               with how each argument arrives (the callee's specialization key)
 * @param rowAllocations         distributed allocations of arrays indexed as rows {@code a[k * i + c]},
 *                               to the width {@code k}: allocated in blocks of whole rows
 * @param elementReads           element loads ({@code XALOAD}) of distributed arrays outside every
 *                               parallel loop: the rank holding the element shares it with the others;
 *                               an {@code AALOAD} here loads a row only for the {@code ARRAYLENGTH} right
 *                               after it ({@code m[r].length}, spawn mode): the holder shares the length
 * @param rowPlacedAllocations   distributed allocations whose length is a distributed frame's
 *                               {@code numRows()} (a series' {@code size()}), to that size read: each
 *                               rank allocates its rows' count at the frame's first global row
 * @param rowParameters          1D array parameters indexed as rows {@code a[k * i + c]}, slot to the
 *                               width {@code k} (a constant or a parameter): the chunk each rank
 *                               receives is re-split into blocks of whole rows where the method starts,
 *                               and what the method wrote goes back into the chunk before it returns
 */
public record MethodPlan(
    String owner,
    MethodNode method,
    ExecutionMode mode,
    String sourceFile,
    int firstLine,
    List<Distribution> paramDistributions,
    Distribution returnDistribution,
    Map<String, Distribution> variables,
    List<LoopPlan> loops,
    List<AbstractInsnNode> distributedAllocations,
    List<AbstractInsnNode> globalLengths,
    List<RepDecision> repDecisions,
    List<AbstractInsnNode> replicatedReturns,
    List<org.objectweb.asm.tree.MethodInsnNode> distributedFrameCalls,
    List<AbstractInsnNode> replicatedArguments,
    Map<String, java.util.SortedSet<Integer>> definitionLines,
    Map<String, Distribution> temporaries,
    Map<org.objectweb.asm.tree.MethodInsnNode, SpecializationKey> callKeys,
    Map<AbstractInsnNode, RowWidth> rowAllocations,
    List<AbstractInsnNode> elementReads,
    Map<AbstractInsnNode, org.objectweb.asm.tree.MethodInsnNode> rowPlacedAllocations,
    List<RowParameter> rowParameters) {

  /** Whether anything runs distributed: a parallel loop, or data kept split over ranks. */
  public boolean isDistributed() {
    return hasParallelism() || variables.values().stream().anyMatch(Distribution::isDistributed)
        || !distributedFrameCalls.isEmpty();
  }

  /** Whether the method has data or loops that could have been distributed. */
  public boolean hasDistributableData() {
    return !variables.isEmpty() || !loops.isEmpty();
  }

  /** Whether any loop runs in parallel. */
  public boolean hasParallelism() {
    return loops.stream().anyMatch(LoopPlan::parallel);
  }

  /** {@code C.m}, as diagnostics name the method (simple class name). */
  public String displayName() {
    String simple = owner.substring(owner.lastIndexOf('/') + 1);
    return simple + "." + method.name;
  }
}
