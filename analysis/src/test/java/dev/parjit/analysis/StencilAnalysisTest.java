package dev.parjit.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parjit.analysis.plan.Distribution;
import dev.parjit.analysis.plan.ExecutionMode;
import dev.parjit.analysis.plan.HaloRead;
import dev.parjit.analysis.plan.LoopPlan;
import dev.parjit.analysis.plan.MethodPlan;
import dev.parjit.analysis.plan.ReductionOp;
import dev.parjit.analysis.targets.StencilTargets;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Stencils (halo reads, swapped buffers, loop-carried dependences), indirect reads, sparse rows, scatter-adds. */
class StencilAnalysisTest {

  private static MethodPlan plan(String name) throws Exception {
    return TargetPlans.plan(StencilTargets.class, name, ExecutionMode.SPAWN);
  }

  private static TreeSet<Integer> offsets(LoopPlan loop) {
    TreeSet<Integer> out = new TreeSet<>();
    loop.haloReads().forEach(h -> out.add(h.offset()));
    return out;
  }

  private static String reasons(MethodPlan p) {
    return p.repDecisions().toString();
  }

  @Test
  void aThreePointStencilIsParallelWithAHaloOfOneOnEachSide() throws Exception {
    MethodPlan p = plan("smooth");
    LoopPlan loop = p.loops().get(0);
    assertTrue(loop.parallel(), loop.reason());
    assertEquals(List.of(Distribution.ONE_D_BLOCK, Distribution.ONE_D_BLOCK), p.paramDistributions());
    assertEquals(new TreeSet<>(List.of(-1, 0, 1)), offsets(loop), "every read of u goes through the halo");
    assertEquals(List.of(1), loop.alignedArraySlots(), "the loop runs over v's chunk; u need not be split alike");
    for (HaloRead h : loop.haloReads()) {
      assertTrue(loop.accesses().stream().noneMatch(a -> a.access() == h.load()), "halo reads keep their global index");
      assertEquals(0, h.arraySlot());
    }
    assertEquals(1, loop.accesses().size(), "v[i]");
    assertTrue(loop.haloReads().stream().allMatch(h -> h.mayBeWritten().equals(List.of(1))),
        "a caller could pass one array as u and v: checked before the exchange");
  }

  @Test
  void aStencilCountingDownStaysSequentialWithItsReason() throws Exception {
    // The first round declines the loop for its halo reads; its arrays then turn REP, and the loop's
    // final reason is the one that names them.
    LoopPlan loop = plan("smoothDown").loops().get(0);
    assertFalse(loop.parallel(), "a halo exchanged around a loop counting down would be read wrong");
    assertTrue(loop.reason().startsWith("it writes into an array that is not distributed with the loop"), loop.reason());
  }

  @Test
  void widerOffsetsAndAReductionOverTheReads() throws Exception {
    MethodPlan p = plan("wide");
    LoopPlan loop = p.loops().get(0);
    assertTrue(loop.parallel(), loop.reason());
    assertEquals(new TreeSet<>(List.of(-2, -1, 1, 2)), offsets(loop), "u[i] is never read");
    assertEquals(ReductionOp.SUM, loop.reductions().get(0).op());
  }

  @Test
  void swappedBuffersStayDistributedAcrossTheTimeSteps() throws Exception {
    MethodPlan p = plan("jacobi");
    assertEquals(3, p.loops().size());
    assertTrue(p.loops().get(0).parallel(), "the initialisation");
    assertFalse(p.loops().get(1).parallel(), "the time-step loop stays sequential");
    LoopPlan sweep = p.loops().get(2);
    assertTrue(sweep.parallel(), sweep.reason());
    assertEquals(new TreeSet<>(List.of(-1, 0, 1)), offsets(sweep));
    for (String v : List.of("u", "v", "tmp")) {
      assertEquals(Distribution.ONE_D_BLOCK, p.variables().get(v), v + ": " + reasons(p));
    }
    assertEquals(2, p.distributedAllocations().size(), "both buffers are allocated in chunks");
    assertTrue(sweep.haloReads().stream().allMatch(h -> h.mayBeWritten().isEmpty()), "the method's own arrays");
    assertEquals(1, p.replicatedReturns().size(), "the result is gathered for the caller");
  }

