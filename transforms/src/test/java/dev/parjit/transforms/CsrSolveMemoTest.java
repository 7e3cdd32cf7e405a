package dev.parjit.transforms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parjit.runtime.SimulatedRanks;
import dev.parjit.transforms.targets.CsrSolveTargets;
import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The CG solve with its iteration loop inside the method, rewritten and run on 1–4 simulated ranks:
 * the matrix's exchanges go through the per-invocation memo ({@code HaloMemo}) when the method never
 * writes the matrix, not when it does; the answers are the sequential ones; every rank runs the
 * same number of collectives; and an iteration costs the vector's exchange, the dot products and the
 * loops' agreements only.
 */
class CsrSolveMemoTest {

  /** The 5-point Laplacian of a g × g grid plus 4 on the diagonal, in CSR form. */
  private static Object[] laplacian(int g) {
    int n = g * g;
    int[] rowPtr = new int[n + 1];
    int[] col = new int[5 * n];
    double[] val = new double[5 * n];
    int nnz = 0;
    for (int i = 0; i < n; i++) {
      int r = i / g;
      int c = i % g;
      int[] cols = {r > 0 ? i - g : -1, c > 0 ? i - 1 : -1, i, c < g - 1 ? i + 1 : -1, r < g - 1 ? i + g : -1};
      for (int j : cols) {
        if (j >= 0) {
          col[nnz] = j;
          val[nnz++] = j == i ? 8 : -1;
        }
      }
      rowPtr[i + 1] = nnz;
    }
    double[] b = new double[n];
    for (int i = 0; i < n; i++) {
      b[i] = 1 + i % 7 * 0.5;
    }
    return new Object[] {rowPtr, java.util.Arrays.copyOf(col, nnz), java.util.Arrays.copyOf(val, nnz), b};
  }

  private static long calls(MethodNode m, String owner, String name) {
    long n = 0;
    for (AbstractInsnNode x : m.instructions) {
      n += x instanceof MethodInsnNode mi && mi.owner.equals(owner) && mi.name.equals(name) ? 1 : 0;
    }
    return n;
  }

