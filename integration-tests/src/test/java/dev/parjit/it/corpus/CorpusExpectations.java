package dev.parjit.it.corpus;

import static dev.parjit.it.effects.PlacementLog.DRIVER;
import static dev.parjit.it.effects.PlacementLog.WORKERS;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The expected table of the corpus: for every kernel, where it runs in spawn mode, the distribution
 * of each of its loops as the diagnostics print it (spawn mode, and SPMD mode where that differs)
 * and, for a kernel kept on the driver, a fragment of the reason the placement line gives.
 *
 * <p>It records what main's analysis does today. Kernels that issue 14 expects to become parallel
 * carry a {@code // target: parallel (rows2d|halo)} comment naming the branch whose analysis work
 * should flip them: when that work merges, the test fails on them until their row is updated. A
 * row that claims a parallel loop the diagnostics do not show fails the test, so a kernel cannot
 * pass by quietly staying sequential.
 */
final class CorpusExpectations {

  /**
   * One kernel's row.
   *
   * @param kernel {@code Class.method}
   * @param placement {@link dev.parjit.it.effects.PlacementLog#WORKERS} or {@code DRIVER} (spawn mode)
   * @param loops loop distributions in spawn mode, {@code "#0 1D_Block, #1 REP"}
   * @param spmdLoops loop distributions in SPMD mode (parameters are replicated there unless named distributed)
   * @param reason for a driver placement, a fragment of its reason; null for the workers
   */
  record Expect(String kernel, String placement, String loops, String spmdLoops, String reason) { }

  private CorpusExpectations() { }

  /** Runs on the workers with these loops (also in SPMD mode unless {@code spmdLoops} is given). */
  static Expect parallel(String kernel, String loops, String... spmdLoops) {
    return new Expect(kernel, WORKERS, loops, spmdLoops.length > 0 ? spmdLoops[0] : loops, null);
  }

  /** Has parallel loops but runs on the driver in spawn mode, for an effect the reason names. */
  static Expect driver(String kernel, String loops, String reason) {
    return new Expect(kernel, DRIVER, loops, loops, reason);
  }

  /** Nothing in it runs in parallel: on the driver, with the first loop's reason. */
  static Expect sequential(String kernel, String loops, String reason) {
    return new Expect(kernel, DRIVER, loops, loops, reason);
  }

  private static final String NOT_DISTRIBUTED = "it writes into an array that is not distributed with the loop";
  private static final String NO_COMPARISON = "the loop condition compares nothing";
  private static final String LOOP_CARRIED = "a loop-carried dependence";
  private static final String NOT_A_REDUCTION = "is not a recognised reduction";
  private static final String ROWS_NOT_SHIPPED = "of type double[][], which Parjit does not ship to the workers";

  /** The table, by kernel. */
  static final Map<String, Expect> TABLE = table(List.of(
      // Arrays in fields written at the index (fields): parallel in spawn mode, where the fields are lifted
      // into parameters; in SPMD mode the fields stay replicated and these loops sequential.
      // i = 1 start
      parallel("FieldMaps.scaleFromOne", "#0 1D_Block", "#0 REP"),
      // <= bound
      parallel("FieldMaps.inclusiveBound", "#0 1D_Block", "#0 REP"),
      // step 2
      parallel("FieldMaps.evenOnly", "#0 1D_Block", "#0 REP"),
      // counting down
      parallel("FieldMaps.countDown", "#0 1D_Block", "#0 REP"),
      // a[i + 2] read through a halo
      parallel("FieldMaps.forwardDifference", "#0 1D_Block", "#0 REP"),
      parallel("FieldReductions.sumFromOne", "#0 1D_Block"),
      parallel("FieldReductions.maxAbsEven", "#0 1D_Block"),
      // counting down (rows2d)
      parallel("FieldReductions.dotBackwards", "#0 1D_Block"),
      parallel("Saxpy.axpy", "#0 1D_Block"),
      parallel("Saxpy.scaledCopy", "#0 1D_Block"),
      parallel("Moments.centralMoments", "#0 1D_Block, #1 1D_Block"),
      parallel("Moments.countAboveMean", "#0 1D_Block"),
      // on the workers since fields: the fields a and c, read at a[i * n + k] and written at c[i * n + j]
      // (n a field the method never writes), are lifted into parameters and re-split by rows of n: the
      // row loop #0 is parallel; in SPMD mode the fields stay replicated and the inner k reduction is
      parallel("MatMulFlat.multiply", "#0 1D_Block, #1 REP, #2 REP", "#0 REP, #1 REP, #2 1D_Block"),
      parallel("MatMulFlat.product", "#0 1D_Block, #1 REP, #2 REP"),
      // the row loop #0 over double[][] fields, rows of c written back (fields; spawn mode only)
      parallel("MatMul2D.multiply", "#0 1D_Block, #1 REP, #2 REP", "#0 REP, #1 REP, #2 1D_Block"),
      // the row loop #0 (rows2d)
      parallel("MatMul2D.product", "#0 1D_Block, #1 REP, #2 REP"),
      // the double[][] field is shipped whole (rows2d)
      parallel("MatVec2D.times", "#0 1D_Block, #1 REP"),
      // the row loop #0 (RowLoopPreference): m's rows split (m[0].length shared by row 0's holder), the sums an
      // array reduction, one combine; in SPMD mode the field is replicated, no rows to split: the column loop
      parallel("MatVec2D.columnSums", "#0 1D_Block, #1 REP", "#0 REP, #1 1D_Block"),
      // the inner loop over the output's rows t[j] is parallel; the input is sent whole
      parallel("Transpose2D.transpose", "#0 REP, #1 1D_Block"),
      // the sweep #1 inside the time loop, over the fields' arrays lifted into parameters and swapped in
      // locals (spawn mode; in SPMD mode the fields are replicated and the sweep sequential)
      parallel("Jacobi1D.relax", "#0 REP, #1 1D_Block", "#0 REP, #1 REP"),
      // through a halo (halo); target: parallel in SPMD mode too (plain stores into a replicated parameter)
      parallel("Jacobi1D.sweep", "#0 1D_Block", "#0 REP"),
      // the row loop #1 inside the time loop: rows split, rows i - 1 and i + 1 read through a halo of rows, the
      // fields lifted into parameters and swapped in locals (spawn mode; in SPMD mode the fields are replicated)
      parallel("Jacobi2D.relax", "#0 REP, #1 1D_Block, #2 REP", "#0 REP, #1 REP, #2 REP"),
      // rows i-2..i+2 through the halo: at small sizes from ranks beyond the neighbours
      parallel("Jacobi2D.smoothWide", "#0 1D_Block, #1 REP", "#0 REP, #1 REP"),
      // target: parallel (halo, rows2d): row loop #1 at u[c ± w]
      sequential("Stencil5Flat.diffuse", "#0 REP, #1 REP, #2 REP", NOT_DISTRIBUTED),
      parallel("Convolution.filter", "#0 1D_Block, #1 REP"),
      // CSR rows, x[colIdx[k]] read through the column indices (x split, the elements they name fetched);
      // target: parallel (halo) in SPMD mode too (its arrays are fields there)
      parallel("CsrConjugateGradient.multiply", "#0 1D_Block, #1 REP", "#0 REP, #1 REP"),
      parallel("CsrConjugateGradient.dot", "#0 1D_Block"),
      parallel("CsrConjugateGradient.axpy", "#0 1D_Block"),
      parallel("CsrConjugateGradient.xpby", "#0 1D_Block", "#0 REP"),
      // the solver loop (#2) inside the kernel: every vector stays split across the iterations, the
      // product (#3) fetches the elements of p its rows' column indices name
      parallel("CsrSolveInline.solve", "#0 1D_Block, #1 1D_Block, #2 REP, #3 1D_Block, #4 REP, #5 1D_Block, #6 1D_Block, "
          + "#7 1D_Block"),
      parallel("CsrSolveInline.product", "#0 1D_Block, #1 1D_Block, #2 REP"),
      parallel("CooPowerIteration.multiply", "#0 1D_Block"),
      parallel("CooPowerIteration.norm", "#0 1D_Block"),
      parallel("CooPowerIteration.scale", "#0 1D_Block"),
      // on the workers since fields (a's rows lifted into a parameter); target: parallel: the row loop #0
      // (today the inner j loop)
      parallel("LuRowUpdate.eliminate", "#0 REP, #1 1D_Block"),
      // rows k + 1.. at a[i * n + j], pivot row k fetched from its owner before the loop (the loop starts
      // after it: never written); in SPMD mode parameters stay replicated and these sequential
      parallel("LuRowUpdate.eliminateFlat", "#0 1D_Block, #1 REP", "#0 REP, #1 REP"),
      // the same with more rows than columns and pivots out of range (past the width: the check before the
      // loop fails and the driver runs the original code; past the rows, negative: the sequential exception)
      parallel("PivotRows.eliminateRows", "#0 1D_Block, #1 REP", "#0 REP, #1 REP"),
      // the loop's first row in a local, first = k + 1: still after the pivot row
      parallel("PivotRows.eliminateBelow", "#0 1D_Block, #1 REP", "#0 REP, #1 REP"),
      // h rows of w (h a parameter), interior columns 1 .. w - 2 at c = i * w + j and c ± 1: blocks of whole rows
      parallel("FlatRows2D.scaleInterior", "#0 1D_Block, #1 REP", "#0 REP, #1 REP"),
      // coefficients[0][i], coefficients[1][i]: rows of the lifted field, whole on every worker, each
      // worker's part of each row shared after the loop; the private helpers are pure (spawn mode only)
      parallel("FourierSeries.compute", "#0 1D_Block", "#0 REP"),
      parallel("FourierSeries.cosineTerms", "#0 1D_Block"),
      // rows in 1-D arrays (FlatRows): blocks at data[base + c], base = 8 * b, the argument re-split into
      // blocks of whole rows on the workers; in SPMD mode parameters stay replicated and these sequential
      parallel("BlockCipher.encrypt", "#0 1D_Block, #1 REP", "#0 REP, #1 REP"),
      // pairs v[i], v[i + 1], step 2: rows of 2 counted by their first element
      parallel("BlockCipher.encryptWords", "#0 1D_Block, #1 REP", "#0 REP, #1 REP"),
      // bound v.length / 2, pairs at 2 * b: out is allocated in rows of 2 (both modes; v replicated in SPMD)
      parallel("BlockCipher.decryptWords", "#0 1D_Block, #1 REP"),
      // blocks of 3 with a tail, pairs into another array (and into the same one), rows of an argument k
      parallel("FlatRowBlocks.mixTriples", "#0 1D_Block", "#0 REP"),
      parallel("FlatRowBlocks.rotatePairs", "#0 1D_Block", "#0 REP"),
      parallel("FlatRowBlocks.normalizeRows", "#0 1D_Block, #1 REP, #2 REP", "#0 REP, #1 1D_Block, #2 REP"),
      // the body loop #0, writing arrays of fields at the index (fields; spawn mode only)
      parallel("NBody.computeForces", "#0 1D_Block, #1 REP", "#0 REP, #1 1D_Block"),
      // arrays of fields written at the index (fields; spawn mode only)
      parallel("NBody.kickDrift", "#0 1D_Block", "#0 REP"),
      parallel("NBody.kineticEnergy", "#0 1D_Block"),
      parallel("Histograms.histogram", "#0 1D_Block"),
      parallel("Histograms.weighted", "#0 1D_Block"),
      // a scatter-add into a field's array: an array reduction (fields; spawn mode only)
      parallel("Histograms.accumulate", "#0 1D_Block", "#0 REP"),
      // target: parallel (halo) in SPMD mode too (writes its argument at the index)
      parallel("Polynomials.evaluate", "#0 1D_Block, #1 REP", "#0 REP, #1 REP"),
      parallel("Polynomials.sumOfValues", "#0 1D_Block, #1 REP"),
      parallel("Mandelbrot.render", "#0 1D_Block, #1 REP"),
      parallel("Mandelbrot.totalIterations", "#0 1D_Block, #1 REP, #2 REP"),
      parallel("Reciprocals.reciprocals", "#0 1D_Block"),
      // Math.max/min reductions over a NaN held by one rank and zeros of both signs
      parallel("Extrema.largest", "#0 1D_Block"),
      parallel("Extrema.smallest", "#0 1D_Block"),
      parallel("Extrema.largestFloat", "#0 1D_Block"),
      // the best so far under an if: a best per rank, folded in rank order with the same comparison
      parallel("BestSoFar.largest", "#0 1D_Block"),
      parallel("BestSoFar.firstSmallest", "#0 1D_Block"),
      parallel("BestSoFar.lastSmallest", "#0 1D_Block"),
      parallel("BestSoFar.largestEntry", "#0 1D_Block, #1 REP"),
      parallel("BestSoFar.largestLong", "#0 1D_Block"),
      parallel("BestSoFar.smallestFloat", "#0 1D_Block"),
      parallel("BestSoFar.fromNaN", "#0 1D_Block"),
      // ... and loops that only look alike (a guard passing on NaN, another value stored, a count)
      sequential("BestSoFar.passesOnNaN", "#0 REP", NOT_A_REDUCTION),
      sequential("BestSoFar.storesOther", "#0 REP", NOT_A_REDUCTION),
      sequential("BestSoFar.improvements", "#0 REP", NOT_A_REDUCTION),
      // swapped buffers held in fields, every parity of steps, one array in both fields (a driver call),
      // fields of different lengths, failures between and inside the sweeps (the driver reruns the call)
      parallel("FieldBuffers.relax", "#0 REP, #1 1D_Block", "#0 REP, #1 REP"),
      parallel("FieldBuffers.relaxUntil", "#0 REP, #1 1D_Block", "#0 REP, #1 REP"),
      parallel("FieldBuffers.relaxFailingAt", "#0 REP, #1 1D_Block", "#0 REP, #1 REP"),
      // fixed rows of a field written at the index, with pure helpers: one row object in both rows (a
      // driver call), rows shorter than the loop, a missing row, every other index (spawn mode only)
      parallel("CoefficientRows.compute", "#0 1D_Block", "#0 REP"),
      parallel("CoefficientRows.computeSparse", "#0 1D_Block", "#0 REP"),
      // a static kernel over an argument's rows (one row object twice too): parallel in SPMD mode as well
      parallel("CoefficientRows.table", "#0 1D_Block"),
      // Traps: they must stay sequential (or on the driver) whatever the analysis learns.
      sequential("TrapGaussSeidel2D.sweep", "#0 REP, #1 REP, #2 REP", NOT_DISTRIBUTED),
      // rows i-1 and i+1 read, row i written through a local: still the grid's rows (LoopCarriedDependence)
      sequential("TrapGaussSeidel2D.sweepThroughRow", "#0 REP, #1 REP, #2 REP", NOT_DISTRIBUTED),
      sequential("TrapSharedRandom.jitter", "#0 REP", "it calls java.util.Random.nextInt"),
      // the field's array is a parameter in spawn mode (fields): the reason is the dependence itself
      sequential("TrapPrefixSums.accumulate", "#0 REP", LOOP_CARRIED),
      sequential("TrapPrefixSums.runningMax", "#0 REP", LOOP_CARRIED),
      sequential("TrapEarlyExit.scaleUntilNegativeSum", "#0 REP", "it can leave early"),
      sequential("TrapEarlyExit.indexOfFirstAbove", "#0 REP", "it can leave early"),
      // the elimination stays sequential; the pivot search inside it (#2, an argmax over the column) is
      // a guarded extremum and runs in parallel (in spawn mode the whole call stays on the driver)
      driver("TrapPivotSearch.factor", "#0 REP, #1 REP, #2 1D_Block, #3 REP, #4 REP", "replaces rows of its argument"),
      sequential("TrapStaticWrite.absolute", "#0 REP", "it writes a field"),
      sequential("TrapPrintRunning.report", "#0 REP", "variable 'running' carries a value from one iteration to the next"),
      // the row loop runs on the workers (fields); the failure at one index makes the driver run the
      // original code on the caller's untouched rows, which raises the sequential exception
      parallel("TrapThrowAtIndex.normalizeRows", "#0 1D_Block, #1 REP, #2 REP", "#0 REP, #1 1D_Block, #2 REP"),
      sequential("TrapRecurrence.generate", "#0 REP", NOT_DISTRIBUTED),
      // a row loop writing the vector it reads through col (Gauss-Seidel), or rewriting col: x stays whole
      sequential("TrapIndexedWrite.gaussSeidel", "#0 REP, #1 REP, #2 REP", NOT_DISTRIBUTED),
      sequential("TrapIndexedWrite.shiftingColumns", "#0 REP, #1 REP, #2 REP", NOT_DISTRIBUTED),
      // buffers held in fields: a sweep reading the buffer it writes, a field assigned by the method (not
      // lifted), a helper writing a field of this (not lifted)
      sequential("TrapFieldBuffers.relaxReadingTarget", "#0 REP, #1 REP", NOT_DISTRIBUTED),
      sequential("TrapFieldBuffers.relaxAndKeep", "#0 REP, #1 REP", NOT_DISTRIBUTED),
      sequential("TrapFieldBuffers.relaxCounting", "#0 REP, #1 REP", "it calls weight, which writes a field"),
      // rows written at the index: one reading what the previous iteration wrote, one whose helper writes a field
      sequential("TrapCoefficientRows.running", "#0 REP", "it writes rows of 'c' at its index and reads arrays"),
      sequential("TrapCoefficientRows.counting", "#0 REP", "it calls counted, which writes a field"),
      // i + 1 < n runs as i < n - 1; a[i + 1] through a halo
      // look like rows but are not: v[i] += v[i + 2] stepping by 2, a block copying the next block,
      // a width read from a field the loop changes
      sequential("TrapFlatRows.foldNextPair", "#0 REP", LOOP_CARRIED),
      sequential("TrapFlatRows.copyNextBlock", "#0 REP", NOT_DISTRIBUTED),
      sequential("TrapFlatRows.stretch", "#0 REP", "it writes a field"),
      // a loop starting at the fixed row it reads writes that row
      sequential("TrapPivotRows.subtractFromPivot", "#0 REP, #1 REP", NOT_DISTRIBUTED),
      // two fixed rows of one array in one loop: rows p and p + 1 before the loop (one fetched row per array
      // and loop: the array is REP, it is read at two fixed rows), rows p and any q, flattened and 2-D
      sequential("TrapTwoFixedRows.eliminateTwo", "#0 REP, #1 REP", NOT_DISTRIBUTED),
      sequential("TrapTwoFixedRows.combineRows", "#0 REP, #1 REP", NOT_DISTRIBUTED),
      sequential("TrapTwoFixedRows.combineRows2D", "#0 REP, #1 REP", NOT_DISTRIBUTED),
      parallel("BoundPlusOne.variation", "#0 1D_Block", "#0 1D_Block"),
      parallel("BoundPlusOne.rises", "#0 1D_Block")));

  /**
   * Programs whose kernels print inside a loop that stays sequential in SPMD mode: every rank runs
   * the whole loop, as every rank of the sequential program would, so each rank prints every line.
   * The other programs' prints come from parallel loops: the ranks' lines, in rank order, are the
   * sequential ones.
   */
  static final List<String> PRINTS_ON_EVERY_RANK = List.of("TrapPrintRunning");

  private static Map<String, Expect> table(List<Expect> rows) {
    Map<String, Expect> t = new LinkedHashMap<>();
    for (Expect e : rows) {
      if (t.put(e.kernel(), e) != null) {
        throw new IllegalStateException("two rows for " + e.kernel());
      }
    }
    return t;
  }
}
