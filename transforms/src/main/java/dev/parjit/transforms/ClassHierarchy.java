package dev.parjit.transforms;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;

/**
 * A {@link ClassWriter} that answers ASM's common-superclass questions (needed to compute stack
 * map frames) from class <em>bytes</em>, never by loading classes: loading through the
 * application's loader from inside a transformer would initialise classes too early, or in the
 * wrong loader.
 */
final class ClassHierarchy extends ClassWriter {

  private static final String OBJECT = "java/lang/Object";

  private final Function<String, byte[]> classBytes;

  ClassHierarchy(ClassReader reader, Function<String, byte[]> classBytes) {
    super(reader, ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
    this.classBytes = classBytes;
  }

  /** For a class made from scratch (a specialization), not from a reader's constant pool. */
  ClassHierarchy(Function<String, byte[]> classBytes) {
    super(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
    this.classBytes = classBytes;
  }

  @Override
  protected String getCommonSuperClass(String type1, String type2) {
    if (type1.equals(type2)) {
      return type1;
    }
    List<String> chain1 = superChain(type1);
    Set<String> chain2 = new LinkedHashSet<>(superChain(type2));
    if (chain1.contains(type2)) {
      return type2;
    }
    if (chain2.contains(type1)) {
      return type1;
    }
    for (String s : chain1) {
      if (chain2.contains(s)) {
        return s;
      }
    }
    // Unknown types (bytes not found): Object is the safe answer for the verifier's merge.
    return OBJECT;
  }

  /** The class followed by its superclasses, ending at Object (interfaces count as Object). */
  private List<String> superChain(String type) {
    List<String> chain = new ArrayList<>();
    String current = type;
    while (current != null && chain.size() < 64) {
      chain.add(current);
      if (current.equals(OBJECT)) {
        break;
      }
      byte[] bytes = classBytes.apply(current);
      if (bytes == null) {
        break;
      }
      ClassReader reader = new ClassReader(bytes);
      // An interface's only superclass, for the verifier, is Object.
      boolean isInterface = (reader.getAccess() & org.objectweb.asm.Opcodes.ACC_INTERFACE) != 0;
      current = isInterface ? OBJECT : reader.getSuperName();
    }
    if (!chain.contains(OBJECT)) {
      chain.add(OBJECT);
    }
    return chain;
  }
}
