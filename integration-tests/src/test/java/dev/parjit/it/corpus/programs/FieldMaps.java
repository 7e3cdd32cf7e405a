package dev.parjit.it.corpus.programs;

import dev.parjit.Jit;
import dev.parjit.it.effects.Data;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/**
 * Element-wise maps as a benchmark class writes them: arrays and their size in fields, loops
 * starting at 1, bounded with {@code <=}, stepping by 2, counting down, reading {@code a[i + 2]}.
 */
public final class FieldMaps implements EffectsProgram {

  private int size;
  private double[] src;
  private double[] dst;

  @Jit
  void scaleFromOne() {
    for (int i = 1; i < size; i++) {
      dst[i] = src[i] * 2 - 1;
    }
  }

  @Jit
  void inclusiveBound() {
    for (int i = 0; i <= size - 1; i++) {
      dst[i] = dst[i] + src[i] * 0.5;
    }
  }

  @Jit
  void evenOnly() {
    for (int i = 0; i < src.length; i += 2) {
      dst[i] = -src[i];
    }
  }

  @Jit
  void countDown() {
    for (int i = size - 1; i >= 0; i--) {
      dst[i] = src[i] * src[i];
    }
  }

  @Jit
  void forwardDifference() {
    for (int i = 0; i < size - 2; i++) {
      dst[i] = src[i + 2] - src[i];
    }
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    size = n;
    src = Data.doubles(n, 1);
    dst = Data.filled(n, 7);
    scaleFromOne();
    s.put("scaleFromOne", dst.clone());
    inclusiveBound();
    s.put("inclusiveBound", dst.clone());
    evenOnly();
    s.put("evenOnly", dst.clone());
    countDown();
    s.put("countDown", dst.clone());
    dst = Data.filled(n, 3);
    forwardDifference();
    s.put("forwardDifference", dst);
    s.put("src", src);
    s.put("size", size);
  }
}
