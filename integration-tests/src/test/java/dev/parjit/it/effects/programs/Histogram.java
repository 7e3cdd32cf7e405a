package dev.parjit.it.effects.programs;

import dev.parjit.Jit;
import dev.parjit.it.effects.Data;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/** A histogram accumulating into the caller's bins, which already hold counts. */
public final class Histogram implements EffectsProgram {

  @Jit
  static void histogram(int[] data, int[] bins) {
    for (int i = 0; i < data.length; i++) {
      bins[data[i] % bins.length]++;
    }
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    int[] bins = {100, 200, 300, 400, 500};
    int[] data = Data.ints(n, 19);
    histogram(data, bins);
    s.put("bins", bins);
    s.put("data", data);
  }
}
