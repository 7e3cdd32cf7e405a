package dev.parjit.agent.worker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** A worker's shipped classes: defined at first use, served as resources, replaced by a new loader. */
class ShippedClassesTest {

  /** {@code public class name { public static int value() { return v; } }} */
  private static byte[] classReturning(String name, int v) {
    ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
    cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, name.replace('.', '/'), null, "java/lang/Object", null);
    MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "value", "()I", null, null);
    mv.visitCode();
    mv.visitLdcInsn(v);
    mv.visitInsn(Opcodes.IRETURN);
    mv.visitMaxs(0, 0);
    mv.visitEnd();
    cw.visitEnd();
    return cw.toByteArray();
  }

  private static int value(ClassLoader loader, String name) throws Exception {
    return (int) Class.forName(name, true, loader).getMethod("value").invoke(null);
  }

  @Test
  void aShippedClassLoadsThroughTheShippedLoader() throws Exception {
    ShippedClasses shipped = new ShippedClasses();
    assertSame(ClassLoader.getSystemClassLoader(), shipped.loader(), "nothing shipped: the system loader");
    byte[] bytes = classReturning("snippet.A", 1);
    shipped.define(new String[] {"snippet.A"}, new byte[][] {bytes});
    assertEquals(1, value(shipped.loader(), "snippet.A"));
    try (InputStream in = shipped.loader().getResourceAsStream("snippet/A.class")) {
      assertArrayEquals(bytes, in.readAllBytes(), "the analysis reads the bytes as a resource");
    }
    assertSame(String.class, Class.forName("java.lang.String", false, shipped.loader()));
  }

  @Test
  void aNewVersionOfADefinedClassStartsANewLoaderWithEveryClass() throws Exception {
    ShippedClasses shipped = new ShippedClasses();
    shipped.define(new String[] {"snippet.A", "snippet.B"},
        new byte[][] {classReturning("snippet.A", 1), classReturning("snippet.B", 10)});
    ClassLoader first = shipped.loader();
    long generation = shipped.generation();
    assertEquals(1, value(first, "snippet.A"));
    shipped.define(new String[] {"snippet.A"}, new byte[][] {classReturning("snippet.A", 2)});
    assertNotSame(first, shipped.loader());
    assertEquals(generation + 1, shipped.generation());
    assertEquals(2, value(shipped.loader(), "snippet.A"), "the redefined snippet");
    assertEquals(10, value(shipped.loader(), "snippet.B"), "the other classes come along");
  }

  @Test
  void aNewVersionOfAClassNotDefinedYetKeepsTheLoader() throws Exception {
    ShippedClasses shipped = new ShippedClasses();
    shipped.define(new String[] {"snippet.C"}, new byte[][] {classReturning("snippet.C", 1)});
    ClassLoader first = shipped.loader();
    shipped.define(new String[] {"snippet.C"}, new byte[][] {classReturning("snippet.C", 3)});
    assertSame(first, shipped.loader());
    assertEquals(3, value(first, "snippet.C"));
  }
}
