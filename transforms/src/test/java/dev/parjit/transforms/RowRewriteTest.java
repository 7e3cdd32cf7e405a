package dev.parjit.transforms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parjit.transforms.targets.RowTargets;
import java.lang.reflect.InvocationTargetException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Arrays of rows after rewriting: allocations go through the runtime (this rank's block of rows),
 * returned ones are gathered, loops over rows are chunked; the class verifies and, on one rank,
 * answers exactly as the original, row objects of an argument included.
 */
class RowRewriteTest {

  private static final String INTERNAL = RowTargets.class.getName().replace('.', '/');

  private static RewriteResult rewrite(Role role) {
    return ClassRewriter.rewrite(ClassRewriterDriverTest.bytesOf(INTERNAL),
        new RewriteRequest(role, List.of(), ClassRewriterDriverTest.BYTES, null));
  }

  private static List<String> runtimeCalls(MethodNode m) {
    return java.util.stream.StreamSupport.stream(m.instructions.spliterator(), false)
        .filter(x -> x instanceof MethodInsnNode c && c.owner.equals(RuntimeCalls.OWNER))
        .map(x -> ((MethodInsnNode) x).name).toList();
  }

  @ParameterizedTest
  @EnumSource(value = Role.class, names = {"WORKER", "SPMD"})
  void rowAllocationsAndReturnsGoThroughTheRuntimeAndTheClassVerifies(Role role) throws Exception {
    RewriteResult result = rewrite(role);
    assertEquals(List.of(), result.failures());
    assertNotNull(result.bytes(), String.join("\n", result.passLog()));
    assertNull(Verification.verify(result.bytes()));
    ClassNode cls = new ClassNode();
    new ClassReader(result.bytes()).accept(cls, 0);
    for (MethodNode m : cls.methods) {
      List<String> calls = runtimeCalls(m);
      switch (m.name) {
        case "multiply", "cube" -> {
          assertTrue(calls.contains("newMatrix") && calls.contains("replicateRows") && calls.contains("ownedStart"),
              m.name + ": " + calls);
          for (AbstractInsnNode x : m.instructions) {
            assertFalse(x.getOpcode() == Opcodes.MULTIANEWARRAY, m.name + " allocates no whole matrix");
          }
        }
        case "triangle" -> assertTrue(calls.contains("newObjectArray") && calls.contains("replicateRows"), calls.toString());
        case "flatGrid" -> assertTrue(calls.contains("newRowBlockArray") && calls.contains("rowsStart")
            && calls.contains("rowsEnd") && calls.contains("replicate"), calls.toString());
        case "interior" -> assertTrue(calls.contains("newRowBlockArray") && calls.contains("rowsStart")
            && calls.contains("rowsEnd"), "c = i * w + j and c ± 1 are rows of w: " + calls);
        case "scaleRows" -> assertEquals(role == Role.WORKER, calls.contains("ownedStart"),
            "spawn scatters the rows; SPMD keeps a replicated argument whole: " + calls);
        default -> { }
      }
    }
  }

  @ParameterizedTest
  @EnumSource(value = Role.class, names = {"WORKER", "SPMD"})
  void onOneRankTheRewrittenMethodsGiveTheSequentialResults(Role role) throws Exception {
    Class<?> c = ClassRewriterDriverTest.load(RowTargets.class.getName(), rewrite(role).bytes());
    for (int n : new int[] {0, 1, 3, 50}) {
      double[][] a = new double[n][4];
      double[][] b = new double[4][3];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < 4; j++) {
          a[i][j] = i * 0.5 - j;
          b[j][i % 3] = j + i * 0.25;
        }
      }
      assertArrayEquals(RowTargets.multiply(a, b),
          (double[][]) c.getMethod("multiply", double[][].class, double[][].class).invoke(null, a, b));
      assertArrayEquals(RowTargets.triangle(n), (int[][]) c.getMethod("triangle", int.class).invoke(null, n));
      assertArrayEquals(RowTargets.cube(n, 2), (long[][][]) c.getMethod("cube", int.class, int.class).invoke(null, n, 2));
      for (int k : new int[] {0, 1, 3}) {
        assertArrayEquals(RowTargets.flatGrid(n, k), (float[]) c.getMethod("flatGrid", int.class, int.class).invoke(null, n, k));
      }
      for (int w : new int[] {0, 2, 5}) {
        double[] grid = new double[n * w];
        java.util.Arrays.setAll(grid, e -> e * 0.25 - 1);
        assertArrayEquals(RowTargets.interior(grid, n, w),
            (double[]) c.getMethod("interior", double[].class, int.class, int.class).invoke(null, grid, n, w));
      }
      double[] shortGrid = new double[4 * 5 - 1]; // the last row one element short: a[c + 1] fails there
      InvocationTargetException past = assertThrows(InvocationTargetException.class,
          () -> c.getMethod("interior", double[].class, int.class, int.class).invoke(null, shortGrid, 4, 5));
      // SPMD reads the replicated argument whole: the sequential exception. Spawn mode splits it beside the
      // fresh grid of 20: the alignment check fails the call first, and the dispatcher reruns it on the driver.
      assertEquals(role == Role.SPMD ? "Index 19 out of bounds for length 19"
          : "arrays used together in a parallel loop have different lengths (19 and 20) or distributions; Parjit"
              + " needs them aligned", past.getCause().getMessage());
      double[][] expected = copy(a);
      RowTargets.scaleRows(expected, 1.5);
      double[] first = n > 0 ? a[0] : null;
      c.getMethod("scaleRows", double[][].class, double.class).invoke(null, a, 1.5);
      assertArrayEquals(expected, a);
      if (n > 0) {
        assertSame(first, a[0], "the caller's row objects are the ones updated");
      }
    }
    InvocationTargetException negative = assertThrows(InvocationTargetException.class,
        () -> c.getMethod("cube", int.class, int.class).invoke(null, 2, -3));
    assertEquals(NegativeArraySizeException.class, negative.getCause().getClass());
    assertEquals("-3", negative.getCause().getMessage(), "the sequential message");
  }

  private static double[][] copy(double[][] m) {
    double[][] out = new double[m.length][];
    for (int i = 0; i < m.length; i++) {
      out[i] = m[i].clone();
    }
    return out;
  }
}
