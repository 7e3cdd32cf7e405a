package dev.parjit.it.effects;

import static java.util.Map.entry;

import java.util.Map;

/**
 * How each effects kernel's loops are distributed in SPMD mode, as the distributed diagnostics
 * print them ({@code "#0 1D_Block, #1 REP"}). Parameters are replicated there unless named in
 * {@code @Jit(distributed = ...)}, so a loop writing a parameter array at its index stays REP (each
 * rank runs it whole: the same state on every rank) unless each iteration runs a loop of
 * transcendental Math calls (then each rank runs its part and the parts are shared after the loop:
 * {@code ReplicatedBlocks}), while reductions over parameters and fresh arrays are split. The SPMD runs of {@link EffectsDifferentialTest} fail when a kernel's
 * diagnostics say otherwise, so a loop cannot quietly become sequential, and a loop that becomes
 * parallel must be entered here (and is then checked against the sequential state).
 */
final class EffectsSpmdLoops {

  private EffectsSpmdLoops() { }

  static final Map<String, String> TABLE = Map.ofEntries(
      entry("AliasArgs.mirrorAdd", "#0 REP"),
      entry("AliasedReduction.axpy", "#0 1D_Block"), // runs whole on rank 0 when called with one array twice
      entry("AliasedReduction.scatterAdd", "#0 1D_Block"),
      entry("AliasedRows.addInto", "#0 REP, #1 REP"),
      entry("AllocOnly.squares", "#0 1D_Block"),
      entry("BooleanMask.mark", "#0 REP"),
      entry("CalleeUpdates.countUp", "#0 REP"),
      entry("CalleeUpdates.scale", "#0 1D_Block"), // its parameter is REP, written block by block
      entry("CalleeUpdates.scaleTwiceAndCount", ""), // no loops
      entry("CalleeReturnsArgument.checked", "#0 1D_Block"),
      entry("CalleeReturnsArgument.checkedTotal", "#0 1D_Block"),
      entry("CallsInLoop.allSums", "#0 REP"), // calls rowSum, whose collectives every rank must reach alike
      entry("CallsInLoop.rowSum", "#0 1D_Block"),
      entry("CheckedFailure.capAt", "#0 REP"),
      entry("CooProduct.gather", "#0 1D_Block"),
      entry("CooProduct.multiplyAdd", "#0 1D_Block"),
      entry("CountDown.halvesDown", "#0 1D_Block"),
      entry("CountDown.negateDown", "#0 REP"),
      entry("CountDown.squaresDown", "#0 1D_Block"),
      entry("CsrProduct.spmv", "#0 1D_Block, #1 REP"),
      entry("ConfiguredConstant.scale", "#0 REP"),
      entry("ConfiguredConstant.weigh", "#0 1D_Block"),
      entry("ElementReads.lastOfEach", "#0 1D_Block"),
      entry("PropertyWeight.weigh", "#0 1D_Block"),
      entry("ElementReads.middleAfterSteps", "#0 1D_Block, #1 REP, #2 1D_Block, #3 1D_Block"),
      entry("ElementReads.probeEachStep", "#0 REP, #1 1D_Block"),
      entry("FftButterfly.fft", "#0 REP, #1 REP, #2 REP, #3 REP, #4 REP"),
      entry("FieldAliases.mirror", "#0 REP"),
      entry("FieldAliases.shiftByStatic", "#0 REP"),
      entry("FieldMatrix.multiply", "#0 REP, #1 REP, #2 1D_Block"),
      entry("FieldWrites.accumulate", "#0 REP"),
      entry("FieldWrites.map", "#0 REP"),
      entry("FillAndReturn.fillAndReturn", "#0 REP"),
      entry("FillOdd.fill", "#0 REP"),
      entry("FlatGrid.grid", "#0 1D_Block, #1 REP, #2 1D_Block, #3 REP"),
      entry("FlatGrid.total", "#0 1D_Block, #1 REP, #2 1D_Block, #3 REP"),
      entry("FloatKernel.sumAndHalve", "#0 REP"),
      entry("FreshAndMutate.squaresAndNegate", "#0 REP"),
      entry("GaussSeidel.relax", "#0 REP, #1 REP"),
      entry("Histogram.histogram", "#0 1D_Block"),
      entry("HolderArray.shiftHolder", "#0 REP"),
      entry("HolderArray.sumHolder", "#0 1D_Block"),
      entry("InstanceField.scaleRemember", "#0 1D_Block"),
      entry("InstanceGrid.rowShares", "#0 1D_Block, #1 REP"),
      entry("InstanceGrid.total", "#0 1D_Block, #1 REP"),
      entry("InstanceSeries.fill", "#0 REP"),
      entry("InstanceSeries.series", "#0 1D_Block"),
      entry("JacobiSteps.relax", "#0 1D_Block, #1 REP, #2 1D_Block"),
      entry("JaggedPrefix.rowLengths", "#0 1D_Block"),
      entry("JaggedPrefix.rowPrefix", "#0 REP, #1 REP"),
      entry("LocalAlias.mirrorViaAlias", "#0 REP"),
      entry("LocalAlias.tripleViaAlias", "#0 REP"),
      entry("LockedKernel.scaleLocked", "#0 REP, #1 REP"),
      entry("MatrixProduct.multiply", "#0 1D_Block, #1 REP, #2 REP"),
      entry("MatrixProduct.multiplyHoisted", "#0 1D_Block, #1 REP, #2 REP"),
      entry("MatrixRead.rowSums", "#0 1D_Block, #1 REP"),
      entry("MatrixRowWrite.fillRows", "#0 REP, #1 REP"),
      entry("NarrowArrays.letters", "#0 1D_Block"),
      entry("NarrowArrays.steps", "#0 1D_Block"),
      entry("PrefixSum.prefix", "#0 REP"),
      entry("PrintLoop.squaresLoud", "#0 1D_Block"),
      // Loops that index past their arrays' ends: the sequential exception, not the chunk's
      entry("PastTheEnd.halvesThrough", "#0 1D_Block"),
      entry("PastTheEnd.sumThrough", "#0 1D_Block, #1 1D_Block"),
      entry("PastTheEnd.bumpThrough", "#0 1D_Block, #1 1D_Block"),
      entry("PastTheEnd.countFrom", "#0 1D_Block"),
      entry("PastTheEnd.downFrom", "#0 1D_Block"),
      entry("PastTheEnd.flagsThrough", "#0 1D_Block, #1 1D_Block"),
      entry("PastTheEnd.rowsThrough", "#0 1D_Block"),
      entry("PastTheEnd.gridThrough", "#0 1D_Block, #1 REP"),
      entry("PastTheEnd.shorterArray", "#0 1D_Block"),
      entry("PastTheEnd.quotientsThrough", "#0 1D_Block"),
      entry("StringModes.apply", "#0 REP"),
      entry("StringModes.sign", "#0 1D_Block"),
      entry("NotEqualBounds.numberAll", "#0 REP"),
      entry("NotEqualBounds.sumFrom", "#0 REP"),
      entry("NotEqualBounds.markFrom", "#0 REP"),
      entry("ExtremeBounds.sumThrough", "#0 1D_Block"),
      entry("ExtremeBounds.sumBelowPlusOne", "#0 1D_Block"),
      entry("ExtremeBounds.sumBelowMinusOne", "#0 1D_Block"),
      entry("ExtremeBounds.sumThroughLong", "#0 1D_Block"),
      entry("PastTheEnd.neighbours", "#0 1D_Block, #1 1D_Block"),
      entry("PrintUntilFailure.doubledLoud", "#0 1D_Block"), // each rank's lines wait for the loop's agreement
      entry("ReadOnlyDot.dot", "#0 1D_Block"),
      entry("OverflowedSum.sum", "#0 1D_Block"),
      entry("OverflowedSum.product", "#0 1D_Block"),
      entry("OverflowedSum.floatSum", "#0 1D_Block"),
      entry("OverflowedSum.binTotals", "#0 1D_Block"),
      entry("ReduceAndWrite.halveAndSum", "#0 REP"),
      entry("ReplaceRows.renew", "#0 REP"),
      entry("ResidentFailure.scaleBelow", "#0 REP"),
      entry("ResidentFailure.total", "#0 1D_Block"),
      entry("ResidentSpeculation.scale", "#0 REP"),
      entry("ResidentSpeculation.weigh", "#0 1D_Block"),
      entry("ResidentSolver.axpy", "#0 1D_Block"),
      entry("ResidentSolver.dot", "#0 1D_Block"),
      entry("ResidentSolver.multiply", "#0 REP"),
      entry("ResidentSolver.xpby", "#0 REP"),
      entry("ReductionAliases.fromField", "#0 REP"), // an array reduction reading a field of its type
      entry("ReductionAliases.fromRow", "#0 1D_Block"), // runs whole on rank 0 when the row is the argument
      entry("ReductionAliases.fromRowOfRow", "#0 1D_Block"),
      entry("ReductionAliases.fromStatic", "#0 REP"), // an array reduction reading a static of its type
      entry("ReturnSecond.pickSecond", "#0 REP"),
      entry("ReturnedHolders.bothOf", "#0 1D_Block"), // its parameter is REP, written block by block
      entry("ReturnedHolders.listOf", "#0 1D_Block"),
      entry("ReturnedHolders.rowsOf", "#0 1D_Block"),
      entry("ReturnedHolders.totalsAsList", "#0 1D_Block"),
      entry("ReturnedHolders.withWeights", "#0 1D_Block"),
      entry("ReplicatedBlocks.narrow", "#0 1D_Block, #1 REP"),
      entry("ReplicatedBlocks.everyThird", "#0 1D_Block, #1 REP"),
      entry("ReplicatedBlocks.smoothUntilNaN", "#0 1D_Block, #1 REP"), // whole on rank 0 when src is dst
      entry("ReplicatedBlocks.sumAndRenumber", "#0 1D_Block, #1 REP"),
      entry("RowAllocations.table", "#0 1D_Block, #1 REP"),
      entry("RowAllocations.triangle", "#0 1D_Block, #1 REP"),
      entry("RowsInPlace3D.scale", "#0 REP, #1 REP, #2 REP"),
      entry("Scale.scale", "#0 1D_Block"),
      entry("SparseWrites.clampNegatives", "#0 REP"),
      entry("SparseWrites.negateOdd", "#0 REP"),
      entry("SplitSigns.split", "#0 REP"),
      entry("StaticArrayWrite.fillBuffer", "#0 REP"),
      entry("StaticCounter.countKeys", "#0 REP"),
      entry("StaticFactor.scaleByFactor", "#0 REP"),
      entry("StaticScalars.shift", "#0 REP"),
      entry("StaticTable.lookup", "#0 1D_Block"),
      entry("StaticTotal.accumulate", "#0 REP"),
      entry("ThrowFirst.halveOrFail", "#0 REP"),
      entry("ThrowWithSum.sumUntilMarked", "#0 REP"), // its throw reads the sum so far
      entry("NullArrays.sumOfMaybe", "#0 1D_Block"), // x is REP (null on a path); a null x bounds nothing
      entry("NullArrays.lengthOfMaybe", "#0 1D_Block"),
      entry("NullArrays.countOrSum", "#0 1D_Block"), // with x null: each rank its block of the range
      entry("NullArrays.countOrSumDown", "#0 1D_Block"),
      entry("NullArrays.withOptional", "#0 1D_Block, #1 1D_Block"), // split as y when x is null
      entry("NullArrays.dotWithNull", "#0 1D_Block"),
      entry("NullRows.sumWithGap", "#0 REP, #1 1D_Block"), // rows made on a condition: REP; the null row read split
      entry("NullRows.writeThrough", "#0 1D_Block, #1 1D_Block"),
      entry("NullRows.middleOf", "#0 1D_Block"), // x[n / 2] after the loop: read through the runtime
      entry("LateInit.weighByNoisy", "#0 1D_Block"),
      entry("LateInit.weighByRate", "#0 1D_Block"),
      entry("LateInit.shiftByBroken", "#0 1D_Block"),
      entry("ThrowLast.forwardDiff", "#0 1D_Block"),
      entry("FailureFrames.quotients", "#0 REP"), // writes the caller's array, replicated in SPMD mode
      entry("ThrowMiddle.divideInPlace", "#0 REP"),
      entry("ThrownObjects.asserted", "#0 1D_Block"),
      entry("ThrownObjects.causeOnly", "#0 1D_Block"),
      entry("ThrownObjects.noMessage", "#0 1D_Block"),
      entry("ThrownObjects.missingEntry", "#0 1D_Block"),
      entry("ThrownObjects.withCause", "#0 1D_Block"),
      entry("UncheckedFailure.check", "#0 REP"),
      entry("UnknownCall.tally", "#0 REP"),
      entry("VarargsKernel.total", "#0 1D_Block"),
      entry("WideStencil.forwardDifference", "#0 REP"),
      entry("WideStencil.smooth", "#0 REP"),
      entry("WriteAfterLoop.sumIntoFirst", "#0 1D_Block"));
}
