package dev.parjit.transforms;

import dev.parjit.analysis.plan.ArrayShapes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Spawn mode: arrays held in fields of {@code this} become parameters, so they are analysed,
 * scattered, written back and checked for aliasing exactly like array parameters.
 *
 * <p>An instance {@code @Jit} method {@code m(P...)} that reads array fields {@code F1..Fk} of its
 * receiver (and never reassigns them) gets a twin of the same name, {@code m(P..., F1, ..., Fk)}
 * (private, synthetic), whose body is the original one with every {@code this.Fi} read replaced by
 * the new parameter. The twin is the {@code @Jit} method from then on. The original method becomes
 * {@code if (this.F1 != null && ...) return m(p..., this.F1, ..., this.Fk);} followed by its
 * original body, so a {@code null} field still fails with the sequential run's message. The
 * driver passes the field's own array object: chunks written on the workers are copied back into
 * it, so the field keeps pointing at the same array, as in the sequential run.
 *
 * <p>Lifting is sound only when reading a field once on entry equals reading it at every use: the
 * method must not assign the field, must not reassign {@code this}, and must not let {@code this}
 * or control reach code that could (every {@code this} is read for a field or handed to a pure
 * helper, and calls go only to the JDK, to this class's static methods that assign no field, or to
 * its pure instance helpers: {@link PureHelpers}). Anything else keeps the method
 * as it is (its array fields are then read whole, as before).
 */
public final class FieldArrayLifting {

  private FieldArrayLifting() { }

  /**
   * Lifts the selected spawn-mode instance methods of {@code cls} that qualify; returns the
   * selection with each lifted method replaced by its twin. Log lines name what was lifted.
   */
  public static List<JitSelection.Selected> apply(ClassNode cls, List<JitSelection.Selected> selected, List<String> log) {
    List<JitSelection.Selected> out = new ArrayList<>();
    for (JitSelection.Selected s : selected) {
      MethodNode twin = s.spawn() ? lift(cls, s.method()) : null;
      if (twin == null) {
        out.add(s);
        continue;
      }
      cls.methods.add(twin);
      log.add("FieldArrayLifting " + s.method().name + s.method().desc + ": fields become parameters of "
          + twin.name + twin.desc);
      out.add(new JitSelection.Selected(twin, s.spawn(), s.distributed(), s.replicated()));
    }
    return out;
  }

