package dev.parjit.demo.bench.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parjit.demo.bench.Scale;
import dev.parjit.demo.bench.report.Tolerance;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 14's array workloads: the plain-Java kernels (no agent here) and their parallel-streams
 * peers give the same digest at the quick sizes, so the benchmark compares like with like.
 */
class ArrayWorkloadsAgreeTest {

  @ParameterizedTest
  @ValueSource(strings = {"matmul2d", "cg", "cg-jit", "jacobi1d", "fourier", "kmeans-loop"})
  void kernelAndStreamsPeerAgree(String id) {
    Workload w = Workloads.byId(id);
    assertEquals(id, w.id());
    double[] jit = w.runJit(Scale.QUICK, Path.of("unused"));
    double[] streams = w.runStreams(Scale.QUICK, Path.of("unused"));
    assertTrue(jit.length > 0 && Arrays.stream(jit).allMatch(Double::isFinite), Arrays.toString(jit));
    assertEquals(-1, Tolerance.firstMismatch(jit, streams, w.tolerance()),
        id + ": " + Arrays.toString(jit) + " vs " + Arrays.toString(streams));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3, 4})
  void theLaplacianHasFiveNonzerosPerInteriorRow(int g) {
    ConjugateGradientWorkload.Csr m = ConjugateGradientWorkload.laplacian(g);
    assertEquals(g * g + 1, m.rowPtr().length);
    assertEquals(5 * g * g - 4 * g, m.values().length, "5 per row less the missing neighbours on the border");
    double rowSum = 0;
    for (int k = m.rowPtr()[0]; k < m.rowPtr()[1]; k++) {
      rowSum += m.values()[k];
    }
    assertEquals(g == 1 ? 4 : 2, rowSum, "the corner row: 4 - 1 - 1");
  }
}
