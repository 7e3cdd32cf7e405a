package dev.parjit.it.agent;

import dev.parjit.Jit;

/** One spawn-mode call of a parallel sum: {@code RESULT <sum>} (the same without the agent). */
public final class ArchiveMain {

  private ArchiveMain() { }

  @Jit
  static double sumOfSquares(double[] a) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * a[i];
    }
    return s;
  }

  public static void main(String[] args) {
    double[] a = new double[10_001];
    for (int i = 0; i < a.length; i++) {
      a[i] = i % 13;
    }
    System.out.println("RESULT " + sumOfSquares(a));
  }
}
