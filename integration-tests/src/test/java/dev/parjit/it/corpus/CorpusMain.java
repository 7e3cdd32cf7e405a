package dev.parjit.it.corpus;

import dev.parjit.it.effects.ProgramSuite;
import java.util.List;

/**
 * Runs every corpus program (or those named in the arguments) over {@link #SIZES}, in the
 * transcript format of the effects suite: as a main with the agent (spawn driver or every SPMD
 * rank), or in-process without it through {@link #capture} (the sequential oracle).
 */
public final class CorpusMain {

  /** Sizes: empty, one, fewer than the rank counts, odd, and one that every rank count splits. */
  public static final int[] SIZES = {0, 1, 2, 3, 7, 100};

  /**
   * The programs, by simple class name, in the order they run: kernels written as sequential Java
   * numeric code is, then the traps (names starting with {@code Trap}), which must stay sequential
   * or on the driver.
   */
  public static final List<String> PROGRAMS = List.of("FieldMaps", "FieldReductions", "Saxpy", "Moments",
      "MatMulFlat", "MatMul2D", "MatVec2D", "Transpose2D", "Jacobi1D", "Jacobi2D", "Stencil5Flat", "Convolution",
      "CsrConjugateGradient", "CsrSolveInline", "CooPowerIteration", "LuRowUpdate", "FourierSeries", "BlockCipher", "FlatRowBlocks", "PivotRows", "FlatRows2D", "NBody",
      "Histograms", "Polynomials", "Mandelbrot", "Reciprocals", "Extrema", "BestSoFar", "FieldBuffers", "CoefficientRows",
      "TrapGaussSeidel2D", "TrapSharedRandom", "TrapPrefixSums", "TrapEarlyExit", "TrapPivotSearch",
      "TrapStaticWrite", "TrapPrintRunning", "TrapThrowAtIndex", "TrapRecurrence", "TrapIndexedWrite", "TrapFlatRows",
      "TrapFieldBuffers", "TrapCoefficientRows", "TrapPivotRows", "TrapTwoFixedRows",
      "BoundPlusOne");

  /** The suite: programs of {@code dev.parjit.it.corpus.programs}. */
  public static final ProgramSuite SUITE = new ProgramSuite("dev.parjit.it.corpus.programs.", PROGRAMS, SIZES);

  private CorpusMain() { }

  /** The lines a run prints, captured in this process: without the agent, the sequential oracle. */
  public static List<String> capture(List<String> names) {
    return SUITE.capture(names);
  }

  public static void main(String[] args) {
    SUITE.runAll(List.of(args));
  }
}
