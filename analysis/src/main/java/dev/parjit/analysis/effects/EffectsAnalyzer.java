package dev.parjit.analysis.effects;

import dev.parjit.analysis.LineTable;
import dev.parjit.analysis.VariableNames;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;

/**
 * Finds what a {@code @Jit} method does to memory its caller can observe ({@link MethodEffects}):
 * writes into its array parameters, the parameter it returns, the statics it reads, and every effect
 * the workers could not reproduce on the driver (writes to statics or fields, writes into arrays it
 * reached through fields, statics or rows, prints, calls Parjit does not know, object parameters).
 * Helpers of the same class (and of other application classes whose bytes are available) are
 * analysed in turn and their effects mapped onto the caller's arguments.
 *
 * <p>Pure: reads trees and class bytes, never loads classes.
 */
public final class EffectsAnalyzer {

  private static final int MAX_DEPTH = 6;

  private final Function<String, byte[]> classBytes;
  private final Map<String, ClassNode> classes = new HashMap<>();
  private final Map<String, MethodEffects> done = new HashMap<>();
  private final Set<String> running = new HashSet<>();

  private EffectsAnalyzer(ClassNode owner, Function<String, byte[]> classBytes) {
    this.classBytes = classBytes;
    classes.put(owner.name, owner);
  }

  /**
   * The effects of {@code method} of {@code owner} called from the driver.
   *
   * @param classBytes class bytes by internal name, to analyse helpers of other classes; may be
   *                   {@code null} (their calls then count as unknown)
   */
  public static MethodEffects analyze(ClassNode owner, MethodNode method, Function<String, byte[]> classBytes) {
    EffectsAnalyzer a = new EffectsAnalyzer(owner, classBytes);
    MethodEffects body = a.effectsOf(owner, method, 0);
    List<MethodEffects.Unmodelled> unmodelled = new ArrayList<>(parameterProblems(method));
    String returned = returnProblem(method);
    if (returned != null) {
      unmodelled.add(new MethodEffects.Unmodelled(returned, -1));
    }
    unmodelled.addAll(body.unmodelled());
    return new MethodEffects(body.writtenParams(), body.returnedParam(), body.returnsFresh(), body.staticReads(),
        body.fieldReads(), unmodelled);
  }

  /** Parameters the workers cannot receive as values: objects whose state lives on the driver. */
  private static List<MethodEffects.Unmodelled> parameterProblems(MethodNode method) {
    List<MethodEffects.Unmodelled> out = new ArrayList<>();
    Type[] params = Type.getArgumentTypes(method.desc);
    int slot = (method.access & Opcodes.ACC_STATIC) != 0 ? 0 : 1;
    for (int k = 0; k < params.length; k++) {
      if (!isValueType(params[k])) {
        out.add(new MethodEffects.Unmodelled("parameter '" + VariableNames.at(method, slot, method.instructions.getFirst())
            + "' is an object of type " + params[k].getClassName() + ", whose state lives on the driver", -1));
      }
      slot += params[k].getSize();
    }
    return out;
  }

  /**
   * Why the workers could not hand the method's result back to the driver, or {@code null}: the
   * driver reads replies through an allow-list of value types, so any other object (a collection, a
   * record or enum of the application) would be refused on arrival and cost the call a restart of
   * the workers. {@code Object} and {@code Object[]} are judged by their contents at run time.
   */
  private static String returnProblem(MethodNode method) {
    Type t = Type.getReturnType(method.desc);
    if (t.getSort() != Type.OBJECT && t.getSort() != Type.ARRAY) {
      return null;
    }
    Type element = t.getSort() == Type.ARRAY ? t.getElementType() : t;
    if (element.getSort() != Type.OBJECT || isValueType(element) || element.getInternalName().equals("java/lang/Object")) {
      return null;
    }
    return "returns a " + t.getClassName() + ", which Parjit does not send back from the workers";
  }

  /** Types the driver can ship as values: primitives, strings, boxes, primitive arrays, frames. */
  static boolean isValueType(Type t) {
    if (t.getSort() == Type.ARRAY) {
      return t.getElementType().getSort() <= Type.DOUBLE || t.getElementType().getInternalName().equals("java/lang/String");
    }
    if (t.getSort() != Type.OBJECT) {
      return true;
    }
    String n = t.getInternalName();
    return n.equals("java/lang/String") || n.startsWith("dev/parjit/frame/") || n.equals("java/lang/Integer")
        || n.equals("java/lang/Long") || n.equals("java/lang/Double") || n.equals("java/lang/Float")
        || n.equals("java/lang/Boolean") || n.equals("java/lang/Short") || n.equals("java/lang/Byte")
        || n.equals("java/lang/Character");
  }

