package dev.parjit.it.corpus.programs;

import dev.parjit.Jit;
import dev.parjit.it.effects.Data;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/**
 * Histograms: bin counts into a fresh array from a range in fields, a weighted histogram, and
 * counts accumulated into a field across calls.
 */
public final class Histograms implements EffectsProgram {

  private int bins = 10;
  private double lo = -40;
  private double hi = 85;
  private long[] runningCounts;

  @Jit
  int[] histogram(double[] data) {
    int[] counts = new int[bins];
    double width = (hi - lo) / bins;
    for (int i = 0; i < data.length; i++) {
      int b = (int) ((data[i] - lo) / width);
      if (b >= bins) {
        b = bins - 1;
      }
      counts[b]++;
    }
    return counts;
  }

  @Jit
  static double[] weighted(int[] keys, double[] weights, int buckets) {
    double[] sums = new double[buckets];
    for (int i = 0; i < keys.length; i++) {
      sums[keys[i] % buckets] += weights[i];
    }
    return sums;
  }

  @Jit
  void accumulate(int[] keys) {
    for (int i = 0; i < keys.length; i++) {
      runningCounts[keys[i] & 7]++;
    }
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    double[] data = Data.doubles(n, 90);
    s.put("histogram", histogram(data));
    int[] keys = Data.ints(n, 91);
    s.put("weighted", weighted(keys, data, 6));
    runningCounts = new long[8];
    accumulate(keys);
    accumulate(keys);
    s.put("runningCounts", runningCounts);
    s.put("data", data);
    s.put("keys", keys);
  }
}
