package dev.parjit.it.agree;

import dev.parjit.Jit;
import dev.parjit.Parjit;

/**
 * {@code @Jit(distributed = {"x"})} on a method that reads {@code x[n - 1 - i]}: the analysis cannot keep
 * {@code x} distributed, so each rank would sum its chunk as if it were the whole array. Every rank
 * must catch the compilation error instead, on every call.
 */
public final class UnhonouredMain {

  private UnhonouredMain() { }

  @Jit(spawn = false, distributed = {"x"})
  public static double mirrored(double[] x) {
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      s += x[x.length - 1 - i];
    }
    return s;
  }

  public static void main(String[] args) {
    double[] chunk = new double[5 + Parjit.getRank()];
    java.util.Arrays.fill(chunk, 1.0);
    for (int call = 0; call < 2; call++) {
      try {
        System.out.println("RETURNED " + mirrored(chunk));
      } catch (RuntimeException e) {
        System.out.println("CAUGHT " + e.getClass().getName() + ": " + e.getMessage());
      }
    }
  }
}
