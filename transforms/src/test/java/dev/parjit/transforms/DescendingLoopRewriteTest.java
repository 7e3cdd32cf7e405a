package dev.parjit.transforms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parjit.transforms.targets.DownTargets;
import java.lang.reflect.InvocationTargetException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/** Loops counting down after rewriting: their range from {@code downRange}, the highest failing rank agreed, same answers on one rank. */
class DescendingLoopRewriteTest {

  private static RewriteResult rewrite(Role role) {
    return ClassRewriter.rewrite(ClassRewriterDriverTest.bytesOf(DownTargets.class.getName().replace('.', '/')),
        new RewriteRequest(role, List.of(), ClassRewriterDriverTest.BYTES, null));
  }

  @ParameterizedTest
  @EnumSource(value = Role.class, names = {"WORKER", "SPMD"})
  void everyLoopIsChunkedDownwardsAndTheClassVerifies(Role role) throws Exception {
    RewriteResult result = rewrite(role);
    assertEquals(List.of(), result.failures());
    assertNotNull(result.bytes(), String.join("\n", result.passLog()));
    assertNull(Verification.verify(result.bytes()));
    ClassNode cls = new ClassNode();
    new ClassReader(result.bytes()).accept(cls, 0);
    for (MethodNode m : cls.methods) {
      if (m.name.equals("<init>")) {
        continue;
      }
      List<String> calls = java.util.stream.StreamSupport.stream(m.instructions.spliterator(), false)
          .filter(x -> x instanceof MethodInsnNode c && c.owner.equals(RuntimeCalls.OWNER))
          .map(x -> ((MethodInsnNode) x).name).toList();
      assertTrue(calls.contains("downRange"), m.name + ": " + calls);
      assertTrue(calls.contains("agreeLoopDescending"), m.name + ": the highest failing rank is agreed: " + calls);
      assertTrue(!calls.contains("agreeLoop"), "never the ascending agreement: " + calls);
    }
  }

  @ParameterizedTest
  @EnumSource(value = Role.class, names = {"WORKER", "SPMD"})
  void onOneRankTheResultsAndTheFailureAreTheSequentialOnes(Role role) throws Exception {
    Class<?> c = ClassRewriterDriverTest.load(DownTargets.class.getName(), rewrite(role).bytes());
    for (int n : new int[] {0, 1, 2, 3, 4, 10, 101}) {
      double[] a = new double[n];
      for (int i = 0; i < n; i++) {
        a[i] = i * 1.5 - 3;
      }
      assertEquals(DownTargets.sumDown(a), (double) c.getMethod("sumDown", double[].class).invoke(null, (Object) a));
      assertArrayEquals(DownTargets.everyThirdDown(n), (int[]) c.getMethod("everyThirdDown", int.class).invoke(null, n));
      String expectedFailure = null;
      double[] expected = null;
      try {
        expected = DownTargets.halveDown(a, 0);
      } catch (IllegalArgumentException e) {
        expectedFailure = e.getMessage();
      }
      String failure = null;
      double[] got = null;
      try {
        got = (double[]) c.getMethod("halveDown", double[].class, int.class).invoke(null, a, 0);
      } catch (InvocationTargetException e) {
        failure = e.getCause().getMessage();
      }
      assertEquals(expectedFailure, failure, "the first failure counting down");
      assertArrayEquals(expected, got);
      double[] upper = java.util.Arrays.copyOfRange(a, Math.min(n, 3), n);
      assertArrayEquals(DownTargets.halveDown(upper, 1),
          (double[]) c.getMethod("halveDown", double[].class, int.class).invoke(null, upper, 1));
    }
  }
}
