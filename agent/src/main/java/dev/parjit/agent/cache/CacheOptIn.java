package dev.parjit.agent.cache;

import dev.parjit.agent.ByteSearch;
import dev.parjit.transforms.InstrSupport;
import dev.parjit.transforms.JitSelection;
import java.nio.charset.StandardCharsets;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;

/**
 * Whether a class has a method annotated {@code @Jit(cache = true)}: without the {@code cache}
 * agent option only such classes use the cache (the whole class, since a class is rewritten and
 * stored as one unit).
 */
final class CacheOptIn {

  private static final ByteSearch ELEMENT = new ByteSearch("cache".getBytes(StandardCharsets.UTF_8));

  private CacheOptIn() { }

  static boolean optsIn(byte[] classBytes) {
    // The element name must be in the constant pool: most classes are ruled out without parsing.
    if (!ELEMENT.in(classBytes)) {
      return false;
    }
    boolean[] found = {false};
    new ClassReader(classBytes).accept(new ClassVisitor(InstrSupport.ASM_API) {
      @Override
      public MethodVisitor visitMethod(int access, String name, String desc, String signature, String[] exceptions) {
        return new MethodVisitor(InstrSupport.ASM_API) {
          @Override
          public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
            if (!JitSelection.JIT_DESC.equals(annotation)) {
              return null;
            }
            return new AnnotationVisitor(InstrSupport.ASM_API) {
              @Override
              public void visit(String element, Object value) {
                found[0] |= "cache".equals(element) && Boolean.TRUE.equals(value);
              }
            };
          }
        };
      }
    }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
    return found[0];
  }

}
