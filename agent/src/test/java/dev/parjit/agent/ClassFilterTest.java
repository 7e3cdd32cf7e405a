package dev.parjit.agent;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ClassFilterTest {

  private final ClassLoader app = ClassFilterTest.class.getClassLoader();

  @Test
  void applicationClassesAreLookedAt() {
    assertTrue(ClassFilter.filter(app, "com/acme/Job"));
    assertTrue(ClassFilter.filter(app, "Example"));
    assertTrue(ClassFilter.filter(app, "dev/parjit/demo/Demo"));
    assertTrue(ClassFilter.filter(app, "dev/parjit/it/kernels/ReductionKernels"));
  }

  @Test
  void jdkParjitLibrariesAndMpjAreSkipped() {
    for (String name : new String[] {"java/lang/String", "javax/net/Socket", "jdk/internal/X", "sun/misc/Unsafe",
        "com/sun/Foo", "dev/parjit/runtime/ParallelRuntime", "dev/parjit/agent/PreMain", "dev/parjit/Parjit",
        "dev/parjit/shaded/asm/ClassReader", "net/bytebuddy/ByteBuddy", "org/objectweb/asm/ClassReader",
        "mpi/MPI", "mpjdev/Comm", "mpjbuf/Buffer", "xdev/niodev/NIODevice", "org/slf4j/Logger"}) {
      assertFalse(ClassFilter.filter(app, name), name);
    }
  }

  @Test
  void bootstrapAndHiddenClassesAreSkipped() {
    assertFalse(ClassFilter.filter(null, "com/acme/Job"));
    assertFalse(ClassFilter.filter(app, null));
  }
}
