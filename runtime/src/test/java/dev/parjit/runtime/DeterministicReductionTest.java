package dev.parjit.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parjit.mpi.Communicator;
import dev.parjit.mpi.ReduceOp;
import java.lang.reflect.Proxy;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code deterministic=true}: floating sums combine the partials from rank 0 up whatever order the
 * communicator's own reduction uses. The simulated communicator is wrapped so that its allreduce
 * folds from the last rank down, as a reduction tree may.
 */
class DeterministicReductionTest {

  /** Partials whose sum depends on the order: 0 from rank 0 up (1 + 1e16 rounds to 1e16), 1 from the top down. */
  private static final double[] PARTIALS = {1, 1e16, -1e16, 0};

  @AfterEach
  void off() {
    ParallelRuntime.setDeterministic(false);
  }

  /** The thread's communicator, with allreduce(double) and allreduceInPlace(double[]) folding from the top rank down. */
  private static Communicator reversed(Communicator c) {
    return (Communicator) Proxy.newProxyInstance(Communicator.class.getClassLoader(), new Class<?>[] {Communicator.class},
        (proxy, m, args) -> {
          if (m.getName().equals("allreduce") && args[0] instanceof Double v && args[1] == ReduceOp.SUM) {
            double[] all = c.allgatherv(new double[] {v});
            double acc = all[all.length - 1];
            for (int r = all.length - 2; r >= 0; r--) {
              acc += all[r];
            }
            return acc;
          }
          if (m.getName().equals("allreduceInPlace") && args[0] instanceof double[] a) {
            double[] all = c.allgatherv(a.clone());
            int n = a.length;
            int p = all.length / Math.max(1, n);
            for (int i = 0; i < n; i++) {
              double acc = all[(p - 1) * n + i];
              for (int r = p - 2; r >= 0; r--) {
                acc += all[r * n + i];
              }
              a[i] = acc;
            }
            return null;
          }
          return m.invoke(c, args);
        });
  }

  private static List<double[]> sums() throws Exception {
    return SimulatedRanks.run(4, r -> {
      ParallelRuntime.installForThread(reversed(ParallelRuntime.communicator()));
      double[] h = {PARTIALS[r], -PARTIALS[r]};
      ParallelRuntime.arrayAllreduce(h, 0);
      float f = ParallelRuntime.allreduce((float) PARTIALS[r], 0);
      return new double[] {ParallelRuntime.allreduce(PARTIALS[r], 0), h[0], h[1], f};
    });
  }

  @Test
  void sumsFoldFromRankZeroUp() throws Exception {
    ParallelRuntime.setDeterministic(true);
    for (double[] s : sums()) {
      assertArrayEquals(new double[] {0, 0, 0, 0}, s);
    }
  }

  @Test
  void withoutTheOptionTheCommunicatorsOrderStands() throws Exception {
    for (double[] s : sums()) {
      assertEquals(1, s[0], "folded from the top rank down");
      assertEquals(1, s[1]);
    }
  }
}