  @Test
  void buffersTakenFromDistinctParametersStayDistributedAndAreCheckedDistinct() throws Exception {
    MethodPlan p = plan("jacobiParams");
    LoopPlan sweep = p.loops().get(1);
    assertFalse(p.loops().get(0).parallel(), "the time-step loop stays sequential");
    assertTrue(sweep.parallel(), sweep.reason());
    assertEquals(new TreeSet<>(List.of(-1, 1)), offsets(sweep));
    assertEquals(List.of(Distribution.ONE_D_BLOCK, Distribution.ONE_D_BLOCK, Distribution.REP), p.paramDistributions(),
        reasons(p));
    for (String v : List.of("from", "to", "swap")) {
      assertEquals(Distribution.ONE_D_BLOCK, p.variables().get(v), v + ": " + reasons(p));
    }
    assertTrue(p.distributedAllocations().isEmpty(), "the caller's arrays arrive as chunks: nothing to allocate");
    int from = sweep.haloReads().get(0).arraySlot();
    int to = sweep.alignedArraySlots().get(0);
    assertTrue(from != to, "reads one buffer, runs over the other");
    assertTrue(sweep.haloReads().stream().allMatch(h -> h.mayBeWritten().equals(List.of(to))),
        "a caller passing one array twice is caught before the exchange: " + sweep.haloReads());
    assertTrue(sweep.haloReads().stream().noneMatch(HaloRead::invariant), "the buffers are written: no memo");
  }

  @Test
  void buffersHoldingOneParameterOrMixingAParameterWithAnAllocationStaySequential() throws Exception {
    for (String name : List.of("jacobiOneParam", "jacobiMixed")) {
      LoopPlan sweep = plan(name).loops().get(1);
      assertFalse(sweep.parallel(), name);
      assertTrue(sweep.reason().contains("loop-carried dependence")
          || sweep.reason().startsWith("it writes into an array that is not distributed with the loop"),
          name + ": " + sweep.reason());
    }
  }

  @Test
  void aParameterFeedingTwoGroupsKeepsTheSweepSequential() throws Exception {
    LoopPlan sweep = plan("jacobiTwoGroups").loops().get(1);
    assertFalse(sweep.parallel(), "p and to both hold a on the second step");
  }

  @Test
  void aParameterReadBesideTheBufferThatMayHoldItIsALoopCarriedDependence() throws Exception {
    LoopPlan sweep = plan("jacobiParamsReadingA").loops().get(1);
    assertFalse(sweep.parallel(), "to may be a on odd steps");
    assertTrue(sweep.reason().contains("reads 'a' at i + 1") && sweep.reason().contains("which may be the same array"),
        sweep.reason());
  }

  @Test
  void diagnosticsNameWhatEachLoopReadsThroughAHalo() throws Exception {
    MethodPlan p = plan("jacobi");
    String text = dev.parjit.analysis.diagnostics.DiagnosticsText.render(p, null, 1);
    assertTrue(text.contains("1D_Block (halo: u[i-1..i+1])"), text);
    String wide = dev.parjit.analysis.diagnostics.DiagnosticsText.render(plan("wide"), null, 1);
    assertTrue(wide.contains("(halo: u[i-2..i+2])"), wide);
  }

  @Test
  void buffersThatEndUpAsOneArrayAreALoopCarriedDependence() throws Exception {
    MethodPlan p = plan("collapsed");
    LoopPlan sweep = p.loops().get(1);
    assertFalse(sweep.parallel());
    assertTrue(sweep.reason().contains("reads 'u' at i - 1") && sweep.reason().contains("'v', which may be the same array"),
        sweep.reason());
  }

  @Test
  void gaussSeidelAndAnInPlacePrefixStaySequentialNamingTheDependence() throws Exception {
    for (String name : List.of("gaussSeidel", "prefixInPlace")) {
      LoopPlan loop = plan(name).loops().get(0);
      assertFalse(loop.parallel(), name);
      assertTrue(loop.reason().contains("at i - 1") && loop.reason().contains("loop-carried dependence"),
          name + ": " + loop.reason());
    }
  }

