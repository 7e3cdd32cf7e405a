package dev.parjit.analysis.effects;

import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.analysis.Interpreter;

/**
 * Tracks the origins of references through a method ({@link Origin}); primitives carry none.
 * Results of calls are asked of {@code calls}, which knows the JDK's allocating methods and the
 * class's own helpers.
 */
final class OriginInterpreter extends Interpreter<OriginValue> {

  private final boolean isStatic;
  private final Type[] params;
  private final BiFunction<MethodInsnNode, List<? extends OriginValue>, Set<Origin>> calls;

  OriginInterpreter(boolean isStatic, String desc,
      BiFunction<MethodInsnNode, List<? extends OriginValue>, Set<Origin>> calls) {
    super(Opcodes.ASM9);
    this.isStatic = isStatic;
    this.params = Type.getArgumentTypes(desc);
    this.calls = calls;
  }

  @Override
  public OriginValue newValue(Type type) {
    if (type == null) {
      return OriginValue.UNINITIALIZED;
    }
    return type.getSort() == Type.VOID ? null : OriginValue.primitive(type.getSize());
  }

  @Override
  public OriginValue newParameterValue(boolean isInstanceMethod, int local, Type type) {
    if (!isReference(type)) {
      return OriginValue.primitive(type.getSize());
    }
    int slot = isStatic ? 0 : 1;
    if (!isStatic && local == 0) {
      return OriginValue.of(new Origin.Param(-1));
    }
    for (int k = 0; k < params.length; k++) {
      if (slot == local) {
        return OriginValue.of(new Origin.Param(k));
      }
      slot += params[k].getSize();
    }
    return OriginValue.of(new Origin.Unknown("a local"));
  }

  @Override
  public OriginValue newExceptionValue(org.objectweb.asm.tree.TryCatchBlockNode block,
      org.objectweb.asm.tree.analysis.Frame<OriginValue> handlerFrame, Type exceptionType) {
    return OriginValue.of(new Origin.Unknown("a caught exception"));
  }

  @Override
  public OriginValue newOperation(AbstractInsnNode insn) {
    switch (insn.getOpcode()) {
      case Opcodes.LCONST_0: case Opcodes.LCONST_1: case Opcodes.DCONST_0: case Opcodes.DCONST_1:
        return OriginValue.TWO;
      case Opcodes.ACONST_NULL:
        return OriginValue.ONE;
      case Opcodes.LDC: {
        Object c = ((LdcInsnNode) insn).cst;
        if (c instanceof Long || c instanceof Double) {
          return OriginValue.TWO;
        }
        return c instanceof String || c instanceof Type ? OriginValue.of(Origin.FRESH) : OriginValue.ONE;
      }
      case Opcodes.NEW:
        return OriginValue.of(Origin.FRESH);
      case Opcodes.GETSTATIC: {
        FieldInsnNode f = (FieldInsnNode) insn;
        Type t = Type.getType(f.desc);
        return isReference(t) ? OriginValue.of(new Origin.Static(f.owner, f.name)) : OriginValue.primitive(t.getSize());
      }
      default:
        return OriginValue.ONE;
    }
  }

  @Override
  public OriginValue copyOperation(AbstractInsnNode insn, OriginValue value) {
    return value;
  }

  @Override
  public OriginValue unaryOperation(AbstractInsnNode insn, OriginValue value) {
    switch (insn.getOpcode()) {
      case Opcodes.NEWARRAY: case Opcodes.ANEWARRAY:
        return OriginValue.of(Origin.FRESH);
      case Opcodes.CHECKCAST:
        return value;
      case Opcodes.GETFIELD: {
        FieldInsnNode f = (FieldInsnNode) insn;
        Type t = Type.getType(f.desc);
        return isReference(t) ? OriginValue.of(new Origin.Field(f.name)) : OriginValue.primitive(t.getSize());
      }
      case Opcodes.LNEG: case Opcodes.DNEG: case Opcodes.I2L: case Opcodes.I2D: case Opcodes.L2D: case Opcodes.F2L:
      case Opcodes.F2D: case Opcodes.D2L:
        return OriginValue.TWO;
      default:
        return OriginValue.ONE;
    }
  }

  @Override
  public OriginValue binaryOperation(AbstractInsnNode insn, OriginValue value1, OriginValue value2) {
    switch (insn.getOpcode()) {
      case Opcodes.AALOAD: {
        java.util.Set<Origin> rows = new java.util.HashSet<>();
        value1.origins().forEach(o -> rows.add(Origin.elementOf(o)));
        return new OriginValue(1, rows);
      }
      case Opcodes.LALOAD: case Opcodes.DALOAD: case Opcodes.LADD: case Opcodes.DADD: case Opcodes.LSUB:
      case Opcodes.DSUB: case Opcodes.LMUL: case Opcodes.DMUL: case Opcodes.LDIV: case Opcodes.DDIV: case Opcodes.LREM:
      case Opcodes.DREM: case Opcodes.LSHL: case Opcodes.LSHR: case Opcodes.LUSHR: case Opcodes.LAND: case Opcodes.LOR:
      case Opcodes.LXOR:
        return OriginValue.TWO;
      default:
        return OriginValue.ONE;
    }
  }

  @Override
  public OriginValue ternaryOperation(AbstractInsnNode insn, OriginValue value1, OriginValue value2,
      OriginValue value3) {
    return null;
  }

  @Override
  public OriginValue naryOperation(AbstractInsnNode insn, List<? extends OriginValue> values) {
    if (insn.getOpcode() == Opcodes.MULTIANEWARRAY) {
      return OriginValue.of(Origin.FRESH);
    }
    Type ret = insn instanceof MethodInsnNode m ? Type.getReturnType(m.desc)
        : Type.getReturnType(((org.objectweb.asm.tree.InvokeDynamicInsnNode) insn).desc);
    if (ret.getSort() == Type.VOID) {
      return null;
    }
    if (!isReference(ret)) {
      return OriginValue.primitive(ret.getSize());
    }
    if (!(insn instanceof MethodInsnNode m)) {
      return OriginValue.of(Origin.FRESH); // a string concatenation or a lambda object
    }
    return new OriginValue(1, calls.apply(m, values));
  }

  @Override
  public void returnOperation(AbstractInsnNode insn, OriginValue value, OriginValue expected) {
    // Returns are read from the frames by the analyzer.
  }

  @Override
  public OriginValue merge(OriginValue value1, OriginValue value2) {
    if (value1.equals(value2)) {
      return value1;
    }
    return value1.union(value2);
  }

  static boolean isReference(Type t) {
    return t.getSort() == Type.OBJECT || t.getSort() == Type.ARRAY;
  }
}
