package dev.parjit.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parjit.transforms.targets.FailureTargets;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;

/**
 * A chunked loop's iterations are covered by a handler that records the failure and joins the
 * other ranks at the combine block, which agrees on failures in its reductions' collective; rewritten
 * classes verify and, on one rank, fail exactly as the originals do.
 */
class LoopFailureRewriteTest {

  private static final String INTERNAL = FailureTargets.class.getName().replace('.', '/');

  private static RewriteResult rewrite(Role role) {
    return ClassRewriter.rewrite(ClassRewriterDriverTest.bytesOf(INTERNAL),
        new RewriteRequest(role, List.of(), ClassRewriterDriverTest.BYTES, null));
  }

  @ParameterizedTest
  @EnumSource(value = Role.class, names = {"WORKER", "SPMD"})
  void everyChunkedLoopHasAHandlerThatMeetsTheOthersBeforeTheReductions(Role role) {
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
      List<TryCatchBlockNode> iterations = m.tryCatchBlocks.stream()
          .filter(t -> "java/lang/Throwable".equals(t.type)).toList();
      assertEquals(1, iterations.size(), m.name + " has one handler around its loop's iterations");
      AbstractInsnNode first = real(iterations.get(0).handler);
      assertTrue(first instanceof MethodInsnNode call && call.name.equals("loopFailed"), m.name + ": handler records");
      AbstractInsnNode jump = real(first.getNext());
      assertTrue(jump instanceof JumpInsnNode j && j.getOpcode() == Opcodes.GOTO, m.name);
      // The combine block queues the reductions, then agrees and combines in one collective.
      AbstractInsnNode x = real(((JumpInsnNode) jump).label);
      while (!(x instanceof MethodInsnNode agree && agree.name.equals("combineLoop"))) {
        assertTrue(!(x instanceof MethodInsnNode queued) || queued.name.startsWith("combineScalar")
            || queued.name.startsWith("combineArray"), m.name + ": only queued reductions before the agreement");
        x = x.getNext();
      }
      AbstractInsnNode reduction = x.getNext();
      while (!(reduction instanceof MethodInsnNode)) {
        reduction = reduction.getNext();
      }
      assertTrue(reduction instanceof MethodInsnNode read && read.name.startsWith("combined"),
          m.name + ": the reduction's value is read after the agreement");
      if (m.name.equals("caughtInside")) {
        assertEquals("java/lang/ArithmeticException", m.tryCatchBlocks.get(0).type, "the body's handler comes first");
      }
    }
  }

  /**
   * A rank whose arrays are split otherwise than the loop's first one (a placement that matches the
   * block formula on some ranks only) fails the loop like a failing iteration, so the ranks that
   * found theirs aligned learn it at the combine instead of waiting there for a rank that threw.
   */
  @ParameterizedTest
  @EnumSource(value = Role.class, names = {"WORKER", "SPMD"})
  void theAlignmentCheckFailsTheLoopLikeAnIteration(Role role) {
    RewriteResult result = ClassRewriter.rewrite(ClassRewriterDriverTest.bytesOf(
        dev.parjit.transforms.targets.AlignmentTargets.class.getName().replace('.', '/')),
        new RewriteRequest(role, List.of(), ClassRewriterDriverTest.BYTES, null));
    assertEquals(List.of(), result.failures());
    assertNull(Verification.verify(result.bytes()));
    ClassNode cls = new ClassNode();
    new ClassReader(result.bytes()).accept(cls, 0);
    MethodNode dot = cls.methods.stream().filter(m -> m.name.equals("dot")).findFirst().orElseThrow();
    TryCatchBlockNode check = dot.tryCatchBlocks.stream().filter(t -> {
      for (AbstractInsnNode x = t.start; x != t.end; x = x.getNext()) {
        if (x instanceof MethodInsnNode call && call.name.equals("checkAligned")) {
          return true;
        }
      }
      return false;
    }).findFirst().orElseThrow(() -> new AssertionError("no handler covers the alignment check"));
    assertEquals("java/lang/Throwable", check.type);
    assertEquals(0, dot.tryCatchBlocks.indexOf(check), "the check's handler is the innermost");
    AbstractInsnNode first = real(check.handler);
    assertTrue(first instanceof MethodInsnNode call && call.name.equals("loopFailed"), "the handler records the failure");
  }

  @ParameterizedTest
  @EnumSource(value = Role.class, names = {"WORKER", "SPMD"})
  void oneRankFailsAsTheOriginalDoes(Role role) throws Exception {
    Class<?> c = ClassRewriterDriverTest.load(FailureTargets.class.getName(), rewrite(role).bytes());
    int n = 7;
    int[] a = new int[n];
    long[] b = new long[n];
    for (int i = 0; i < n; i++) {
      a[i] = 10 * i + 3;
      b[i] = i;
    }
    for (int k : new int[] {-1, 0, 3, n - 1, n}) {
      assertSameOutcome(FailureTargets.class.getMethod("divideAll", int[].class, int.class),
          c.getMethod("divideAll", int[].class, int.class), a, k);
      assertSameOutcome(FailureTargets.class.getMethod("caughtInside", int[].class, int.class),
          c.getMethod("caughtInside", int[].class, int.class), a, k);
    }
    for (int m : new int[] {n - 1, n}) {
      assertSameOutcome(FailureTargets.class.getMethod("nextSum", long[].class, int.class),
          c.getMethod("nextSum", long[].class, int.class), b, m);
    }
  }

  private static void assertSameOutcome(Method original, Method rewritten, Object... args) throws Exception {
    String expected = outcome(original, args);
    assertEquals(expected, outcome(rewritten, args), original.getName() + " with " + args[args.length - 1]);
    // The next call with the same arguments is not disturbed by the previous failure.
    assertEquals(expected, outcome(rewritten, args));
  }

  private static String outcome(Method m, Object... args) throws Exception {
    try {
      return "returned " + m.invoke(null, args);
    } catch (InvocationTargetException e) {
      return "threw " + e.getCause().getClass().getName() + ": " + e.getCause().getMessage();
    }
  }

  private static AbstractInsnNode real(AbstractInsnNode x) {
    while (x != null && x.getOpcode() < 0) {
      x = x.getNext();
    }
    return x;
  }
}
