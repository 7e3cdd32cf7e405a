package dev.parjit.it.effects.programs;

import dev.parjit.Jit;
import dev.parjit.it.effects.Data;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;
import java.util.ArrayList;
import java.util.List;

/**
 * Kernels that return an object they made holding the caller's own arrays: an {@code Object[]} holding
 * the argument twice, one holding a static's array, rows of which one is the argument, a list holding
 * it. The caller sees its own arrays through the result ({@code ==}); a result built on the workers
 * would hold copies of them (the {@code Object[]} kernels once did, silently), and a list is a value
 * the driver refuses to read (its reply once looked like a dead worker, restarting the workers at
 * every call). So each runs on the driver. A kernel declared to return {@code Object} is judged by
 * its value: the workers answer that they cannot send the list back, and the call reruns on the driver.
 */
public final class ReturnedHolders implements EffectsProgram {

  static double[] weights = new double[0];

  @Jit
  static Object[] bothOf(double[] a) {
    for (int i = 0; i < a.length; i++) {
      a[i] += 1;
    }
    return new Object[] {a, a};
  }

  @Jit
  static Object[] withWeights(double[] a) {
    double t = 0;
    for (int i = 0; i < a.length; i++) {
      t += a[i];
    }
    return new Object[] {weights, t};
  }

  @Jit
  static double[][] rowsOf(double[] a) {
    double[][] r = new double[2][];
    for (int i = 0; i < a.length; i++) {
      a[i] *= 2;
    }
    r[1] = a;
    return r;
  }

  @Jit
  static List<double[]> listOf(double[] a) {
    List<double[]> l = new ArrayList<>();
    l.add(a);
    for (int i = 0; i < a.length; i++) {
      a[i] -= 3;
    }
    return l;
  }

  @Jit
  static Object totalsAsList(double[] a) {
    List<Double> l = new ArrayList<>();
    double t = 0;
    for (int i = 0; i < a.length; i++) {
      t += a[i];
    }
    l.add(t);
    return l;
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    double[] a = Data.doubles(n, 91);
    Object[] both = bothOf(a);
    s.put("both.same", (both[0] == a) + " " + (both[1] == a));
    s.put("a", a);
    weights = Data.doubles(n, 92);
    Object[] w = withWeights(a);
    s.put("weights.same", w[0] == weights);
    s.put("total", w[1]);
    double[][] rows = rowsOf(a);
    s.put("rows.same", rows[1] == a);
    s.put("rows.first", rows[0]);
    List<double[]> list = listOf(a);
    s.put("list.same", list.get(0) == a);
    s.put("a.end", a);
    s.put("totals", totalsAsList(a));
  }
}