  private MethodEffects effectsOf(ClassNode cls, MethodNode method, int depth) {
    String id = cls.name + "." + method.name + method.desc;
    MethodEffects known = done.get(id);
    if (known != null) {
      return known;
    }
    running.add(id);
    try {
      MethodEffects e = new MethodScan(cls, method, depth).run();
      done.put(id, e);
      return e;
    } finally {
      running.remove(id);
    }
  }

  /** The class and method a call resolves to among the analysable classes, or {@code null}. */
  private Target resolve(MethodInsnNode call) {
    if (call.owner.startsWith("java/") || call.owner.startsWith("javax/") || call.owner.startsWith("jdk/")
        || call.owner.startsWith("sun/") || KnownCalls.isParjit(call.owner) || call.owner.startsWith("[")) {
      return null;
    }
    ClassNode cls = classNode(call.owner);
    if (cls == null) {
      return null;
    }
    for (MethodNode m : cls.methods) {
      if (m.name.equals(call.name) && m.desc.equals(call.desc) && (m.access & Opcodes.ACC_ABSTRACT) == 0
          && (m.access & Opcodes.ACC_NATIVE) == 0) {
        // Virtual calls may reach overrides elsewhere: only final targets are known.
        boolean exact = call.getOpcode() == Opcodes.INVOKESTATIC || call.getOpcode() == Opcodes.INVOKESPECIAL
            || (m.access & (Opcodes.ACC_PRIVATE | Opcodes.ACC_FINAL)) != 0 || (cls.access & Opcodes.ACC_FINAL) != 0;
        return exact ? new Target(cls, m) : null;
      }
    }
    return null;
  }

  private record Target(ClassNode cls, MethodNode method) { }

  private ClassNode classNode(String name) {
    if (classes.containsKey(name)) {
      return classes.get(name);
    }
    ClassNode node = null;
    byte[] bytes = classBytes == null ? null : classBytes.apply(name);
    if (bytes != null) {
      node = new ClassNode();
      new ClassReader(bytes).accept(node, ClassReader.SKIP_FRAMES);
    }
    classes.put(name, node);
    return node;
  }

  /**
   * Whether {@code owner.name} is a static constant: final with a {@code ConstantValue}, which the JVM
   * sets alike in every process. A final static its class's initialiser computes
   * ({@code System.nanoTime()}, a {@code Random}, a system property) may differ between the driver and
   * each worker, so it is shipped and checked like any other static read.
   */
  private boolean isConstantStatic(String owner, String name) {
    ClassNode cls = classNode(owner);
    if (cls == null) {
      return false;
    }
    for (FieldNode f : cls.fields) {
      if (f.name.equals(name)) {
        return (f.access & Opcodes.ACC_FINAL) != 0 && (f.access & Opcodes.ACC_STATIC) != 0 && f.value != null;
      }
    }
    return false;
  }

  /** One method's scan: origins by ASM's {@link Analyzer}, then every instruction judged. */
  private final class MethodScan {
    private final ClassNode cls;
    private final MethodNode method;
    private final int depth;
    private final Set<Integer> written = new TreeSet<>();
    private final Set<String> statics = new LinkedHashSet<>();
    private final Set<String> fields = new LinkedHashSet<>();
    private final List<MethodEffects.Unmodelled> unmodelled = new ArrayList<>();
    private final Set<Origin> returned = new HashSet<>();
    /** Whether a reference the method did not allocate was stored into an array it did allocate. */
    private boolean freshArraysHoldOthers;
    /**
     * Whether a reference the method did not allocate went into an object it did allocate (an array
     * element, a field, a collection of the JDK): that object, returned, would reach the caller as a
     * copy holding copies, not the caller's own objects.
     */
    private boolean freshValuesHoldOthers;

    MethodScan(ClassNode cls, MethodNode method, int depth) {
      this.cls = cls;
      this.method = method;
      this.depth = depth;
    }

