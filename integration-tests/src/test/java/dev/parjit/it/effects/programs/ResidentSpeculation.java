package dev.parjit.it.effects.programs;

import dev.parjit.Jit;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;
import java.util.Arrays;

/**
 * A loop passing the same array again and again, as a clustering or solver loop does, so that the
 * driver sends later calls before it has compared the array (the comparison runs while the workers
 * compute; at n = 100 the array, 1.6 MB, is compared in slices on the driver's processors). Between
 * calls the caller changes one element, passes a longer copy, lets a kernel write the array in place,
 * and changes an element so that the workers' stale copy would throw where the caller's array does
 * not: every answer, exception and array must be the sequential one.
 */
public final class ResidentSpeculation implements EffectsProgram {

  static final int SCALE = 2000;

  /** A weighted sum that refuses a negative element when the weight is large. */
  @Jit
  static double weigh(double[] a, double f) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      if (f > 10 && a[i] < 0) {
        throw new IllegalArgumentException("negative at " + i);
      }
      s += a[i] * f + i;
    }
    return s;
  }

  /** Scales the array in place (its blocks stay on the workers, written). */
  @Jit
  static void scale(double[] a, double f) {
    for (int i = 0; i < a.length; i++) {
      a[i] = a[i] * f;
    }
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    int len = SCALE * n;
    double[] a = new double[len];
    for (int i = 0; i < len; i++) {
      a[i] = (i % 13) - (i == len / 2 ? 20 : 0); // one negative element in the middle
    }
    s.put("unchanged", new double[] {weigh(a, 1), weigh(a, 2), weigh(a, 3)});
    if (len > 0) {
      a[len - 1] = 7.25; // one element, in the last block
    }
    s.put("oneChanged", weigh(a, 4));
    s.put("again", weigh(a, 4.5)); // the new contents compared once before use: later calls speculate
    if (len > 0) {
      a[len / 2] = 1; // the workers' copy still has the negative element: the stale answer throws
    }
    try {
      s.put("staleWouldThrow", weigh(a, 20));
      s.noException();
    } catch (IllegalArgumentException e) {
      s.thrown(e);
    }
    if (len > 0) {
      a[0] = -3; // now the caller's array throws at weight 20
    }
    try {
      s.put("freshThrows", weigh(a, 30));
      s.noException();
    } catch (IllegalArgumentException e) {
      s.thrown(e);
    }
    double[] longer = Arrays.copyOf(a, len + 3); // a different length
    s.put("longer", weigh(longer, 5));
    scale(a, 0.5);
    scale(a, 2.5);
    s.put("afterWrites", weigh(a, 6));
    if (len > 0) {
      a[len / 3] = 11; // changed after the kernel wrote it
    }
    scale(a, 2);
    s.put("afterChangeAndWrite", weigh(a, 7));
    s.put("a", a);
  }
}
