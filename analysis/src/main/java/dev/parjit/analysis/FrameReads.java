package dev.parjit.analysis;

import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.MethodInsnNode;

/** The frame calls a parallel row loop may make: element reads by index, and sizes. */
final class FrameReads {

  private static final Set<String> ELEMENT_READS = Set.of("getDouble", "getLong", "getInt", "getBoolean", "getString",
      "isNull");

  private FrameReads() { }

  /** {@code series.getDouble(i)} and the like. */
  static boolean isElementRead(MethodInsnNode m) {
    return m.getOpcode() == Opcodes.INVOKEVIRTUAL && m.owner.equals("dev/parjit/frame/Series")
        && ELEMENT_READS.contains(m.name) && m.desc.startsWith("(I)");
  }

  /** {@code df.numRows()}, {@code s.size()}. */
  static boolean isSizeRead(MethodInsnNode m) {
    return m.getOpcode() == Opcodes.INVOKEVIRTUAL && m.desc.equals("()I")
        && ((m.owner.equals("dev/parjit/frame/DataFrame") && m.name.equals("numRows"))
            || (m.owner.equals("dev/parjit/frame/Series") && m.name.equals("size")));
  }
}
