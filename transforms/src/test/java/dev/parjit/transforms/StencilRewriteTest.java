package dev.parjit.transforms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parjit.transforms.targets.StencilChunkTargets;
import java.lang.reflect.InvocationTargetException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/** Stencil loops rewritten with halo exchanges: they verify and answer as the original on one rank. */
class StencilRewriteTest {

  @ParameterizedTest
  @EnumSource(value = Role.class, names = {"WORKER", "SPMD"})
  void stencilsReadThroughTheHaloAndGiveTheSequentialResults(Role role) throws Exception {
    String internal = StencilChunkTargets.class.getName().replace('.', '/');
    RewriteResult result = ClassRewriter.rewrite(ClassRewriterDriverTest.bytesOf(internal),
        new RewriteRequest(role, List.of(), ClassRewriterDriverTest.BYTES, null));
    assertEquals(List.of(), result.failures());
    assertNotNull(result.bytes(), String.join("\n", result.passLog()));
    assertEquals(null, Verification.verify(result.bytes()));
    ClassNode cn = new ClassNode();
    new ClassReader(result.bytes()).accept(cn, 0);
    // In SPMD mode parameters are REP unless named distributed: only the method's own arrays split there.
    for (String name : role == Role.WORKER ? List.of("smooth", "jacobi", "pastTheEnd") : List.of("jacobi")) {
      MethodNode m = cn.methods.stream().filter(x -> x.name.equals(name)).findFirst().orElseThrow();
      assertEquals(1, calls(m, "exchange"), name + " exchanges one halo per stencil loop");
      assertTrue(calls(m, "read") >= 1, name + " reads through it");
    }
    if (role == Role.WORKER) {
      MethodNode rows = cn.methods.stream().filter(x -> x.name.equals("jacobi2d")).findFirst().orElseThrow();
      assertEquals(1, calls(rows, "exchange"), "one halo of rows per sweep");
      assertTrue(calls(rows, "read") >= 2, "rows i - 1 and i + 1 read through it");
      MethodNode csr = cn.methods.stream().filter(x -> x.name.equals("csr")).findFirst().orElseThrow();
      assertEquals(1, calls(csr, "exchange"), "the row pointer's halo");
      assertEquals(2, calls(csr, "exchangeSegments"), "val's and col's nonzeros for the rank's rows");
    }
    Class<?> c = ClassRewriterDriverTest.load(StencilChunkTargets.class.getName(), result.bytes());
    for (int n : new int[] {0, 1, 2, 3, 5, 100}) {
      double[] u = new double[n];
      for (int i = 0; i < n; i++) {
        u[i] = i * i % 7;
      }
      assertArrayEquals(StencilChunkTargets.smooth(u), (double[]) c.getMethod("smooth", double[].class)
          .invoke(null, (Object) u));
      assertArrayEquals(StencilChunkTargets.jacobi(n, 4), (double[]) c.getMethod("jacobi", int.class, int.class)
          .invoke(null, n, 4));
      int[] rowptr = new int[n + 1];
      for (int i = 0; i < n; i++) {
        rowptr[i + 1] = rowptr[i] + i % 3;
      }
      int[] col = new int[rowptr[n]];
      double[] val = new double[rowptr[n]];
      for (int k = 0; k < col.length; k++) {
        col[k] = (k * 7) % n;
        val[k] = k * 0.5 - 1;
      }
      assertArrayEquals(StencilChunkTargets.csr(rowptr, col, val, u), (double[]) c.getMethod("csr", int[].class,
          int[].class, double[].class, double[].class).invoke(null, rowptr, col, val, u));
      double[][] grid = new double[n][];
      double[][] next = new double[n][];
      double[][] expectGrid = new double[n][];
      double[][] expectNext = new double[n][];
      for (int i = 0; i < n; i++) {
        grid[i] = new double[4 + i % 2]; // jagged: the last column read is each row's own
        for (int j = 0; j < grid[i].length; j++) {
          grid[i][j] = (i * 5 + j * 3) % 11;
        }
        next[i] = grid[i].clone();
        expectGrid[i] = grid[i].clone();
        expectNext[i] = grid[i].clone();
      }
      if (role == Role.WORKER) {
        StencilChunkTargets.jacobi2d(expectGrid, expectNext, 3);
        c.getMethod("jacobi2d", double[][].class, double[][].class, int.class).invoke(null, grid, next, 3);
        assertTrue(java.util.Arrays.deepEquals(expectGrid, grid) && java.util.Arrays.deepEquals(expectNext, next));
      }
      long[] a = new long[n];
      if (n == 0) {
        assertEquals(0L, c.getMethod("pastTheEnd", long[].class).invoke(null, (Object) a));
        continue;
      }
      InvocationTargetException e = assertThrows(InvocationTargetException.class,
          () -> c.getMethod("pastTheEnd", long[].class).invoke(null, (Object) a));
      assertEquals("Index " + n + " out of bounds for length " + n, e.getCause().getMessage());
    }
  }

  private static long calls(MethodNode m, String name) {
    long n = 0;
    for (AbstractInsnNode x : m.instructions) {
      n += x instanceof MethodInsnNode mi && mi.owner.equals(RuntimeCalls.HALO) && mi.name.equals(name) ? 1 : 0;
    }
    return n;
  }
}
