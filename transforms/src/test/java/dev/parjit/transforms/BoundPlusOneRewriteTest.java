package dev.parjit.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.parjit.transforms.targets.BoundPlusOneTargets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A loop bounded by {@code i + 1 < n} reading {@code a[i + 1]}: rewritten, verified, same answers on one rank. */
class BoundPlusOneRewriteTest {

  @ParameterizedTest
  @EnumSource(value = Role.class, names = {"WORKER", "SPMD"})
  void boundsPlusOneRewriteAndAnswerAsTheOriginal(Role role) throws Exception {
    String internal = BoundPlusOneTargets.class.getName().replace('.', '/');
    RewriteResult result = ClassRewriter.rewrite(ClassRewriterDriverTest.bytesOf(internal),
        new RewriteRequest(role, List.of(), ClassRewriterDriverTest.BYTES, null));
    assertEquals(List.of(), result.failures());
    assertNotNull(result.bytes(), String.join("\n", result.passLog()));
    assertEquals(null, Verification.verify(result.bytes()));
    Class<?> c = ClassRewriterDriverTest.load(BoundPlusOneTargets.class.getName(), result.bytes());
    for (int n : new int[] {0, 1, 2, 3, 5, 100}) {
      int[] a = new int[n];
      for (int i = 0; i < n; i++) {
        a[i] = i * 7 % 5;
      }
      assertEquals(BoundPlusOneTargets.rises(a.clone()), c.getMethod("rises", int[].class).invoke(null, (Object) a.clone()));
      assertEquals(BoundPlusOneTargets.variation(a.clone()),
          c.getMethod("variation", int[].class).invoke(null, (Object) a.clone()));
    }
  }
}
