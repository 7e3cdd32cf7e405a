package dev.parjit.it.install;

import dev.parjit.Jit;

/** Loaded before {@code Parjit.install()}: the JVM cannot give it a dispatch stub any more. */
public final class EarlyKernels {

  private EarlyKernels() { }

  @Jit
  public static long count(int n) {
    long[] x = new long[n];
    for (int i = 0; i < n; i++) {
      x[i] = i % 7;
    }
    long s = 0;
    for (int i = 0; i < n; i++) {
      s += x[i];
    }
    return s;
  }
}
