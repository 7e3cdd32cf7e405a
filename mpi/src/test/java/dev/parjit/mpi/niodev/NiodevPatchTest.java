package dev.parjit.mpi.niodev;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/** The patched NIODevice of the MPJ Express on the classpath: the two call sites, and that it links. */
class NiodevPatchTest {

  private static byte[] original() throws Exception {
    try (InputStream in = ClassLoader.getSystemResourceAsStream(NiodevPatch.NIODEVICE + ".class")) {
      return in.readAllBytes();
    }
  }

  private static List<String> calls(byte[] bytes, String method) {
    ClassNode cn = new ClassNode();
    new ClassReader(bytes).accept(cn, 0);
    List<String> out = new ArrayList<>();
    for (MethodNode m : cn.methods) {
      if (m.name.equals(method)) {
        for (AbstractInsnNode i : m.instructions) {
          if (i instanceof MethodInsnNode c) {
            out.add(c.owner + "." + c.name);
          }
        }
      }
    }
    return out;
  }

  @Test
  void bindPortAndTheRendezvousSocketGoThroughTheHooks() throws Exception {
    byte[] patched = NiodevPatch.patch(original());
    assertEquals(List.of("dev/parjit/mpi/niodev/NiodevHooks.bindPort"), calls(patched, "bindPort"));
    List<String> init = calls(patched, "init");
    assertTrue(init.contains("dev/parjit/mpi/niodev/NiodevHooks.connectRendezvous"), init.toString());
    assertTrue(!init.contains("java/net/Socket.<init>"), "no other rendezvous socket is made: " + init);
    assertTrue(calls(original(), "init").contains("java/net/Socket.<init>"), "the original connects itself");
  }

  @Test
  void thePatchedClassVerifiesAndLinks() throws Exception {
    byte[] patched = NiodevPatch.patch(original());
    ClassLoader isolated = new ClassLoader(ClassLoader.getSystemClassLoader()) {
      @Override
      protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (name.startsWith("xdev.niodev.")) { // the whole package here: it shares package-private members
          synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c != null) {
              return c;
            }
            byte[] bytes = patched;
            if (!name.equals("xdev.niodev.NIODevice")) {
              try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                bytes = in.readAllBytes();
              } catch (java.io.IOException e) {
                throw new ClassNotFoundException(name, e);
              }
            }
            return defineClass(name, bytes, 0, bytes.length);
          }
        }
        return super.loadClass(name, resolve);
      }
    };
    Class<?> c = Class.forName("xdev.niodev.NIODevice", true, isolated); // verification happens here
    assertEquals(isolated, c.getClassLoader());
  }

  @Test
  void anotherClassIsRefusedNamingWhatIsMissing() {
    ClassWriter cw = new ClassWriter(0);
    cw.visit(Opcodes.V11, Opcodes.ACC_PUBLIC, "xdev/niodev/NIODevice", null, "java/lang/Object", null);
    cw.visitEnd();
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> NiodevPatch.patch(cw.toByteArray()));
    assertTrue(e.getMessage().contains("no bindPort") && e.getMessage().contains("not the 0.44 class"), e.getMessage());
  }
}