    MethodEffects run() {
      Frame<OriginValue>[] frames;
      try {
        frames = new Analyzer<>(new OriginInterpreter((method.access & Opcodes.ACC_STATIC) != 0, method.desc,
            this::callResult)).analyze(cls.name, method);
      } catch (AnalyzerException e) {
        return new MethodEffects(Set.of(), -1, false, List.of(), List.of(),
            List.of(new MethodEffects.Unmodelled("its bytecode could not be analysed: " + e.getMessage(), -1)));
      }
      // Stores of outside references into fresh arrays first: they decide what a row write means.
      for (int i = 0; i < frames.length; i++) {
        AbstractInsnNode x = method.instructions.get(i);
        if (frames[i] != null && x.getOpcode() == Opcodes.AASTORE
            && top(frames[i], 0).origins().stream().anyMatch(o -> !(o instanceof Origin.Fresh))) {
          freshArraysHoldOthers = true;
        }
        if (frames[i] != null && holdsOthers(x, frames[i])) {
          freshValuesHoldOthers = true;
        }
      }
      for (int i = 0; i < frames.length; i++) {
        if (frames[i] != null) {
          judge(method.instructions.get(i), frames[i]);
        }
      }
      Origin.Param param = (Origin.Param) returned.stream().filter(o -> o instanceof Origin.Param).findFirst()
          .orElse(null);
      if (depth == 0 && param != null && returned.size() > 1) {
        problem("returns its argument '" + paramName(param.index()) + "' on some paths only", null);
      }
      if (depth == 0 && returnsHolderOfOthers()) {
        problem("returns an object it made holding references it did not make (the caller would get copies of"
            + " them, not its own objects)", null);
      }
      return new MethodEffects(written, returnedParam(), returnsFresh(), List.copyOf(statics), List.copyOf(fields),
          unmodelled);
    }

    private int returnedParam() {
      Set<Integer> params = new HashSet<>();
      for (Origin o : returned) {
        if (o instanceof Origin.Param p) {
          params.add(p.index());
        }
      }
      if (params.size() == 1 && returned.size() == 1) {
        return params.iterator().next();
      }
      return -1;
    }

    private boolean returnsFresh() {
      return returned.stream().allMatch(o -> o instanceof Origin.Fresh) && !returnsHolderOfOthers();
    }

    /** Whether what the method returns may be an object it made holding references it did not make. */
    private boolean returnsHolderOfOthers() {
      Type t = Type.getReturnType(method.desc);
      boolean canHoldReferences = t.getSort() == Type.ARRAY ? t.getDimensions() > 1 || t.getElementType().getSort() == Type.OBJECT
          : t.getSort() == Type.OBJECT && !isValueType(t);
      return freshValuesHoldOthers && canHoldReferences && returned.stream().anyMatch(o -> o instanceof Origin.Fresh);
    }

    /**
     * Whether instruction {@code x} puts a reference the method did not allocate into an object it
     * did: an array store, a field store, or a JDK call on such an object ({@code list.add(a)}).
     */
    private boolean holdsOthers(AbstractInsnNode x, Frame<OriginValue> f) {
      if (x.getOpcode() == Opcodes.AASTORE) {
        return allFresh(top(f, 2).origins()) && !allFresh(top(f, 0).origins());
      }
      if (x.getOpcode() == Opcodes.PUTFIELD) {
        return allFresh(top(f, 1).origins()) && !allFresh(top(f, 0).origins());
      }
      if (x instanceof MethodInsnNode m && KnownCalls.isLibrary(m)) {
        int args = Type.getArgumentTypes(m.desc).length;
        if (!allFresh(top(f, args).origins())) {
          return false;
        }
        for (int k = 0; k < args; k++) {
          if (!allFresh(top(f, k).origins())) {
            return true;
          }
        }
      }
      return false;
    }

    private void judge(AbstractInsnNode x, Frame<OriginValue> f) {
      int op = x.getOpcode();
      if (op >= Opcodes.IASTORE && op <= Opcodes.SASTORE) {
        write(top(f, 2).origins(), x);
      } else if (op == Opcodes.PUTSTATIC) {
        FieldInsnNode fi = (FieldInsnNode) x;
        problem("writes static field " + simple(fi.owner) + "." + fi.name, x);
      } else if (op == Opcodes.PUTFIELD) {
        FieldInsnNode fi = (FieldInsnNode) x;
        if (!allFresh(top(f, 1).origins())) {
          problem("writes field " + fi.name + " of an object it did not create", x);
        }
      } else if (op == Opcodes.GETSTATIC) {
        staticRead((FieldInsnNode) x);
      } else if (op == Opcodes.GETFIELD) {
        fieldRead((FieldInsnNode) x, top(f, 0).origins());
      } else if (op == Opcodes.MONITORENTER) {
        problem("takes a lock", x);
      } else if (op == Opcodes.ARETURN) {
        returned.addAll(top(f, 0).origins());
        for (Origin o : top(f, 0).origins()) {
          if (depth == 0 && !(o instanceof Origin.Fresh) && !(o instanceof Origin.Param)) {
            problem("returns " + describe(o) + " (the caller would get a copy instead of that object)", x);
          }
        }
      } else if (x instanceof InvokeDynamicInsnNode indy) {
        if (!"java/lang/invoke/StringConcatFactory".equals(indy.bsm.getOwner())) {
          problem("creates a lambda or method reference", x);
        }
      } else if (x instanceof MethodInsnNode m) {
        call(m, f);
      }
    }

