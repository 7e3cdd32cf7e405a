package dev.parjit.analysis;

import java.util.Set;
import java.util.TreeSet;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * The array parameters whose contents cannot change while the method runs, so what a loop's
 * exchange fetches of them (a CSR matrix's row pointer halo, its nonzeros' segments, the plan of
 * the vector elements its column indices name) may be computed once per invocation instead of at
 * every entry of the loop ({@code HaloMemo}). Conservative: a parameter qualifies only when
 * <ul>
 *   <li>its variable is never assigned (it holds the caller's array throughout);</li>
 *   <li>every load of the variable is consumed only as the array of an element read or by
 *       {@code arraylength}: it is never passed to a call, stored anywhere, copied into another
 *       variable or written through ({@code col[k] += 1} loads it for a store);</li>
 *   <li>every array store of the method writes an array allocated right there ({@code new double[] {a, b}})
 *       or a local, not a parameter (the
 *       caller may pass one array twice) and not a variable that may hold the same array
 *       ({@link BufferRotation#mayAlias}), nor an array taken from a field, a call or another array;</li>
 *   <li>the method calls nothing but the JDK's {@code Math}/{@code StrictMath} (a callee could write
 *       the array through a field that holds it too).</li>
 * </ul>
 */
final class InvariantArrays {

  private InvariantArrays() { }

  /** The array parameter slots the method provably never writes (empty when anything above fails). */
  static Set<Integer> of(MethodFacts f) {
    MethodNode method = f.method();
    boolean isStatic = (method.access & Opcodes.ACC_STATIC) != 0;
    Set<Integer> arrays = new TreeSet<>();
    Set<Integer> params = new TreeSet<>();
    int slot = isStatic ? 0 : 1;
    if (!isStatic) {
      params.add(0);
    }
    for (Type t : Type.getArgumentTypes(method.desc)) {
      params.add(slot);
      if (t.getSort() == Type.ARRAY && t.getDimensions() == 1) {
        arrays.add(slot);
      }
      slot += t.getSize();
    }
    for (AbstractInsnNode x : method.instructions) {
      if (x instanceof InvokeDynamicInsnNode
          || (x instanceof MethodInsnNode m && !m.owner.equals("java/lang/Math") && !m.owner.equals("java/lang/StrictMath"))
          || ArrayOperands.isStore(x) && !storesIntoOwnArray(f, x, params, arrays)) {
        return Set.of();
      }
      if (x instanceof VarInsnNode v && v.getOpcode() == Opcodes.ASTORE) {
        arrays.remove(v.var); // reassigned
      }
    }
    arrays.removeIf(a -> !onlyRead(f, a));
    return arrays;
  }

  /** Whether the store {@code x} writes a local of the method that cannot be any of {@code arrays}. */
  private static boolean storesIntoOwnArray(MethodFacts f, AbstractInsnNode x, Set<Integer> params,
      Set<Integer> arrays) {
    Set<AbstractInsnNode> target = ArrayOperands.array(f.consumers(), x);
    if (target.size() == 1 && allocated(f, target.iterator().next())) {
      return true; // new double[] {a, b}: an array made right here
    }
    if (target.size() != 1 || !(target.iterator().next() instanceof VarInsnNode w) || w.getOpcode() != Opcodes.ALOAD
        || params.contains(w.var)) {
      return false;
    }
    for (int a : arrays) {
      if (f.rotations().mayAlias(a, w.var, x)) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code x} pushes an array allocated by the instruction itself or by the one its {@code dup} copies. */
  private static boolean allocated(MethodFacts f, AbstractInsnNode x) {
    if (x.getOpcode() == Opcodes.DUP) {
      Set<AbstractInsnNode> copied = f.consumers().operand(x, 0);
      return copied.size() == 1 && allocated(f, copied.iterator().next());
    }
    return x.getOpcode() == Opcodes.NEWARRAY || x.getOpcode() == Opcodes.ANEWARRAY
        || x.getOpcode() == Opcodes.MULTIANEWARRAY;
  }

  /** Whether every load of {@code slot} is the array of an element read or the operand of {@code arraylength}. */
  private static boolean onlyRead(MethodFacts f, int slot) {
    for (AbstractInsnNode x : f.method().instructions) {
      if (!(x instanceof VarInsnNode v) || v.getOpcode() != Opcodes.ALOAD || v.var != slot) {
        continue;
      }
      Set<AbstractInsnNode> users = f.consumers().of(x);
      for (AbstractInsnNode u : users) {
        boolean read = ArrayOperands.isLoad(u) && f.consumers().operand(u, 1).contains(x);
        if (!read && u.getOpcode() != Opcodes.ARRAYLENGTH) {
          return false;
        }
      }
    }
    return true;
  }
}
