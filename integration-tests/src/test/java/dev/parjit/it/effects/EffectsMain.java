package dev.parjit.it.effects;

import dev.parjit.it.effects.programs.AliasArgs;
import dev.parjit.it.effects.programs.AllocOnly;
import dev.parjit.it.effects.programs.BooleanMask;
import dev.parjit.it.effects.programs.CheckedFailure;
import dev.parjit.it.effects.programs.CsrProduct;
import dev.parjit.it.effects.programs.FftButterfly;
import dev.parjit.it.effects.programs.FillAndReturn;
import dev.parjit.it.effects.programs.FillOdd;
import dev.parjit.it.effects.programs.FloatKernel;
import dev.parjit.it.effects.programs.FreshAndMutate;
import dev.parjit.it.effects.programs.GaussSeidel;
import dev.parjit.it.effects.programs.Histogram;
import dev.parjit.it.effects.programs.HolderArray;
import dev.parjit.it.effects.programs.InstanceField;
import dev.parjit.it.effects.programs.LocalAlias;
import dev.parjit.it.effects.programs.LockedKernel;
import dev.parjit.it.effects.programs.MatrixRead;
import dev.parjit.it.effects.programs.MatrixRowWrite;
import dev.parjit.it.effects.programs.PrefixSum;
import dev.parjit.it.effects.programs.PrintLoop;
import dev.parjit.it.effects.programs.ReadOnlyDot;
import dev.parjit.it.effects.programs.ReduceAndWrite;
import dev.parjit.it.effects.programs.ReturnSecond;
import dev.parjit.it.effects.programs.Scale;
import dev.parjit.it.effects.programs.SparseWrites;
import dev.parjit.it.effects.programs.SplitSigns;
import dev.parjit.it.effects.programs.StaticArrayWrite;
import dev.parjit.it.effects.programs.StaticCounter;
import dev.parjit.it.effects.programs.StaticFactor;
import dev.parjit.it.effects.programs.StaticScalars;
import dev.parjit.it.effects.programs.StaticTable;
import dev.parjit.it.effects.programs.StaticTotal;
import dev.parjit.it.effects.programs.ThrowFirst;
import dev.parjit.it.effects.programs.ThrowLast;
import dev.parjit.it.effects.programs.ThrowMiddle;
import dev.parjit.it.effects.programs.UncheckedFailure;
import dev.parjit.it.effects.programs.UnknownCall;
import dev.parjit.it.effects.programs.WriteAfterLoop;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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

  /** Every program, in the order they run. */
  public static List<EffectsProgram> programs() {
    return List.of(new Scale(), new FillOdd(), new FillAndReturn(), new ReturnSecond(), new FreshAndMutate(),
        new AliasArgs(), new LocalAlias(), new StaticFactor(), new StaticTable(), new StaticScalars(),
        new StaticTotal(), new StaticCounter(), new StaticArrayWrite(), new InstanceField(), new FftButterfly(),
        new GaussSeidel(), new PrefixSum(), new CsrProduct(), new MatrixRead(), new MatrixRowWrite(),
        new HolderArray(), new WriteAfterLoop(), new Histogram(), new PrintLoop(), new ThrowFirst(),
        new ThrowMiddle(), new ThrowLast(), new CheckedFailure(), new UncheckedFailure(), new ReduceAndWrite(),
        new UnknownCall(), new LockedKernel(), new AllocOnly(), new ReadOnlyDot(), new SplitSigns(),
        new SparseWrites(), new FloatKernel(), new BooleanMask());
  }

  /** Runs the named programs (all when {@code names} is empty), printing to System.out. */
  public static void runAll(List<String> names) {
    for (EffectsProgram p : programs()) {
      if (!names.isEmpty() && !names.contains(p.name())) {
        continue;
      }
      for (int n : SIZES) {
        System.out.println("BEGIN " + p.name() + " " + n);
        try {
          p.run(n);
        } catch (Throwable t) {
          // An exception the program did not expect (a wrapper, a wrong type): record it and go on,
          // so one broken program does not hide the others.
          System.out.println("STATE " + p.name() + " " + n + " escaped=" + t.getClass().getName() + ": "
              + String.valueOf(t.getMessage()).replace('\n', ' '));
        }
      }
    }
    System.out.println(DONE);
  }

  /** The lines {@link #runAll} prints, captured in this process: without the agent, the sequential oracle. */
  public static synchronized List<String> capture(List<String> names) {
    PrintStream saved = System.out;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
      System.setOut(out);
      runAll(names);
    } finally {
      System.setOut(saved);
    }
    return buffer.toString(StandardCharsets.UTF_8).lines().toList();
  }

  public static void main(String[] args) {
    runAll(List.of(args));
  }
}
