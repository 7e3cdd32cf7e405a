package dev.parjit.it.corpus.programs;

import dev.parjit.Jit;
import dev.parjit.it.effects.Data;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/**
 * Trap: loops that stop early. A scaling loop with a {@code break} leaves later elements untouched;
 * a search returns from inside the loop.
 */
public final class TrapEarlyExit implements EffectsProgram {

  private double[] values;

  @Jit
  int scaleUntilNegativeSum() {
    double sum = 0;
    int i = 0;
    for (; i < values.length; i++) {
      sum += values[i];
      if (sum < 0) {
        break;
      }
      values[i] *= 2;
    }
    return i;
  }

  @Jit
  static int indexOfFirstAbove(int[] a, int threshold) {
    for (int i = 0; i < a.length; i++) {
      if (a[i] > threshold) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    values = Data.doubles(n, 103);
    for (int i = 0; i < n; i++) {
      values[i] += 40; // non-negative, so the running sum first turns negative at n / 2
    }
    if (n > 3) {
      values[n / 2] = -1e6;
    }
    s.put("stoppedAt", scaleUntilNegativeSum());
    s.put("values", values);
    int[] a = Data.ints(n, 104);
    s.put("indexOfFirstAbove", indexOfFirstAbove(a, 90));
    s.put("a", a);
  }
}
