package dev.parjit.transforms.targets;

import dev.parjit.Jit;

/** A loop over two arrays whose placements are checked to match before it runs. */
public class AlignmentTargets {

  @Jit
  public static double dot(int n) {
    double[] a = new double[n];
    double[] b = new double[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
      b[i] = n - i;
    }
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
