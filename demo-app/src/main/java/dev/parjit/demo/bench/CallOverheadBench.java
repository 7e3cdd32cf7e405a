package dev.parjit.demo.bench;

import java.util.Arrays;

/**
 * The cost of a {@code @Jit} call itself in spawn mode: the first call (starting the workers and
 * compiling), then the median of many trivial calls (scalar in, scalar out). Run it with the agent:
 * {@code bin/parjit java --workers 2 -cp demo-app/target/classes dev.parjit.demo.bench.CallOverheadBench [calls]}.
 */
public final class CallOverheadBench {

  private CallOverheadBench() { }

  public static void main(String[] args) {
    int calls = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    long t0 = System.nanoTime();
    long first = MonteCarlo.trivial(1);
    double firstMs = (System.nanoTime() - t0) / 1e6;
    long[] ns = new long[calls];
    long check = 0;
    for (int i = 0; i < calls; i++) {
      long s = System.nanoTime();
      check += MonteCarlo.trivial(i);
      ns[i] = System.nanoTime() - s;
    }
    double mean = Arrays.stream(ns).average().orElse(0) / 1e6;
    double firstHundreds = Arrays.stream(ns, 0, Math.min(200, calls)).average().orElse(0) / 1e6;
    Arrays.sort(ns);
    System.out.printf("first @Jit call (start workers, compile): %.0f ms (answer %d)%n", firstMs, first);
    System.out.printf("trivial @Jit call, %d calls: mean %.3f ms, median %.3f ms, p90 %.3f ms, p99 %.3f ms, "
        + "first 200 mean %.3f ms (checksum %d)%n", calls, mean, ns[calls / 2] / 1e6, ns[(int) (calls * 0.9)] / 1e6,
        ns[(int) (calls * 0.99)] / 1e6, firstHundreds, check);
  }
}
