package dev.parjit.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parjit.ParjitCompilationException;
import dev.parjit.transforms.targets.SpmdTargets;
import java.lang.reflect.InvocationTargetException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/** SPMD rewriting: every rewritten method enters through enterCall; an unhonourable distributed request fails its calls. */
class SpmdEntryRewriteTest {

  private static RewriteResult rewrite() {
    return ClassRewriter.rewrite(ClassRewriterDriverTest.bytesOf(SpmdTargets.class.getName().replace('.', '/')),
        new RewriteRequest(Role.SPMD, List.of(), ClassRewriterDriverTest.BYTES, null));
  }

  private static String firstCall(MethodNode m) {
    for (AbstractInsnNode x : m.instructions) {
      if (x instanceof MethodInsnNode call) {
        return call.name;
      }
    }
    return null;
  }

  @Test
  void rewrittenMethodsStartWithTheEntryHookAndOthersAreLeftAlone() {
    RewriteResult result = rewrite();
    assertEquals(List.of(), result.failures());
    assertNull(Verification.verify(result.bytes()));
    ClassNode cls = new ClassNode();
    new ClassReader(result.bytes()).accept(cls, 0);
    for (MethodNode m : cls.methods) {
      switch (m.name) {
        case "sum" -> assertEquals("enterCall", firstCall(m), "the hook comes before enterDistributed");
        case "mirrored" -> assertEquals("compilationError", firstCall(m));
        case "first" -> assertEquals(null, firstCall(m), "nothing parallel: unchanged");
        default -> { }
      }
    }
    assertTrue(result.passLog().stream().anyMatch(l -> l.startsWith("Error mirrored")), String.join("\n", result.passLog()));
  }

  @Test
  void anUnhonourableDistributedParameterFailsEveryCallNamingIt() throws Exception {
    Class<?> c = ClassRewriterDriverTest.load(SpmdTargets.class.getName(), rewrite().bytes());
    assertEquals(6.0, (double) c.getMethod("sum", double[].class).invoke(null, (Object) new double[] {1, 2, 3}));
    for (int call = 0; call < 2; call++) {
      InvocationTargetException e = assertThrows(InvocationTargetException.class,
          () -> c.getMethod("mirrored", double[].class).invoke(null, (Object) new double[] {1, 2, 3}));
      ParjitCompilationException p = assertInstanceOf(ParjitCompilationException.class, e.getCause());
      assertTrue(p.getMessage().contains(SpmdTargets.class.getName() + ".mirrored") && p.getMessage().contains("'x'")
          && p.getMessage().contains("REP"), p.getMessage());
    }
  }
}
