package dev.parjit.it.agree;

import dev.parjit.Jit;
import dev.parjit.Parjit;

/**
 * An SPMD stencil over two distributed parameters: called with two arrays it smooths each rank's
 * chunk with its neighbours' edges; called with one array as both, every rank gets the same clear
 * error instead of a Gauss–Seidel-like answer.
 */
public final class AliasedStencilMain {

  private AliasedStencilMain() { }

  @Jit(spawn = false, distributed = {"u", "v"})
  public static void smooth(double[] u, double[] v) {
    for (int i = 1; i < u.length - 1; i++) {
      v[i] = u[i - 1] + u[i + 1];
    }
  }

  public static void main(String[] args) {
    int r = Parjit.getRank();
    double[] u = new double[3];
    for (int k = 0; k < 3; k++) {
      u[k] = 3 * r + k; // the global array is 0, 1, 2, ..., 3p - 1
    }
    double[] v = new double[3];
    smooth(u, v);
    System.out.println("SMOOTHED " + java.util.Arrays.toString(v));
    try {
      smooth(u, u);
      System.out.println("RETURNED");
    } catch (RuntimeException e) {
      System.out.println("CAUGHT " + e.getClass().getName() + ": " + e.getMessage());
    }
  }
}
