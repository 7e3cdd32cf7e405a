package dev.parjit.it.agree;

import dev.parjit.Jit;

/** A parallel SPMD kernel with a reduction: one allreduce per call. */
public final class ThreadKernels {

  private ThreadKernels() { }

  @Jit(spawn = false)
  public static long sumOfSquares(int n) {
    long s = 0;
    for (int i = 0; i < n; i++) {
      s += (long) i * i;
    }
    return s;
  }
}
