package dev.parjit.it.corpus.programs;

import dev.parjit.Jit;
import dev.parjit.it.effects.Data;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/**
 * Traps: time loops over buffers held in fields that look like a Jacobi sweep but are not one a
 * parallel loop may run: a sweep that also reads the buffer it writes (Gauss–Seidel-like), a method
 * that assigns one of the fields, and one whose helper writes a field of {@code this}.
 */
public final class TrapFieldBuffers implements EffectsProgram {

  private double[] u;
  private double[] v;
  private int steps;
  private int sweeps;

  /** Reads {@code to[i - 1]}, which this very sweep wrote: iterations depend on each other. */
  @Jit
  void relaxReadingTarget() {
    double[] from = u;
    double[] to = v;
    for (int t = 0; t < steps; t++) {
      for (int i = 1; i < from.length - 1; i++) {
        to[i] = (to[i - 1] + from[i] + from[i + 1]) / 3;
      }
      double[] swap = from;
      from = to;
      to = swap;
    }
  }

  /** Ends by assigning a field: which array {@code v} names changes under the method. */
  @Jit
  void relaxAndKeep() {
    double[] from = u;
    double[] to = v;
    for (int t = 0; t < steps; t++) {
      for (int i = 1; i < from.length - 1; i++) {
        to[i] = (from[i - 1] + from[i + 1]) * 0.5;
      }
      double[] swap = from;
      from = to;
      to = swap;
    }
    v = from;
  }

  /** Its per-step helper counts sweeps in a field of {@code this}: not pure. */
  @Jit
  void relaxCounting() {
    double[] from = u;
    double[] to = v;
    for (int t = 0; t < steps; t++) {
      double w = weight();
      for (int i = 1; i < from.length - 1; i++) {
        to[i] = w * (from[i - 1] + from[i + 1]);
      }
      double[] swap = from;
      from = to;
      to = swap;
    }
  }

  private double weight() {
    sweeps++;
    return 0.5 / sweeps;
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    u = Data.doubles(n, 90);
    v = Data.doubles(n, 91);
    steps = 3;
    relaxReadingTarget();
    s.put("reading.u", u);
    s.put("reading.v", v);
    u = Data.doubles(n, 92);
    v = Data.doubles(n, 93);
    double[] oldV = v;
    relaxAndKeep();
    s.put("keep.u", u);
    s.put("keep.v", v);
    s.put("keep.oldV", oldV);
    s.put("keep.vIsU", v == u);
    u = Data.doubles(n, 94);
    v = Data.doubles(n, 95);
    sweeps = 0;
    relaxCounting();
    s.put("counting.u", u);
    s.put("counting.v", v);
    s.put("counting.sweeps", sweeps);
  }
}
