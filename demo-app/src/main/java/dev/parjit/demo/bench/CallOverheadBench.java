package dev.parjit.demo.bench;

import java.util.Arrays;

/**
 * The cost of a {@code @Jit} call itself in spawn mode: the first call (starting the workers and
 * compiling), then warm-up calls (the JIT compiles the message path meanwhile), then many warm trivial
 * calls (scalar in, scalar out). Run it with the agent:
 * {@code bin/parjit java --workers 2 -cp demo-app/target/classes dev.parjit.demo.bench.CallOverheadBench [calls [warmup]]}.
 */
public final class CallOverheadBench {

  private CallOverheadBench() { }

  public static void main(String[] args) {
    int calls = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    long t0 = System.nanoTime();
    long first = MonteCarlo.trivial(1);
    double firstMs = (System.nanoTime() - t0) / 1e6;
    long check = 0;
    long[] cold = new long[warmup];
    for (int i = 0; i < warmup; i++) {
      long s = System.nanoTime();
      check += MonteCarlo.trivial(i);
      cold[i] = System.nanoTime() - s;
    }
    long[] ns = new long[calls];
    for (int i = 0; i < calls; i++) {
      long s = System.nanoTime();
      check += MonteCarlo.trivial(i);
      ns[i] = System.nanoTime() - s;
    }
    System.out.printf("first @Jit call (start workers, compile): %.0f ms (answer %d)%n", firstMs, first);
    if (warmup > 0) {
      System.out.printf("next %d calls (warming up): %s; first 200 mean %.3f ms%n", warmup, summary(cold),
          Arrays.stream(cold, 0, Math.min(200, warmup)).average().orElse(0) / 1e6);
    }
    System.out.printf("trivial @Jit call, %d warm calls: %s (checksum %d)%n", calls, summary(ns), check);
  }

  private static String summary(long[] ns) {
    double mean = Arrays.stream(ns).average().orElse(0) / 1e6;
    long[] sorted = ns.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return String.format("mean %.3f ms, median %.3f ms, p90 %.3f ms, p99 %.3f ms", mean, sorted[n / 2] / 1e6,
        sorted[(int) (n * 0.9)] / 1e6, sorted[(int) (n * 0.99)] / 1e6);
  }
}