  @ParameterizedTest
  @EnumSource(value = Role.class, names = {"WORKER", "SPMD"})
  void theMatrixIsExchangedOncePerCallAndEachIterationSendsOnlyTheVector(Role role) throws Exception {
    String internal = CsrSolveTargets.class.getName().replace('.', '/');
    RewriteResult result = ClassRewriter.rewrite(ClassRewriterDriverTest.bytesOf(internal),
        new RewriteRequest(role, List.of(), ClassRewriterDriverTest.BYTES, null));
    assertEquals(List.of(), result.failures());
    assertNotNull(result.bytes(), String.join("\n", result.passLog()));
    assertEquals(null, Verification.verify(result.bytes()));
    ClassNode cn = new ClassNode();
    new ClassReader(result.bytes()).accept(cn, 0);
    MethodNode solve = cn.methods.stream().filter(x -> x.name.equals("solve")).findFirst().orElseThrow();
    MethodNode scaled = cn.methods.stream().filter(x -> x.name.equals("solveThenScale")).findFirst().orElseThrow();
    assertEquals(1, calls(solve, RuntimeCalls.HALO_MEMO, "exchangeIndexed"), "the product's plan is memoized");
    assertEquals(0, calls(solve, RuntimeCalls.HALO, "exchangeIndexed") + calls(solve, RuntimeCalls.HALO, "exchangeSegments"));
    assertEquals(0, calls(scaled, RuntimeCalls.HALO_MEMO, "enter"), "a method writing its matrix keeps per-loop exchanges");
    assertEquals(1, calls(scaled, RuntimeCalls.HALO, "exchangeIndexed"));

    Class<?> c = ClassRewriterDriverTest.load(CsrSolveTargets.class.getName(), result.bytes());
    Method jitSolve = c.getMethod("solve", int[].class, int[].class, double[].class, double[].class, int.class);
    Method jitScaled = c.getMethod("solveThenScale", int[].class, int[].class, double[].class, double[].class,
        int.class);
    for (int p = 1; p <= 4; p++) {
      for (int g : new int[] {0, 1, 2, 3, 6}) {
        Object[] m = laplacian(g);
        double[] expected = CsrSolveTargets.solve((int[]) m[0], (int[]) m[1], (double[]) m[2], (double[]) m[3], 5);
        double[] expectedScaled = CsrSolveTargets.solveThenScale((int[]) m[0], (int[]) m[1],
            ((double[]) m[2]).clone(), (double[]) m[3], 3);
        int ranks = p;
        List<Object[]> out = SimulatedRanks.run(p, r -> {
          try {
            long c0 = SimulatedRanks.collectives();
            double[] two = (double[]) jitSolve.invoke(null, m[0], m[1], m[2], m[3], 2);
            long c1 = SimulatedRanks.collectives();
            double[] five = (double[]) jitSolve.invoke(null, m[0], m[1], m[2], m[3], 5);
            long c2 = SimulatedRanks.collectives();
            double[] scaledTwo = (double[]) jitScaled.invoke(null, m[0], m[1], ((double[]) m[2]).clone(), m[3], 2);
            long c3 = SimulatedRanks.collectives();
            double[] scaledThree = (double[]) jitScaled.invoke(null, m[0], m[1], ((double[]) m[2]).clone(), m[3], 3);
            long c4 = SimulatedRanks.collectives();
            return new Object[] {five, scaledThree, ((c2 - c1) - (c1 - c0)) / 3, (c4 - c3) - (c3 - c2)};
          } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
          }
        });
        for (Object[] o : out) {
          assertArrayEquals(expected, (double[]) o[0], 1e-9 * (1 + Math.abs(expected[0]) + Math.abs(expected[1])),
              role + " p=" + p + " g=" + g);
          assertArrayEquals(expectedScaled, (double[]) o[1], 1e-9 * (1 + Math.abs(expectedScaled[0])),
              role + " p=" + p + " g=" + g);
          // collectives stay matched: every rank ran as many as rank 0
          assertEquals(out.get(0)[2], o[2], "per-iteration collectives differ between ranks");
          assertEquals(out.get(0)[3], o[3], "per-iteration collectives differ between ranks");
        }
        if (g == 6) {
          long perIteration = (Long) out.get(0)[2];
          System.out.println("CsrSolveMemoTest " + role + " ranks=" + ranks + ": solve " + perIteration
              + " collectives per iteration; solveThenScale (matrix written, no memo) " + out.get(0)[3]);
          // the vector's exchange (one all-to-all), 2 dot products sharing their loops' agreements, 2
          // other agreements: the matrix's halos, segments and the vector's needs (7 collectives) no
          // longer run per iteration, nor a separate allreduce per dot product
          assertTrue(perIteration <= 5, role + ": " + perIteration + " collectives per iteration");
        }
      }
    }
  }

  @ParameterizedTest
  @EnumSource(value = Role.class, names = {"WORKER", "SPMD"})
  void aColumnIndexPastTheVectorFailsOnEveryRankAsInJavaWithTheMemo(Role role) throws Exception {
    RewriteResult result = ClassRewriter.rewrite(ClassRewriterDriverTest.bytesOf(
        CsrSolveTargets.class.getName().replace('.', '/')),
        new RewriteRequest(role, List.of(), ClassRewriterDriverTest.BYTES, null));
    Class<?> c = ClassRewriterDriverTest.load(CsrSolveTargets.class.getName(), result.bytes());
    Method jitSolve = c.getMethod("solve", int[].class, int[].class, double[].class, double[].class, int.class);
    Object[] m = laplacian(4);
    int[] bad = ((int[]) m[1]).clone();
    bad[((int[]) m[0])[9]] = 16; // row 9's first column index lies past the vector of 16
    String expected = null;
    try {
      CsrSolveTargets.solve((int[]) m[0], bad, (double[]) m[2], (double[]) m[3], 3);
    } catch (ArrayIndexOutOfBoundsException e) {
      expected = e.getMessage();
    }
    assertEquals("Index 16 out of bounds for length 16", expected);
    for (int p = 1; p <= 4; p++) {
      List<String> out = SimulatedRanks.run(p, r -> {
        try {
          jitSolve.invoke(null, m[0], bad, m[2], m[3], 3);
          return "no exception";
        } catch (java.lang.reflect.InvocationTargetException e) {
          return e.getCause().getClass().getSimpleName() + ": " + e.getCause().getMessage();
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
      });
      for (String o : out) {
        assertEquals("ArrayIndexOutOfBoundsException: " + expected, o, role + " p=" + p);
      }
    }
  }
}
