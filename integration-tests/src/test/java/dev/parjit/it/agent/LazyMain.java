package dev.parjit.it.agent;

import dev.parjit.Jit;
import dev.parjit.Parjit;
import dev.parjit.frame.DataFrame;
import java.util.Map;

/**
 * Lazy results in spawn mode: a frame too big for the driver's heap stays on the workers; its
 * head, another call on it and its row count move almost nothing; dropped results are freed.
 * Argument: the number of rows.
 */
public final class LazyMain {

  private LazyMain() { }

  @Jit
  public static DataFrame build(int n) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = (i % 1000) * 0.5;
    }
    return DataFrame.of("x", x);
  }

  @Jit
  public static double mean(DataFrame df) {
    return df.column("x").mean();
  }

  public static void main(String[] args) throws Exception {
    int n = Integer.parseInt(args[0]);
    System.out.println("WARM " + mean(build(10)));
    Map<String, Long> baseline = Parjit.stats();
    System.out.println("BASELINE " + baseline.get("workerLazyResults") + " ARROW " + baseline.get("workerArrowBytes"));
    DataFrame r = build(n);
    System.out.println("ROWS " + r.numRows() + " " + r.columns());
    System.out.println("HEAD " + r.head(3).toString().replace("\n", "|"));
    System.out.println("TAIL " + r.tail(2).toString().replace("\n", "|"));
    System.out.println("MEAN " + mean(r));
    Map<String, Long> s = Parjit.stats();
    System.out.println("BYTES " + (s.get("bytesToDriver") - baseline.get("bytesToDriver")));
    for (int i = 0; i < 1000; i++) {
      DataFrame dropped = build(1000);
      if (i == 0) {
        System.out.println("SMALL " + dropped.head(2).toString().replace("\n", "|"));
      }
    }
    r = null;
    for (int attempt = 0; attempt < 50; attempt++) {
      System.gc();
      Thread.sleep(100);
      s = Parjit.stats();
      if (s.get("workerLazyResults") == 0) {
        break;
      }
    }
    System.out.println("LIVE " + s.get("workerLazyResults") + " ARROW " + s.get("workerArrowBytes"));
  }
}
