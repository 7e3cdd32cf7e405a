package dev.parjit.transforms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parjit.transforms.targets.ChunkTargets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Worker and SPMD rewriting, run on one rank: the rewritten class verifies and answers as the original. */
class ClassRewriterInPlaceTest {

  @ParameterizedTest
  @EnumSource(value = Role.class, names = {"WORKER", "SPMD"})
  void rewrittenMethodsVerifyAndGiveTheSequentialResults(Role role) throws Exception {
    String internal = ChunkTargets.class.getName().replace('.', '/');
    RewriteResult result = ClassRewriter.rewrite(ClassRewriterDriverTest.bytesOf(internal),
        new RewriteRequest(role, List.of(), ClassRewriterDriverTest.BYTES, null));
    assertEquals(List.of(), result.failures());
    assertNotNull(result.bytes(), String.join("\n", result.passLog()));
    assertTrue(result.passLog().stream().filter(l -> l.contains(": applied")).count() >= 4, String.join("\n", result.passLog()));
    assertEquals(null, Verification.verify(result.bytes()));
    Class<?> c = ClassRewriterDriverTest.load(ChunkTargets.class.getName(), result.bytes());
    for (int n : new int[] {0, 1, 2, 5, 100}) {
      double[] a = new double[n];
      int[] data = new int[n];
      for (int i = 0; i < n; i++) {
        a[i] = i * 0.75;
        data[i] = i * 7919;
      }
      assertEquals(ChunkTargets.sum(a), (double) c.getMethod("sum", double[].class).invoke(null, (Object) a));
      assertArrayEquals(ChunkTargets.squares(n), (long[]) c.getMethod("squares", int.class).invoke(null, n));
      assertArrayEquals(ChunkTargets.histogram(data), (int[]) c.getMethod("histogram", int[].class).invoke(null, (Object) data));
      assertEquals(ChunkTargets.pairs(n), (long) c.getMethod("pairs", long.class).invoke(null, (long) n));
    }
  }
}
