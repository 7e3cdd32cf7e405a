package dev.parjit.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.parjit.transforms.targets.NoThrowTargets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * A loop whose iterations cannot throw has no handler; either way its combine block is one collective
 * (its reductions and, when it can throw, its failure agreement: {@code combineLoop}).
 */
class LoopThrowsTest {

  private static long agreements(ClassNode cls, String method) {
    MethodNode m = cls.methods.stream().filter(x -> x.name.equals(method)).findFirst().orElseThrow();
    long n = 0;
    for (AbstractInsnNode x : m.instructions) {
      if (x instanceof MethodInsnNode call && java.util.Set.of("agreeLoop", "combineLoop", "allreduce").contains(call.name)) {
        n++;
      }
    }
    return n + m.tryCatchBlocks.size() * 100L;
  }

  @Test
  void onlyLoopsThatCanThrowAgree() {
    String internal = NoThrowTargets.class.getName().replace('.', '/');
    RewriteResult result = ClassRewriter.rewrite(ClassRewriterDriverTest.bytesOf(internal),
        new RewriteRequest(Role.SPMD, List.of(), ClassRewriterDriverTest.BYTES, null));
    assertEquals(List.of(), result.failures());
    assertNull(Verification.verify(result.bytes()));
    ClassNode cls = new ClassNode();
    new ClassReader(result.bytes()).accept(cls, 0);
    assertEquals(1, agreements(cls, "arithmetic"), "no handler, the sum's collective");
    assertEquals(101, agreements(cls, "dividing"), "a handler, and the sum and the agreement in one collective");
  }
}
