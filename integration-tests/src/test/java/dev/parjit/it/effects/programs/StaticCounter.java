package dev.parjit.it.effects.programs;

import dev.parjit.Jit;
import dev.parjit.it.effects.Data;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;
import java.util.Map;
import java.util.TreeMap;

/** A kernel updating a static {@code Map<String,Integer>} of counters the caller already filled. */
public final class StaticCounter implements EffectsProgram {

  static Map<String, Integer> counts;

  @Jit
  static void countKeys(int[] keys) {
    for (int i = 0; i < keys.length; i++) {
      String k = "k" + keys[i] % 4;
      counts.put(k, counts.getOrDefault(k, 0) + 1);
    }
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    counts = new TreeMap<>();
    counts.put("k0", 100);
    counts.put("other", 1);
    countKeys(Data.ints(n, 11));
    s.put("counts", counts);
  }
}
