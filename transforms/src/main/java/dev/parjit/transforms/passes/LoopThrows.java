package dev.parjit.transforms.passes;

import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Whether a loop's iterations can throw at all: only then do the ranks need to agree on failures at
 * its end (one collective per loop). Arithmetic on locals, jumps and the JDK's non-throwing
 * {@code Math} functions cannot; array accesses, integer division, field and object access,
 * allocation, other calls and explicit throws can.
 */
final class LoopThrows {

  /** {@code Math}/{@code StrictMath} functions that return a value for every argument. */
  private static final Set<String> TOTAL_MATH = Set.of("sqrt", "cbrt", "sin", "cos", "tan", "asin", "acos", "atan",
      "atan2", "sinh", "cosh", "tanh", "exp", "expm1", "log", "log10", "log1p", "pow", "hypot", "abs", "min", "max",
      "floor", "ceil", "rint", "round", "signum", "copySign", "ulp", "nextUp", "nextDown", "nextAfter", "fma",
      "toRadians", "toDegrees", "random", "scalb", "getExponent", "IEEEremainder");

  private LoopThrows() { }

  /** Whether any instruction from {@code first} to {@code last} (inclusive) may throw. */
  static boolean mayThrow(MethodNode method, AbstractInsnNode first, AbstractInsnNode last) {
    for (AbstractInsnNode x = first; x != null; x = x.getNext()) {
      if (mayThrow(x)) {
        return true;
      }
      if (x == last) {
        return false;
      }
    }
    return true;
  }

  private static boolean mayThrow(AbstractInsnNode x) {
    int op = x.getOpcode();
    if (op < 0) {
      return false; // labels, line numbers, frames
    }
    if (x instanceof MethodInsnNode m) {
      return !(m.getOpcode() == Opcodes.INVOKESTATIC && (m.owner.equals("java/lang/Math")
          || m.owner.equals("java/lang/StrictMath")) && TOTAL_MATH.contains(m.name));
    }
    return (op >= Opcodes.IALOAD && op <= Opcodes.SALOAD) || (op >= Opcodes.IASTORE && op <= Opcodes.SASTORE)
        || op == Opcodes.IDIV || op == Opcodes.IREM || op == Opcodes.LDIV || op == Opcodes.LREM
        || op >= Opcodes.GETSTATIC; // fields, calls, allocation, arraylength, throw, casts, monitors
  }
}
