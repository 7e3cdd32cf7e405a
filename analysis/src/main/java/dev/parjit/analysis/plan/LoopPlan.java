package dev.parjit.analysis.plan;

import org.objectweb.asm.tree.AbstractInsnNode;

import java.util.List;

/**
 * What the analysis decided for one natural loop.
 *
 * @param id               loop number in the method, in order of the header's position ({@code #0}, ...)
 * @param line             source line of the loop header, or -1
 * @param parallel         whether the loop runs chunked over ranks
 * @param distribution     {@code 1D_Block}/{@code 1D_Var} when parallel, {@code REP} otherwise
 * @param reason           why the loop stays sequential ({@code null} when parallel)
 * @param shape            the counted-loop shape ({@code null} when the loop is not counted)
 * @param alignedArraySlots local slots of the distributed arrays the loop is aligned with; the first
 *                          one defines the rank's index range. Empty: the iteration range itself is
 *                          block-distributed (a loop over {@code n} with no distributed array)
 * @param accesses         accesses to distributed arrays needing index translation
 * @param reductions       scalar reductions, combined with one allreduce after the loop
 * @param arrayReductions  array reductions (histograms), combined element-wise after the loop
 * @param seriesAccesses   {@code s.getDouble(i)} and the like on a distributed series at the loop's
 *                         index: they read this rank's rows ({@code DistributedFrames.localDouble})
 * @param rowWidth         the width {@code k} when the loop's index counts rows of its arrays,
 *                         indexed {@code a[k * i + c]} (its range is the rows this rank owns); {@code null}
 *                         when it counts elements (element by element, or stepping by {@code k} over rows)
 * @param haloReads        stencil reads {@code u[i + c]} of distributed arrays the loop does not write:
 *                         their neighbours' elements are exchanged before the loop
 * @param extrema          guarded extrema ({@code if (v > best) { best = v; at = i; }}), combined after
 *                         the loop by folding the ranks' bests in rank order
 * @param sharedRows       fixed rows of replicated arrays written at the loop's index ({@code c[0][i] = e}):
 *                         the ranks exchange their blocks of each after the loop
 * @param sharedBlocks     replicated arrays written at exactly the loop's index ({@code a[i] = e}, SPMD mode):
 *                         the ranks exchange their parts of each after the loop
 */
public record LoopPlan(
    int id,
    int line,
    boolean parallel,
    Distribution distribution,
    String reason,
    CountedLoop shape,
    List<Integer> alignedArraySlots,
    List<ArrayAccess> accesses,
    List<ScalarReduction> reductions,
    List<ArrayReduction> arrayReductions,
    List<AbstractInsnNode> seriesAccesses,
    RowWidth rowWidth,
    List<HaloRead> haloReads,
    List<GuardedExtremum> extrema,
    List<SharedRow> sharedRows,
    List<SharedBlock> sharedBlocks) {

  /** A loop writing no shared blocks. */
  public LoopPlan(int id, int line, boolean parallel, Distribution distribution, String reason, CountedLoop shape,
      List<Integer> alignedArraySlots, List<ArrayAccess> accesses, List<ScalarReduction> reductions,
      List<ArrayReduction> arrayReductions, List<AbstractInsnNode> seriesAccesses, RowWidth rowWidth,
      List<HaloRead> haloReads, List<GuardedExtremum> extrema, List<SharedRow> sharedRows) {
    this(id, line, parallel, distribution, reason, shape, alignedArraySlots, accesses, reductions, arrayReductions,
        seriesAccesses, rowWidth, haloReads, extrema, sharedRows, List.of());
  }

  /** A loop writing no shared rows. */
  public LoopPlan(int id, int line, boolean parallel, Distribution distribution, String reason, CountedLoop shape,
      List<Integer> alignedArraySlots, List<ArrayAccess> accesses, List<ScalarReduction> reductions,
      List<ArrayReduction> arrayReductions, List<AbstractInsnNode> seriesAccesses, RowWidth rowWidth,
      List<HaloRead> haloReads, List<GuardedExtremum> extrema) {
    this(id, line, parallel, distribution, reason, shape, alignedArraySlots, accesses, reductions, arrayReductions,
        seriesAccesses, rowWidth, haloReads, extrema, List.of());
  }

  /** A loop without guarded extrema. */
  public LoopPlan(int id, int line, boolean parallel, Distribution distribution, String reason, CountedLoop shape,
      List<Integer> alignedArraySlots, List<ArrayAccess> accesses, List<ScalarReduction> reductions,
      List<ArrayReduction> arrayReductions, List<AbstractInsnNode> seriesAccesses, RowWidth rowWidth,
      List<HaloRead> haloReads) {
    this(id, line, parallel, distribution, reason, shape, alignedArraySlots, accesses, reductions, arrayReductions,
        seriesAccesses, rowWidth, haloReads, List.of());
  }

  /** A loop indexing its arrays element by element, without stencil reads. */
  public LoopPlan(int id, int line, boolean parallel, Distribution distribution, String reason, CountedLoop shape,
      List<Integer> alignedArraySlots, List<ArrayAccess> accesses, List<ScalarReduction> reductions,
      List<ArrayReduction> arrayReductions, List<AbstractInsnNode> seriesAccesses) {
    this(id, line, parallel, distribution, reason, shape, alignedArraySlots, accesses, reductions, arrayReductions,
        seriesAccesses, null, List.of());
  }
}
