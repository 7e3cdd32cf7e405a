package dev.parjit.it.corpus.programs;

import dev.parjit.Jit;
import dev.parjit.it.effects.Data;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/**
 * Time loops over two buffers held in fields ({@code from = u; to = v;}, swapped after each sweep),
 * called the ways that break a careless proof: every parity of the step count and none, one array in
 * both fields, fields of different lengths, and a failure at some step that the caller catches
 * before reading both fields.
 */
public final class FieldBuffers implements EffectsProgram {

  private double[] u;
  private double[] v;
  private int steps;
  private int failStep;
  private int failAt;

  /** A three-point sweep per step; which field holds the last step depends on the parity of {@code steps}. */
  @Jit
  void relax() {
    double[] from = u;
    double[] to = v;
    for (int t = 0; t < steps; t++) {
      for (int i = 1; i < from.length - 1; i++) {
        to[i] = 0.25 * from[i - 1] + 0.5 * from[i] + 0.25 * from[i + 1];
      }
      double[] swap = from;
      from = to;
      to = swap;
    }
  }

  /** Stops with an exception between two sweeps, at step {@code failStep}. */
  @Jit
  void relaxUntil() {
    double[] from = u;
    double[] to = v;
    for (int t = 0; t < steps; t++) {
      if (t == failStep) {
        throw new IllegalStateException("stopped before step " + t);
      }
      for (int i = 1; i < from.length - 1; i++) {
        to[i] = (from[i - 1] + from[i + 1]) * 0.5;
      }
      double[] swap = from;
      from = to;
      to = swap;
    }
  }

  /** Fails inside the sweep of step {@code failStep}, at index {@code failAt}: the element before it is written. */
  @Jit
  void relaxFailingAt() {
    double[] from = u;
    double[] to = v;
    for (int t = 0; t < steps; t++) {
      for (int i = 1; i < from.length - 1; i++) {
        to[i] = from[i - 1] - from[i] + from[i + 1];
        if (t == failStep && i == failAt) {
          throw new ArithmeticException("step " + t + " fails at " + i);
        }
      }
      double[] swap = from;
      from = to;
      to = swap;
    }
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    // every parity of the step count, and no step at all
    for (int k = 0; k <= 3; k++) {
      u = Data.doubles(n, 60 + k);
      v = Data.doubles(n, 70 + k);
      steps = k == 3 ? 6 : k;
      relax();
      s.put("steps" + steps + ".u", u);
      s.put("steps" + steps + ".v", v);
    }
    // one array in both fields: the sweep reads what it writes
    u = Data.doubles(n, 80);
    v = u;
    steps = 3;
    relax();
    s.put("same.u", u);
    s.put("sameStill", u == v);
    // u shorter than v, then longer: the sequential run may fail on the shorter one at some step
    for (int d = -1; d <= 2; d += 3) {
      u = Data.doubles(n, 81);
      v = Data.doubles(Math.max(0, n + d), 82);
      steps = 3;
      try {
        relax();
        s.noException();
      } catch (ArrayIndexOutOfBoundsException e) {
        s.thrown(e);
      }
      s.put("lengths" + d + ".u", u);
      s.put("lengths" + d + ".v", v);
    }
    // a failure between steps, and one inside a sweep: both fields as the sequential run leaves them
    u = Data.doubles(n, 83);
    v = Data.doubles(n, 84);
    steps = 5;
    failStep = 3;
    try {
      relaxUntil();
      s.noException();
    } catch (IllegalStateException e) {
      s.thrown(e);
    }
    s.put("until.u", u);
    s.put("until.v", v);
    u = Data.doubles(n, 85);
    v = Data.doubles(n, 86);
    steps = 4;
    failStep = 2;
    failAt = n / 2;
    try {
      relaxFailingAt();
      s.noException();
    } catch (ArithmeticException e) {
      s.thrown(e);
    }
    s.put("failing.u", u);
    s.put("failing.v", v);
  }
}