    private void staticRead(FieldInsnNode fi) {
      Type t = Type.getType(fi.desc);
      if (fi.owner.startsWith("java/") || fi.owner.startsWith("javax/") || KnownCalls.isParjit(fi.owner)) {
        return; // System.out and library constants: the same in every JVM, or judged where used
      }
      // Arrays of rows travel whole like primitive arrays; their rows are only read on the workers
      // (a write into a row reached through a static is an unmodelled effect).
      boolean shippable = isValueType(t)
          && (t.getSort() != Type.ARRAY || t.getDimensions() == 1 || dev.parjit.analysis.plan.ArrayShapes.hasRows(t))
          && !t.getDescriptor().startsWith("Ldev/parjit/");
      if (!shippable) {
        problem("reads static field " + simple(fi.owner) + "." + fi.name + " of type " + t.getClassName()
            + ", which Parjit does not ship to the workers", fi);
        return;
      }
      if (t.getSort() != Type.ARRAY && isConstantStatic(fi.owner, fi.name)) {
        return; // a constant is the same in every process
      }
      statics.add(fi.owner + "." + fi.name + ":" + fi.desc);
    }

    /** A field of {@code this} of a shippable type is shipped; any other object's state stays on the driver. */
    private void fieldRead(FieldInsnNode fi, Set<Origin> receiver) {
      if (allFresh(receiver)) {
        return;
      }
      Type t = Type.getType(fi.desc);
      boolean ofThis = receiver.equals(Set.of(new Origin.Param(-1)));
      if (!ofThis) {
        problem("reads field " + fi.name + " of an object whose state lives on the driver", fi);
      } else if (!isValueType(t)
          || (t.getSort() == Type.ARRAY && t.getDimensions() > 1 && !dev.parjit.analysis.plan.ArrayShapes.hasRows(t))
          || t.getDescriptor().startsWith("Ldev/parjit/")) {
        problem("reads field " + fi.name + " of type " + t.getClassName() + ", which Parjit does not ship to the workers",
            fi);
      } else {
        fields.add(fi.owner + "." + fi.name + ":" + fi.desc);
      }
    }

    private void call(MethodInsnNode m, Frame<OriginValue> f) {
      Type[] args = Type.getArgumentTypes(m.desc);
      boolean hasReceiver = m.getOpcode() != Opcodes.INVOKESTATIC;
      List<OriginValue> values = new ArrayList<>();
      int base = f.getStackSize() - args.length - (hasReceiver ? 1 : 0);
      for (int k = base; k < f.getStackSize(); k++) {
        values.add(f.getStack(k));
      }
      Target target = resolve(m);
      if (target != null) {
        helper(m, target, values);
        return;
      }
      switch (KnownCalls.kind(m)) {
        case PURE:
          return;
        case WRITES_ARGUMENT:
          write(values.get((hasReceiver ? 1 : 0) + KnownCalls.writtenArgument(m)).origins(), m);
          return;
        case PRINTS:
          problem("prints (output keeps its order only on the driver)", m);
          return;
        default:
          if (KnownCalls.isLibrary(m) && allFresh(values.get(0).origins()) && !KnownCalls.readsProcessState(m)) {
            return; // a library object the method made: nobody else sees it
          }
          problem("calls " + simple(m.owner) + "." + m.name + ", whose effects Parjit does not model", m);
      }
    }

    private void helper(MethodInsnNode m, Target target, List<OriginValue> values) {
      String id = target.cls().name + "." + target.method().name + target.method().desc;
      if (running.contains(id) || depth >= MAX_DEPTH) {
        problem("calls " + target.method().name + " recursively", m);
        return;
      }
      MethodEffects h = effectsOf(target.cls(), target.method(), depth + 1);
      int shift = m.getOpcode() == Opcodes.INVOKESTATIC ? 0 : 1;
      for (int k : h.writtenParams()) {
        write(values.get(k + shift).origins(), m);
      }
      statics.addAll(h.staticReads());
      if (!h.fieldReads().isEmpty()) {
        if (shift == 1 && values.get(0).origins().equals(Set.of(new Origin.Param(-1)))) {
          fields.addAll(h.fieldReads()); // a helper called on this reads this method's receiver
        } else {
          problem("calls " + m.name + " on an object whose fields live on the driver", m);
        }
      }
      for (MethodEffects.Unmodelled u : h.unmodelled()) {
        unmodelled.add(new MethodEffects.Unmodelled("calls " + m.name + ", which " + u.reason()
            + (u.line() < 0 ? "" : " (line " + u.line() + ")"), LineTable.line(m)));
      }
    }

