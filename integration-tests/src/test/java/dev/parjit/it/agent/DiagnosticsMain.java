package dev.parjit.it.agent;

import dev.parjit.Jit;
import dev.parjit.Parjit;
import dev.parjit.ParjitCompilationException;

/**
 * Runs a parallel and a sequential-only {@code @Jit} method in spawn or SPMD mode, optionally asks
 * for diagnostics on demand ({@code ask} argument), and reports a strict-mode failure.
 */
public final class DiagnosticsMain {

  private DiagnosticsMain() { }

  @Jit(spawn = true)
  public static double parallelSum(int n) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = i * 0.5;
    }
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      s += x[i];
    }
    return s;
  }

  @Jit(spawn = true)
  public static int firstAbove(int n, int limit) {
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i * 3 % 17;
    }
    for (int i = 0; i < n; i++) {
      if (a[i] > limit) {
        return i;
      }
    }
    return -1;
  }

  @Jit(spawn = false)
  public static double spmdSum(int n) {
    return parallelSum(n);
  }

  public static void main(String[] args) {
    boolean spmd = args.length > 0 && args[0].equals("spmd");
    boolean ask = args.length > 1 && args[1].equals("ask");
    System.out.println("SUM " + (spmd ? spmdSum(1000) : parallelSum(1000)));
    try {
      System.out.println("FIRST " + firstAbove(100, 15));
    } catch (ParjitCompilationException e) {
      System.out.println("STRICT " + e.getMessage().lines().findFirst().orElse(""));
    }
    if (ask) {
      String text = Parjit.distributedDiagnostics(DiagnosticsMain.class, "parallelSum");
      System.out.println("ASKED " + text.lines().count() + " lines");
    }
  }
}
