package dev.parjit.analysis.loops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

class BoundStackTest {

  @Test
  void boundsThatPushOneValueByThemselves() {
    assertTrue(BoundStack.pushesOneValue(List.of(new VarInsnNode(Opcodes.ILOAD, 1))));
    assertTrue(BoundStack.pushesOneValue(List.of(new VarInsnNode(Opcodes.ALOAD, 0), new InsnNode(Opcodes.ARRAYLENGTH),
        new InsnNode(Opcodes.ICONST_1), new InsnNode(Opcodes.ISUB))));
    assertTrue(BoundStack.pushesOneValue(List.of(new VarInsnNode(Opcodes.ALOAD, 0),
        new MethodInsnNode(Opcodes.INVOKEVIRTUAL, "dev/parjit/frame/DataFrame", "numRows", "()I", false))));
    assertTrue(BoundStack.pushesOneValue(List.of(new VarInsnNode(Opcodes.ILOAD, 1), new VarInsnNode(Opcodes.ILOAD, 2),
        new MethodInsnNode(Opcodes.INVOKESTATIC, "java/lang/Math", "min", "(II)I", false))));
    assertTrue(BoundStack.pushesOneValue(List.of(new VarInsnNode(Opcodes.ALOAD, 0),
        new FieldInsnNode(Opcodes.GETFIELD, "a/B", "n", "I"))));
  }

  @Test
  void boundsThatComputeWithTheIndexDoNot() {
    // i + 1 < n: iconst_1; iadd; iload n (the iadd takes the index)
    assertFalse(BoundStack.pushesOneValue(List.of(new InsnNode(Opcodes.ICONST_1), new InsnNode(Opcodes.IADD),
        new VarInsnNode(Opcodes.ILOAD, 2))));
    // i * 2 < n
    assertFalse(BoundStack.pushesOneValue(List.of(new InsnNode(Opcodes.ICONST_2), new InsnNode(Opcodes.IMUL),
        new VarInsnNode(Opcodes.ILOAD, 2))));
    assertFalse(BoundStack.pushesOneValue(List.of(new VarInsnNode(Opcodes.ILOAD, 1), new VarInsnNode(Opcodes.ILOAD, 2))));
  }

  @Test
  void intConstants() {
    assertEquals(-1, BoundStack.intConstant(new InsnNode(Opcodes.ICONST_M1)));
    assertEquals(100, BoundStack.intConstant(new IntInsnNode(Opcodes.BIPUSH, 100)));
    assertEquals(40_000, BoundStack.intConstant(new LdcInsnNode(40_000)));
    assertNull(BoundStack.intConstant(new LdcInsnNode(4L)));
    assertNull(BoundStack.intConstant(new VarInsnNode(Opcodes.ILOAD, 1)));
  }
}
