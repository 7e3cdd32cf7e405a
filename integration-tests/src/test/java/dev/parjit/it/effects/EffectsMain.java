package dev.parjit.it.effects;

import java.util.List;

/**
 * Runs every effects program (or those named in the arguments) over {@link #SIZES}. Each run is
 * framed by a {@code BEGIN <program> <n>} line so that a kernel's {@code OUT} lines and the
 * caller's {@code STATE} lines can be attributed to it. Run as a main with the agent (spawn
 * driver or every SPMD rank), or in-process without it through {@link #capture} (the oracle).
 */
public final class EffectsMain {

  /** Sizes: empty, smaller than every rank count, odd, and one larger. */
  public static final int[] SIZES = {0, 1, 2, 3, 7, 100};

  /** The last line of a run that got through every program. */
  public static final String DONE = "EFFECTS DONE";

  private EffectsMain() { }

  /**
   * Every program, by simple class name, in the order they run. Classes are loaded only when their
   * program runs: the agent compiles a class as it loads, and under
   * {@code -Dparjit.failOnTransformError=true} a class it cannot compile ends the JVM, which must not
   * stop the programs before it from being checked. InstanceField comes last for that reason
   * (instance @Jit methods are the newest part of the contract).
   */
  public static final List<String> PROGRAMS = List.of("Scale", "FillOdd", "FillAndReturn", "ReturnSecond",
      "FreshAndMutate", "AliasArgs", "LocalAlias", "StaticFactor", "StaticTable", "StaticScalars", "StaticTotal",
      "StaticCounter", "StaticArrayWrite", "FftButterfly", "GaussSeidel", "PrefixSum", "CsrProduct", "MatrixRead",
      "MatrixRowWrite", "HolderArray", "WriteAfterLoop", "Histogram", "PrintLoop", "ThrowFirst", "ThrowMiddle",
      "ThrowLast", "CheckedFailure", "UncheckedFailure", "ReduceAndWrite", "UnknownCall", "LockedKernel",
      "AllocOnly", "ReadOnlyDot", "SplitSigns", "SparseWrites", "FloatKernel", "BooleanMask", "MatrixProduct", "RowsInPlace3D", "JaggedPrefix", "AliasedRows", "RowAllocations", "ReplaceRows", "CountDown", "FlatGrid",
      "JacobiSteps", "WideStencil", "CooProduct", "ElementReads", "ResidentSolver", "ResidentFailure", "ResidentSpeculation",
      "AliasedReduction",
      "CalleeUpdates", "CalleeReturnsArgument", "CallsInLoop", "VarargsKernel", "ThrownObjects", "NarrowArrays",
      "InstanceSeries", "InstanceGrid", "FieldWrites", "FieldMatrix", "FieldAliases", "InstanceField",
      "ConfiguredConstant", "PropertyWeight", "ReturnedHolders", "ReductionAliases", "PrintUntilFailure", "ThrowWithSum",
      "NullArrays", "LateInit", "PastTheEnd", "StringModes", "NotEqualBounds", "ExtremeBounds", "ReplicatedBlocks",
      "FailureFrames", "OverflowedSum", "NullRows");

  private static final ProgramSuite SUITE = new ProgramSuite("dev.parjit.it.effects.programs.", PROGRAMS, SIZES);

  /** The class of a program named in {@link #PROGRAMS}, loading it. */
  public static Class<? extends EffectsProgram> programClass(String name) throws ClassNotFoundException {
    return SUITE.programClass(name);
  }

  /** Runs the named programs (all when {@code names} is empty), printing to System.out. */
  public static void runAll(List<String> names) {
    SUITE.runAll(names);
  }

  /** The lines {@link #runAll} prints, captured in this process: without the agent, the sequential oracle. */
  public static List<String> capture(List<String> names) {
    return SUITE.capture(names);
  }

  public static void main(String[] args) {
    runAll(List.of(args));
  }
}
