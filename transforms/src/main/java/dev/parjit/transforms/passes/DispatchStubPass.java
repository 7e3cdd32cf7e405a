package dev.parjit.transforms.passes;

import dev.parjit.transforms.InstrSupport;
import java.util.ArrayList;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Driver role: moves a {@code @Jit} static method's original code to a private twin
 * {@code m$parjitSequential} and replaces its body by
 * <pre>
 *   Object r = Dispatch.invoke(C.class, "pkg.C.m(desc)", new Object[] {boxed args...});
 *   if (Dispatch.runsHere(r)) {                                    // the call stays on the driver
 *     try { return m$parjitSequential(args...); }
 *     catch (Throwable t) { throw Dispatch.sequentialFailure(t); }  // the trace it has without the agent
 *   }
 *   return (R) r;
 * </pre>
 * so the call runs on the workers, or, when the dispatcher says so, exactly as without the agent.
 * An instance method's stub passes its receiver too ({@code Dispatch.invoke(C.class, key, this, args)}):
 * the fields it reads travel with the call.
 */
public final class DispatchStubPass {

  /** Name shown in pass logs. */
  public static final String NAME = "DispatchStub";

  private DispatchStubPass() { }

  /**
   * Rewrites {@code method} in place.
   *
   * @return {@code null} when applied, else the reason for declining
   */
  public static String apply(String owner, MethodNode method) {
    return apply(owner, method, null);
  }

  /**
   * As {@link #apply(String, MethodNode)}; when {@code cls} is given, the original code is kept in
   * a twin added to it and the stub runs the twin when the dispatcher answers
   * {@code Dispatch.runHere()}.
   */
  public static String apply(String owner, MethodNode method, org.objectweb.asm.tree.ClassNode cls) {
    boolean isStatic = (method.access & Opcodes.ACC_STATIC) != 0;
    if (!isStatic && cls == null) {
      return "instance methods are shipped only with their original code kept for the driver";
    }
    if (method.name.startsWith("<")) {
      return "constructors and initialisers cannot be @Jit";
    }
    Type[] params = Type.getArgumentTypes(method.desc);
    Type ret = Type.getReturnType(method.desc);
    MethodNode twin = cls == null ? null : sequentialTwin(method);
    LabelNode twinStart = new LabelNode();
    LabelNode twinEnd = new LabelNode();
    LabelNode twinFailed = new LabelNode();
    InsnList code = new InsnList();
    code.add(new LdcInsnNode(Type.getObjectType(owner)));
    code.add(new LdcInsnNode(InstrSupport.methodKey(owner, method.name, method.desc)));
    if (!isStatic) {
      code.add(new VarInsnNode(Opcodes.ALOAD, 0)); // the receiver: its fields travel with the call
    }
    code.add(pushInt(params.length));
    code.add(new TypeInsnNode(Opcodes.ANEWARRAY, "java/lang/Object"));
    int slot = isStatic ? 0 : 1;
    for (int i = 0; i < params.length; i++) {
      code.add(new InsnNode(Opcodes.DUP));
      code.add(pushInt(i));
      code.add(new VarInsnNode(params[i].getOpcode(Opcodes.ILOAD), slot));
      box(code, params[i]);
      code.add(new InsnNode(Opcodes.AASTORE));
      slot += params[i].getSize();
    }
    code.add(new MethodInsnNode(Opcodes.INVOKESTATIC, InstrSupport.DISPATCH, "invoke",
        isStatic ? InstrSupport.DISPATCH_INVOKE_DESC : InstrSupport.DISPATCH_INVOKE_INSTANCE_DESC, false));
    if (twin != null) {
      org.objectweb.asm.tree.LabelNode remote = new org.objectweb.asm.tree.LabelNode();
      code.add(new InsnNode(Opcodes.DUP));
      code.add(new MethodInsnNode(Opcodes.INVOKESTATIC, InstrSupport.DISPATCH, "runsHere",
          InstrSupport.DISPATCH_RUNS_HERE_DESC, false));
      code.add(new org.objectweb.asm.tree.JumpInsnNode(Opcodes.IFEQ, remote));
      code.add(new InsnNode(Opcodes.POP));
      code.add(twinStart);
      int at = 0;
      if (!isStatic) {
        code.add(new VarInsnNode(Opcodes.ALOAD, 0));
        at = 1;
      }
      for (Type p : params) {
        code.add(new VarInsnNode(p.getOpcode(Opcodes.ILOAD), at));
        at += p.getSize();
      }
      // A private twin: invokespecial on this class (static: invokestatic).
      code.add(new MethodInsnNode(isStatic ? Opcodes.INVOKESTATIC : Opcodes.INVOKESPECIAL, owner, twin.name, twin.desc,
          (cls.access & Opcodes.ACC_INTERFACE) != 0));
      code.add(twinEnd);
      code.add(new InsnNode(ret.getOpcode(Opcodes.IRETURN)));
      // What the twin throws leaves with the stack trace of the run without the agent: the twin's
      // frame renamed to the method's and the stub's frame dropped (Dispatch.sequentialFailure).
      code.add(twinFailed);
      code.add(new MethodInsnNode(Opcodes.INVOKESTATIC, InstrSupport.DISPATCH, "sequentialFailure",
          InstrSupport.DISPATCH_SEQUENTIAL_FAILURE_DESC, false));
      code.add(new InsnNode(Opcodes.ATHROW));
      code.add(remote);
      cls.methods.add(twin);
    }
    unboxAndReturn(code, ret);
    method.instructions = code;
    method.tryCatchBlocks = new ArrayList<>();
    if (twin != null) {
      method.tryCatchBlocks.add(new TryCatchBlockNode(twinStart, twinEnd, twinFailed, null));
    }
    method.localVariables = null;
    method.visibleLocalVariableAnnotations = null;
    method.invisibleLocalVariableAnnotations = null;
    method.maxStack = 0; // recomputed by the class writer
    return null;
  }