    /** The origins of what call {@code m} returns (during the analysis). */
    private Set<Origin> callResult(MethodInsnNode m, List<? extends OriginValue> values) {
      Target target = resolve(m);
      if (target != null) {
        String id = target.cls().name + "." + target.method().name + target.method().desc;
        if (!running.contains(id) && depth < MAX_DEPTH) {
          MethodEffects h = effectsOf(target.cls(), target.method(), depth + 1);
          int shift = m.getOpcode() == Opcodes.INVOKESTATIC ? 0 : 1;
          if (h.returnedParam() >= 0) {
            return values.get(h.returnedParam() + shift).origins();
          }
          if (h.returnsFresh()) {
            return Set.of(Origin.FRESH);
          }
        }
        return Set.of(new Origin.Unknown(simple(m.owner) + "." + m.name));
      }
      if (m.owner.equals("java/util/Objects") && m.name.equals("requireNonNull")) {
        return values.get(0).origins();
      }
      if (KnownCalls.kind(m) == KnownCalls.Kind.PURE
          || (KnownCalls.isLibrary(m) && allFresh(values.get(0).origins()) && m.name.equals("toString"))) {
        return Set.of(Origin.FRESH);
      }
      if (KnownCalls.isLibrary(m) && allFresh(values.get(0).origins())
          && (m.owner.equals("java/lang/StringBuilder") || m.owner.equals("java/lang/StringBuffer"))) {
        return Set.of(Origin.FRESH);
      }
      return Set.of(new Origin.Unknown(simple(m.owner) + "." + m.name));
    }

    private void write(Set<Origin> targets, AbstractInsnNode x) {
      for (Origin o : targets) {
        String rows = RowWrites.problem(o, x, method.desc);
        if (rows != null) {
          problem(rows.replace("{param}", "its argument '" + paramName(RowWrites.param(o)) + "'"), x);
        } else if (RowWrites.intoRows(o, method.desc)) {
          written.add(RowWrites.param(o)); // the driver copies the rows' contents back into the caller's rows
        } else if (o instanceof Origin.Param p && p.index() >= 0) {
          written.add(p.index());
        } else if (o instanceof Origin.Fresh) {
          continue;
        } else if (o instanceof Origin.Element e && e.root() instanceof Origin.Fresh && !freshArraysHoldOthers) {
          continue;
        } else {
          problem("writes into " + describe(o), x);
        }
      }
    }

    private String describe(Origin o) {
      if (o instanceof Origin.Param p) {
        return p.index() < 0 ? "this" : "its argument '" + paramName(p.index()) + "'";
      } else if (o instanceof Origin.Static s) {
        return "the value of static field " + simple(s.owner()) + "." + s.name();
      } else if (o instanceof Origin.Field fl) {
        return "the value of field " + fl.name();
      } else if (o instanceof Origin.Element e) {
        return e.root() instanceof Origin.Fresh ? "a row stored into a local array"
            : "a row of " + describe(e.root());
      } else if (o instanceof Origin.Unknown u) {
        return "a value from " + u.what();
      }
      return "an array it allocated";
    }

    private String paramName(int index) {
      Type[] params = Type.getArgumentTypes(method.desc);
      int slot = (method.access & Opcodes.ACC_STATIC) != 0 ? 0 : 1;
      for (int k = 0; k < index; k++) {
        slot += params[k].getSize();
      }
      return VariableNames.at(method, slot, method.instructions.getFirst());
    }

    private void problem(String reason, AbstractInsnNode x) {
      MethodEffects.Unmodelled u = new MethodEffects.Unmodelled(reason, x == null ? -1 : LineTable.line(x));
      if (!unmodelled.contains(u)) {
        unmodelled.add(u);
      }
    }
  }

  private static OriginValue top(Frame<OriginValue> f, int below) {
    return f.getStack(f.getStackSize() - 1 - below);
  }

  private static boolean allFresh(Set<Origin> origins) {
    return origins.stream().allMatch(o -> o instanceof Origin.Fresh);
  }

  private static String simple(String internalName) {
    return internalName.substring(internalName.lastIndexOf('/') + 1);
  }
}