  @Test
  void offsetsBeyondTheHaloWidthAndByteArraysKeepTheArrayReplicated() throws Exception {
    MethodPlan far = plan("farAway");
    assertEquals(Distribution.REP, far.variables().get("u"), reasons(far));
    assertTrue(far.loops().get(0).haloReads().isEmpty());
    MethodPlan bytes = plan("bytes");
    assertEquals(Distribution.REP, bytes.variables().get("u"), reasons(bytes));
    assertTrue(bytes.loops().get(0).haloReads().isEmpty());
  }

  @Test
  void anIndirectReadReplicatesTheReadArrayAndDistributesTheIndices() throws Exception {
    MethodPlan p = plan("gather");
    assertTrue(p.loops().get(0).parallel(), p.loops().get(0).reason());
    assertEquals(Distribution.REP, p.variables().get("x"));
    assertEquals(Distribution.ONE_D_BLOCK, p.variables().get("col"));
    assertTrue(p.repDecisions().stream().anyMatch(d -> d.subject().equals("x")
        && d.reason().startsWith("it is accessed at an index other than the parallel loop's")), reasons(p));
  }

  @Test
  void aCsrRowLoopIsParallelOverRowsWithRowptrReadThroughAHaloAndTheNonzerosAndXSplit() throws Exception {
    MethodPlan p = plan("csr");
    LoopPlan rows = p.loops().get(0);
    assertTrue(rows.parallel(), rows.reason());
    assertEquals(Map.of("rowptr", Distribution.ONE_D_BLOCK, "col", Distribution.ONE_D_BLOCK, "val",
        Distribution.ONE_D_BLOCK, "x", Distribution.ONE_D_BLOCK), Map.of("rowptr", p.variables().get("rowptr"),
        "col", p.variables().get("col"), "val", p.variables().get("val"), "x", p.variables().get("x")));
    assertEquals(List.of(5), rows.alignedArraySlots(), "the rows are y's: rowptr has one entry more");
    TreeSet<Integer> rowptrOffsets = new TreeSet<>();
    TreeSet<Integer> segmentArrays = new TreeSet<>();
    TreeSet<Integer> indexedArrays = new TreeSet<>();
    for (HaloRead h : rows.haloReads()) {
      if (h.isIndexed()) {
        assertEquals(1, h.indexArraySlot(), "x[col[k]]");
        assertEquals(0, h.rowPointerSlot(), "col's rows are rowptr's");
        indexedArrays.add(h.arraySlot());
      } else if (h.isSegment()) {
        assertEquals(0, h.rowPointerSlot(), "bounded by rowptr");
        segmentArrays.add(h.arraySlot());
      } else {
        assertEquals(0, h.arraySlot());
        rowptrOffsets.add(h.offset());
      }
    }
    assertEquals(new TreeSet<>(List.of(0, 1)), rowptrOffsets, "rowptr[i] and rowptr[i + 1]");
    assertEquals(new TreeSet<>(List.of(1, 2)), segmentArrays, "col[k] and val[k]");
    assertEquals(new TreeSet<>(List.of(3)), indexedArrays, "x read through col: the elements col names are fetched");
    String text = dev.parjit.analysis.diagnostics.DiagnosticsText.render(p, null, 1);
    assertTrue(text.contains("(halo: rowptr[i..i+1], val[rowptr[i]..rowptr[i+1]], col[rowptr[i]..rowptr[i+1]], x[col[k]])"),
        text);
  }

  @Test
  void nonzerosWrittenInTheRowLoopStayWhole() throws Exception {
    MethodPlan p = plan("csrScaled");
    assertEquals(Distribution.REP, p.variables().get("val"), reasons(p));
    assertTrue(p.loops().get(0).haloReads().stream().noneMatch(HaloRead::isSegment));
  }

  @Test
  void scatterAddsThroughIndexArraysAreArrayReductions() throws Exception {
    MethodPlan coo = plan("coo");
    LoopPlan loop = coo.loops().get(0);
    assertTrue(loop.parallel(), loop.reason());
    assertEquals("y", loop.arrayReductions().get(0).name());
    assertEquals(ReductionOp.SUM, loop.arrayReductions().get(0).op());
    for (String v : List.of("row", "col", "val")) {
      assertEquals(Distribution.ONE_D_BLOCK, coo.variables().get(v), v);
    }
    MethodPlan binned = plan("binned");
    assertTrue(binned.loops().get(0).parallel(), binned.loops().get(0).reason());
    assertEquals("J", binned.loops().get(0).arrayReductions().get(0).elementType());
  }
}