  /** The original code under a private synthetic name, without the annotations that select it. */
  private static MethodNode sequentialTwin(MethodNode method) {
    MethodNode twin = new MethodNode(InstrSupport.ASM_API, method.access, method.name, method.desc, method.signature,
        method.exceptions.toArray(new String[0]));
    method.accept(twin);
    twin.name = method.name + InstrSupport.SEQUENTIAL_SUFFIX;
    twin.access = (method.access & ~(Opcodes.ACC_PUBLIC | Opcodes.ACC_PROTECTED)) | Opcodes.ACC_PRIVATE
        | Opcodes.ACC_SYNTHETIC;
    twin.visibleAnnotations = null;
    twin.invisibleAnnotations = null;
    twin.visibleParameterAnnotations = null;
    twin.invisibleParameterAnnotations = null;
    return twin;
  }

  private static org.objectweb.asm.tree.AbstractInsnNode pushInt(int v) {
    if (v <= 5) {
      return new InsnNode(Opcodes.ICONST_0 + v);
    }
    return v <= Byte.MAX_VALUE ? new IntInsnNode(Opcodes.BIPUSH, v) : new IntInsnNode(Opcodes.SIPUSH, v);
  }

  private static void box(InsnList code, Type t) {
    Type boxed = boxedType(t);
    if (boxed != null) {
      code.add(new MethodInsnNode(Opcodes.INVOKESTATIC, boxed.getInternalName(), "valueOf",
          "(" + t.getDescriptor() + ")" + boxed.getDescriptor(), false));
    }
  }

  private static void unboxAndReturn(InsnList code, Type ret) {
    if (ret.getSort() == Type.VOID) {
      code.add(new InsnNode(Opcodes.POP));
      code.add(new InsnNode(Opcodes.RETURN));
      return;
    }
    Type boxed = boxedType(ret);
    if (boxed == null) {
      code.add(new TypeInsnNode(Opcodes.CHECKCAST, ret.getInternalName()));
    } else {
      code.add(new TypeInsnNode(Opcodes.CHECKCAST, boxed.getInternalName()));
      code.add(new MethodInsnNode(Opcodes.INVOKEVIRTUAL, boxed.getInternalName(), ret.getClassName() + "Value",
          "()" + ret.getDescriptor(), false));
    }
    code.add(new InsnNode(ret.getOpcode(Opcodes.IRETURN)));
  }

  /** The wrapper type of a primitive, or {@code null} for references. */
  static Type boxedType(Type t) {
    switch (t.getSort()) {
      case Type.BOOLEAN: return Type.getObjectType("java/lang/Boolean");
      case Type.BYTE: return Type.getObjectType("java/lang/Byte");
      case Type.CHAR: return Type.getObjectType("java/lang/Character");
      case Type.SHORT: return Type.getObjectType("java/lang/Short");
      case Type.INT: return Type.getObjectType("java/lang/Integer");
      case Type.LONG: return Type.getObjectType("java/lang/Long");
      case Type.FLOAT: return Type.getObjectType("java/lang/Float");
      case Type.DOUBLE: return Type.getObjectType("java/lang/Double");
      default: return null;
    }
  }
}
