package dev.parjit.analysis;

import dev.parjit.analysis.frames.FrameCalls;
import dev.parjit.analysis.lattice.DistributionAnalysis;
import dev.parjit.analysis.plan.Distribution;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * The "Data distributions" of a method: each local variable holding data (a primitive array or a
 * frame) by its source name, with the meet of everything stored into it. Without a
 * LocalVariableTable the names are {@code slotN}, the types those of the stored values.
 */
final class DataVariables {

  /** The pseudo-variable listing what a method returns. */
  static final String RETURN = "return";

  private DataVariables() { }

  /** The meet of the returned values' distributions, when the method returns data; else {@code null}. */
  static Distribution returned(MethodNode method, DistributionAnalysis lattice) {
    if (!isData(Type.getReturnType(method.desc))) {
      return null;
    }
    Distribution d = null;
    for (AbstractInsnNode x : method.instructions) {
      var frame = x.getOpcode() == Opcodes.ARETURN ? lattice.frameAt(x) : null;
      if (frame != null) {
        Distribution v = frame.getStack(frame.getStackSize() - 1).distribution();
        d = d == null ? v : d.meet(v);
      }
    }
    return d;
  }

  static Map<String, Distribution> of(MethodNode method, DistributionAnalysis lattice, Map<Integer, Integer> paramSlots,
      List<Distribution> params) {
    Map<String, Distribution> out = new LinkedHashMap<>();
    int size = method.instructions.size();
    if (method.localVariables != null && !method.localVariables.isEmpty()) {
      List<LocalVariableNode> vars = new ArrayList<>(method.localVariables);
      vars.sort(Comparator.comparingInt((LocalVariableNode v) -> v.index)
          .thenComparingInt(v -> method.instructions.indexOf(v.start)));
      for (LocalVariableNode v : vars) {
        if (!isData(Type.getType(v.desc))) {
          continue;
        }
        Integer param = paramSlots.get(v.index);
        Distribution d = param != null ? params.get(param)
            : lattice.storedInto(v.index, method.instructions.indexOf(v.start) - 2, method.instructions.indexOf(v.end));
        if (d == null && isParameter(method, v.index)) {
          var value = lattice.local(method.instructions.getFirst(), v.index);
          d = value != null && value.isDistributed() ? value.distribution() : Distribution.REP;
        }
        if (d != null) {
          out.merge(v.name, d, Distribution::meet);
        }
      }
      return out;
    }
    Map<Integer, Distribution> slots = new TreeMap<>();
    paramSlots.forEach((slot, index) -> slots.put(slot, params.get(index)));
    for (AbstractInsnNode x : method.instructions) {
      if (x instanceof VarInsnNode v && v.getOpcode() == Opcodes.ASTORE && lattice.frameAt(x) != null) {
        var frame = lattice.frameAt(x);
        var value = frame.getStack(frame.getStackSize() - 1);
        if (value.isDistributed() || isData(storedType(x))) {
          slots.merge(v.var, lattice.storedInto(v.var, 0, size), Distribution::meet);
        }
      }
    }
    slots.forEach((slot, d) -> out.put("slot" + slot, d));
    return out;
  }

  /** The source name of the variable a value ends up in (the store right after it), for messages. */
  /** Source lines where each listed variable is assigned, for the annotated listing. */
  static Map<String, java.util.SortedSet<Integer>> definitionLines(MethodNode method, Map<String, Distribution> variables) {
    Map<String, java.util.SortedSet<Integer>> out = new LinkedHashMap<>();
    for (AbstractInsnNode x : method.instructions) {
      if (x.getOpcode() == Opcodes.ARETURN && variables.containsKey(RETURN) && LineTable.line(x) > 0) {
        out.computeIfAbsent(RETURN, k -> new java.util.TreeSet<>()).add(LineTable.line(x));
      }
      if (x instanceof VarInsnNode v && v.getOpcode() == Opcodes.ASTORE) {
        String name = VariableNames.at(method, v.var, x.getNext() != null ? x.getNext() : x);
        int line = LineTable.line(x);
        if (variables.containsKey(name) && line > 0) {
          out.computeIfAbsent(name, k -> new java.util.TreeSet<>()).add(line);
        }
      }
    }
    return out;
  }

  /**
   * Compiler temporaries (diagnostics level 2): data produced by a call and used without being
   * stored in a variable, named {@code $call.line} as Bodo names its temporaries.
   */
  static Map<String, Distribution> temporaries(MethodNode method, DistributionAnalysis lattice) {
    Map<String, Distribution> out = new LinkedHashMap<>();
    for (AbstractInsnNode x : method.instructions) {
      if (x instanceof org.objectweb.asm.tree.MethodInsnNode call && isData(Type.getReturnType(call.desc))) {
        AbstractInsnNode next = x.getNext();
        while (next != null && next.getOpcode() < 0) {
          next = next.getNext();
        }
        var value = lattice.produced(x);
        if (value != null && !(next instanceof VarInsnNode v && v.getOpcode() == Opcodes.ASTORE)) {
          out.merge("$" + call.name + "." + LineTable.line(x), value.distribution(), Distribution::meet);
        }
      }
    }
    return out;
  }

  static String nameOfValue(MethodNode method, AbstractInsnNode producer) {
    AbstractInsnNode next = producer.getNext();
    while (next != null && next.getOpcode() < 0) {
      next = next.getNext();
    }
    if (next instanceof VarInsnNode v && v.getOpcode() == Opcodes.ASTORE) {
      return VariableNames.at(method, v.var, next.getNext() != null ? next.getNext() : next);
    }
    return "a value made at line " + LineTable.line(producer);
  }

  /** The type of what a store saves, from the instruction that made it (classes without debug info). */
  private static Type storedType(AbstractInsnNode store) {
    AbstractInsnNode prev = store.getPrevious();
    if (prev instanceof org.objectweb.asm.tree.MethodInsnNode call) {
      return Type.getReturnType(call.desc);
    }
    if (prev instanceof org.objectweb.asm.tree.IntInsnNode n && n.getOpcode() == Opcodes.NEWARRAY) {
      return Type.getType("[" + "ZCFDBSIJ".charAt(n.operand - Opcodes.T_BOOLEAN));
    }
    if (prev instanceof org.objectweb.asm.tree.MultiANewArrayInsnNode m) {
      return Type.getType(m.desc);
    }
    if (prev instanceof org.objectweb.asm.tree.TypeInsnNode t && t.getOpcode() == Opcodes.ANEWARRAY) {
      return Type.getType("[" + Type.getObjectType(t.desc).getDescriptor());
    }
    if (prev instanceof org.objectweb.asm.tree.TypeInsnNode t && t.getOpcode() == Opcodes.CHECKCAST) {
      return Type.getObjectType(t.desc);
    }
    return null;
  }

  private static boolean isParameter(MethodNode method, int slot) {
    int size = (method.access & Opcodes.ACC_STATIC) != 0 ? 0 : 1;
    for (Type t : Type.getArgumentTypes(method.desc)) {
      size += t.getSize();
    }
    return slot < size;
  }

  /** Primitive arrays and Parjit frames: what diagnostics list as data. */
  static boolean isData(Type t) {
    if (t == null) {
      return false;
    }
    if (t.getSort() == Type.ARRAY) {
      return dev.parjit.analysis.plan.ArrayShapes.isDistributable(t);
    }
    return t.getSort() == Type.OBJECT && FrameCalls.isFrameType(t.getInternalName());
  }
}