  /** The twin with the array fields as parameters (and the original rewritten to call it), or {@code null}. */
  static MethodNode lift(ClassNode cls, MethodNode method) {
    if ((method.access & (Opcodes.ACC_STATIC | Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0
        || method.instructions.size() == 0 || !confined(cls, method)) {
      return null;
    }
    Map<String, String> fields = liftableFields(cls, method);
    if (fields.isEmpty()) {
      return null;
    }
    Type[] params = Type.getArgumentTypes(method.desc);
    List<Type> all = new ArrayList<>(List.of(params));
    fields.values().forEach(d -> all.add(Type.getType(d)));
    String desc = Type.getMethodDescriptor(Type.getReturnType(method.desc), all.toArray(new Type[0]));
    for (MethodNode m : cls.methods) {
      if (m.name.equals(method.name) && m.desc.equals(desc)) {
        return null; // the class already declares that overload
      }
    }
    MethodNode twin = ClassRewriter.copyOf(method);
    twin.desc = desc;
    twin.signature = null;
    twin.access = (method.access & ~(Opcodes.ACC_PUBLIC | Opcodes.ACC_PROTECTED | Opcodes.ACC_VARARGS))
        | Opcodes.ACC_PRIVATE | Opcodes.ACC_SYNTHETIC;
    twin.parameters = null;
    twin.visibleParameterAnnotations = null;
    twin.invisibleParameterAnnotations = null;
    int firstLocal = 1;
    for (Type t : params) {
      firstLocal += t.getSize();
    }
    shiftLocals(twin, firstLocal, fields.size());
    Map<String, Integer> slotOf = new LinkedHashMap<>();
    int slot = firstLocal;
    for (String name : fields.keySet()) {
      slotOf.put(name, slot++);
    }
    replaceReads(cls, twin, slotOf);
    nameParameters(twin, slotOf, fields);
    // The original: not @Jit any more; calls the twin when every field holds an array.
    method.visibleAnnotations = withoutJit(method.visibleAnnotations);
    method.invisibleAnnotations = withoutJit(method.invisibleAnnotations);
    method.instructions.insert(delegation(cls, method, twin, params, fields));
    return twin;
  }

  /**
   * Whether {@code this} is only ever read for one of its fields or as the receiver of a pure helper
   * ({@link PureHelpers}), and calls reach nothing that could assign a field.
   */
  private static boolean confined(ClassNode cls, MethodNode method) {
    dev.parjit.analysis.dataflow.Consumers consumers = null;
    for (AbstractInsnNode x : method.instructions) {
      if (x instanceof VarInsnNode v && v.var == 0 && v.getOpcode() == Opcodes.ASTORE) {
        return false;
      }
      if (x instanceof VarInsnNode v && v.var == 0 && v.getOpcode() == Opcodes.ALOAD
          && !(next(x) instanceof FieldInsnNode f && f.getOpcode() == Opcodes.GETFIELD && f.owner.equals(cls.name))) {
        if (consumers == null) {
          try {
            consumers = new dev.parjit.analysis.dataflow.Consumers(cls.name, method);
          } catch (org.objectweb.asm.tree.analysis.AnalyzerException e) {
            return false;
          }
        }
        if (!PureHelpers.onlyReceiverOfPureHelpers(cls, x, consumers)) {
          return false;
        }
        continue;
      }
      if (x.getOpcode() == Opcodes.PUTSTATIC && x instanceof FieldInsnNode f && f.desc.startsWith("L")) {
        return false; // an object published where other code may reach it
      }
      if ((x.getOpcode() == Opcodes.INVOKEDYNAMIC && !isStringConcat(x)) || x.getOpcode() == Opcodes.MONITORENTER) {
        return false;
      }
      if (x instanceof MethodInsnNode call && !callIsHarmless(cls, call)) {
        return false;
      }
    }
    return true;
  }

  /** {@code "a" + b}: javac's string concatenation, which reaches no application code but {@code toString}. */
  private static boolean isStringConcat(AbstractInsnNode x) {
    return x instanceof org.objectweb.asm.tree.InvokeDynamicInsnNode indy
        && indy.bsm.getOwner().equals("java/lang/invoke/StringConcatFactory");
  }

  /**
   * JDK code cannot assign the application's fields; this class's static helpers cannot either when
   * they assign no instance field and call only such helpers or the JDK (followed transitively).
   */
  private static boolean callIsHarmless(ClassNode cls, MethodInsnNode call) {
    return callIsHarmless(cls, call, new java.util.HashSet<>());
  }

  private static boolean callIsHarmless(ClassNode cls, MethodInsnNode call, java.util.Set<String> seen) {
    if (call.owner.startsWith("java/") || call.owner.startsWith("[")) {
      return true;
    }
    if (call.getOpcode() != Opcodes.INVOKESTATIC && PureHelpers.isPure(cls, call)) {
      return true; // assigns no field and reads only scalar fields of this
    }
    if (call.getOpcode() != Opcodes.INVOKESTATIC || !call.owner.equals(cls.name)) {
      return false;
    }
    if (!seen.add(call.name + call.desc)) {
      return true; // already being checked (recursion)
    }
    for (MethodNode m : cls.methods) {
      if (m.name.equals(call.name) && m.desc.equals(call.desc)) {
        for (AbstractInsnNode x : m.instructions) {
          if (x.getOpcode() == Opcodes.PUTFIELD || x.getOpcode() == Opcodes.MONITORENTER
              || (x.getOpcode() == Opcodes.INVOKEDYNAMIC && !isStringConcat(x))
              || (x instanceof MethodInsnNode inner && !callIsHarmless(cls, inner, seen))) {
            return false;
          }
        }
        return true;
      }
    }
    return false;
  }

  /** Array fields of this class read from {@code this}, never assigned in the method: name to descriptor. */
  private static Map<String, String> liftableFields(ClassNode cls, MethodNode method) {
    Map<String, String> out = new LinkedHashMap<>();
    List<String> assigned = new ArrayList<>();
    for (AbstractInsnNode x : method.instructions) {
      if (x instanceof FieldInsnNode f && f.getOpcode() == Opcodes.PUTFIELD && f.owner.equals(cls.name)) {
        assigned.add(f.name);
      }
    }
    for (AbstractInsnNode x : method.instructions) {
      if (x instanceof FieldInsnNode f && f.getOpcode() == Opcodes.GETFIELD && f.owner.equals(cls.name)
          && previous(x) instanceof VarInsnNode v && v.getOpcode() == Opcodes.ALOAD && v.var == 0
          && ArrayShapes.isDistributable(Type.getType(f.desc)) && !assigned.contains(f.name)
          && declaresInstanceField(cls, f)) {
        out.putIfAbsent(f.name, f.desc);
      }
    }
    return out;
  }

  private static boolean declaresInstanceField(ClassNode cls, FieldInsnNode f) {
    for (FieldNode field : cls.fields) {
      if (field.name.equals(f.name) && field.desc.equals(f.desc) && (field.access & Opcodes.ACC_STATIC) == 0) {
        return true;
      }
    }
    return false;
  }

  /** Moves every local at or above {@code from} up by {@code by} slots (room for the new parameters). */
  private static void shiftLocals(MethodNode m, int from, int by) {
    for (AbstractInsnNode x : m.instructions.toArray()) {
      if (x instanceof VarInsnNode v && v.var >= from) {
        v.var += by;
      } else if (x instanceof IincInsnNode inc && inc.var >= from) {
        inc.var += by;
      } else if (x instanceof FrameNode) {
        m.instructions.remove(x); // recomputed when the class is written
      }
    }
    if (m.localVariables != null) {
      m.localVariables.forEach(lv -> lv.index += lv.index >= from ? by : 0);
    }
    m.maxLocals += by;
  }

  /** {@code aload 0; getfield F} becomes {@code aload slotOf(F)}. */
  private static void replaceReads(ClassNode cls, MethodNode m, Map<String, Integer> slotOf) {
    for (AbstractInsnNode x : m.instructions.toArray()) {
      if (x instanceof FieldInsnNode f && f.getOpcode() == Opcodes.GETFIELD && f.owner.equals(cls.name)
          && slotOf.containsKey(f.name) && previous(x) instanceof VarInsnNode v && v.var == 0) {
        m.instructions.set(v, new VarInsnNode(Opcodes.ALOAD, slotOf.get(f.name)));
        m.instructions.remove(f);
      }
    }
  }

  /** The new parameters carry the fields' names, so diagnostics list them as the source does. */
  private static void nameParameters(MethodNode m, Map<String, Integer> slotOf, Map<String, String> fields) {
    if (m.localVariables == null) {
      return;
    }
    LabelNode start = new LabelNode();
    LabelNode end = new LabelNode();
    m.instructions.insert(start);
    m.instructions.add(end);
    slotOf.forEach((name, slot) -> m.localVariables.add(
        new LocalVariableNode(name, fields.get(name), null, start, end, slot)));
  }

  /** {@code if (every field != null) return twin(params..., fields...);} before the original body. */
  private static InsnList delegation(ClassNode cls, MethodNode method, MethodNode twin, Type[] params,
      Map<String, String> fields) {
    InsnList code = new InsnList();
    LabelNode original = new LabelNode();
    fields.forEach((name, desc) -> {
      code.add(new VarInsnNode(Opcodes.ALOAD, 0));
      code.add(new FieldInsnNode(Opcodes.GETFIELD, cls.name, name, desc));
      code.add(new JumpInsnNode(Opcodes.IFNULL, original));
    });
    code.add(new VarInsnNode(Opcodes.ALOAD, 0));
    int slot = 1;
    for (Type t : params) {
      code.add(new VarInsnNode(t.getOpcode(Opcodes.ILOAD), slot));
      slot += t.getSize();
    }
    fields.forEach((name, desc) -> {
      code.add(new VarInsnNode(Opcodes.ALOAD, 0));
      code.add(new FieldInsnNode(Opcodes.GETFIELD, cls.name, name, desc));
    });
    code.add(new MethodInsnNode(Opcodes.INVOKESPECIAL, cls.name, twin.name, twin.desc, false));
    code.add(new InsnNode(Type.getReturnType(method.desc).getOpcode(Opcodes.IRETURN)));
    code.add(original);
    return code;
  }

  private static List<org.objectweb.asm.tree.AnnotationNode> withoutJit(
      List<org.objectweb.asm.tree.AnnotationNode> annotations) {
    if (annotations == null) {
      return null;
    }
    List<org.objectweb.asm.tree.AnnotationNode> out = new ArrayList<>(annotations);
    out.removeIf(a -> a.desc.equals(JitSelection.JIT_DESC));
    return out;
  }

  private static AbstractInsnNode next(AbstractInsnNode x) {
    AbstractInsnNode n = x.getNext();
    while (n != null && n.getOpcode() < 0) {
      n = n.getNext();
    }
    return n;
  }

  private static AbstractInsnNode previous(AbstractInsnNode x) {
    AbstractInsnNode p = x.getPrevious();
    while (p != null && p.getOpcode() < 0) {
      p = p.getPrevious();
    }
    return p;
  }
}
