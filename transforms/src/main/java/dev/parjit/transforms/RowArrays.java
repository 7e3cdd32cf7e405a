package dev.parjit.transforms;

import dev.parjit.analysis.plan.RowWidth;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MultiANewArrayInsnNode;
import org.objectweb.asm.tree.TypeInsnNode;

/**
 * The code that replaces allocations and replicated returns of arrays distributed by rows
 * ({@code double[][]}, {@code int[][]}, {@code double[][][]}): the sizes stay on the stack as javac
 * pushed them, the array's class is pushed after them, and a {@code ParallelRuntime} call allocates
 * this rank's block of rows.
 */
public final class RowArrays {

  private RowArrays() { }

  /** Whether {@code alloc} allocates an array of rows ({@code ANEWARRAY} of arrays, {@code MULTIANEWARRAY}). */
  public static boolean isRowAllocation(AbstractInsnNode alloc) {
    return alloc instanceof MultiANewArrayInsnNode
        || (alloc instanceof TypeInsnNode t && t.getOpcode() == Opcodes.ANEWARRAY && t.desc.startsWith("["));
  }

  /**
   * The replacement of {@code alloc}, or {@code null} when it has more sizes than the runtime takes.
   * {@code new double[n][]} becomes {@code newObjectArray(double[].class, n)}; {@code new double[n][m]}
   * {@code newMatrix(n, m, double[][].class)}; {@code new double[n][m][p]} the three-size form.
   */
  public static InsnList allocation(AbstractInsnNode alloc) {
    InsnList out = new InsnList();
    if (alloc instanceof TypeInsnNode t) {
      Type component = Type.getObjectType(t.desc);
      out.add(new LdcInsnNode(component));
      out.add(new InsnNode(Opcodes.SWAP));
      out.add(call("newObjectArray", "(Ljava/lang/Class;I)Ljava/lang/Object;"));
      out.add(new TypeInsnNode(Opcodes.CHECKCAST, "[" + component.getDescriptor()));
      return out;
    }
    MultiANewArrayInsnNode m = (MultiANewArrayInsnNode) alloc;
    if (m.dims < 2 || m.dims > 3) {
      return null;
    }
    out.add(new LdcInsnNode(Type.getType(m.desc)));
    out.add(call("newMatrix", "(" + "I".repeat(m.dims) + "Ljava/lang/Class;)Ljava/lang/Object;"));
    out.add(new TypeInsnNode(Opcodes.CHECKCAST, m.desc));
    return out;
  }

  /**
   * The replacement of {@code new T[r * k]} (a {@code NEWARRAY}) for an array indexed as rows
   * {@code a[k * i + c]} of {@code width}: this rank's block of whole rows.
   */
  public static InsnList rowBlockAllocation(org.objectweb.asm.tree.IntInsnNode alloc, RowWidth width) {
    String box = switch (alloc.operand) {
      case Opcodes.T_BOOLEAN -> "java/lang/Boolean";
      case Opcodes.T_CHAR -> "java/lang/Character";
      case Opcodes.T_FLOAT -> "java/lang/Float";
      case Opcodes.T_DOUBLE -> "java/lang/Double";
      case Opcodes.T_BYTE -> "java/lang/Byte";
      case Opcodes.T_SHORT -> "java/lang/Short";
      case Opcodes.T_INT -> "java/lang/Integer";
      default -> "java/lang/Long";
    };
    String element = switch (alloc.operand) {
      case Opcodes.T_BOOLEAN -> "Z";
      case Opcodes.T_CHAR -> "C";
      case Opcodes.T_FLOAT -> "F";
      case Opcodes.T_DOUBLE -> "D";
      case Opcodes.T_BYTE -> "B";
      case Opcodes.T_SHORT -> "S";
      case Opcodes.T_INT -> "I";
      default -> "J";
    };
    InsnList out = new InsnList();
    out.add(loadWidth(width));
    out.add(new org.objectweb.asm.tree.FieldInsnNode(Opcodes.GETSTATIC, box, "TYPE", "Ljava/lang/Class;"));
    out.add(call("newRowBlockArray", "(IILjava/lang/Class;)Ljava/lang/Object;"));
    out.add(new TypeInsnNode(Opcodes.CHECKCAST, "[" + element));
    return out;
  }

  /** Pushes the row width {@code k}: its local, the constant, or {@code this}'s field. */
  public static InsnList loadWidth(RowWidth width) {
    InsnList out = new InsnList();
    if (width.isField()) {
      out.add(new org.objectweb.asm.tree.VarInsnNode(Opcodes.ALOAD, 0));
      out.add(new org.objectweb.asm.tree.FieldInsnNode(Opcodes.GETFIELD, width.fieldOwner(), width.fieldName(), "I"));
    } else if (width.isConstant()) {
      out.add(new LdcInsnNode(width.constant()));
    } else {
      out.add(new org.objectweb.asm.tree.VarInsnNode(Opcodes.ILOAD, width.slot()));
    }
    return out;
  }

  /** Before an {@code ARETURN} of a row-distributed array of type {@code arrayDesc}: every rank's rows, gathered. */
  public static InsnList replicate(String arrayDesc) {
    InsnList out = new InsnList();
    out.add(call("replicateRows", "(Ljava/lang/Object;)Ljava/lang/Object;"));
    out.add(new TypeInsnNode(Opcodes.CHECKCAST, arrayDesc));
    return out;
  }

  private static MethodInsnNode call(String name, String desc) {
    return new MethodInsnNode(Opcodes.INVOKESTATIC, RuntimeCalls.OWNER, name, desc, false);
  }
}
