package dev.parjit.analysis.effects;

import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.MethodInsnNode;

/**
 * What Parjit knows of library calls: which have no effect on memory the caller sees, which write
 * into one of their array arguments, which print. Anything not listed is unknown, and a method
 * calling it runs on the driver.
 */
final class KnownCalls {

  /** How a call affects memory. */
  enum Kind {
    /** No effect on existing objects; a returned reference is new or immutable. */
    PURE,
    /** Writes into the elements of the array passed as argument {@link #writtenArgument}. */
    WRITES_ARGUMENT,
    /** Prints to a stream. */
    PRINTS,
    /** Anything else. */
    UNKNOWN
  }

  private static final Set<String> PURE_OWNERS = Set.of("java/lang/Math", "java/lang/StrictMath",
      "java/lang/Integer", "java/lang/Long", "java/lang/Double", "java/lang/Float", "java/lang/Boolean",
      "java/lang/Short", "java/lang/Byte", "java/lang/Character", "java/lang/String", "java/util/Objects",
      "java/lang/Number");
  private static final Set<String> PURE_ARRAYS = Set.of("copyOf", "copyOfRange", "toString", "deepToString", "equals",
      "deepEquals", "hashCode", "deepHashCode", "mismatch", "compare", "binarySearch");
  private static final Set<String> WRITING_ARRAYS = Set.of("fill", "sort", "parallelSort", "setAll", "parallelPrefix");

  /**
   * Methods of the pure owners that read the process's mutable state: system properties (which the
   * driver may have set after the workers started) and the default locale (which it may have
   * changed). A worker would answer with its own.
   */
  private static final Set<String> PROCESS_STATE = Set.of("java/lang/Integer.getInteger", "java/lang/Long.getLong",
      "java/lang/Boolean.getBoolean", "java/lang/String.toUpperCase()Ljava/lang/String;",
      "java/lang/String.toLowerCase()Ljava/lang/String;", "java/lang/String.formatted");

  private KnownCalls() { }

  static Kind kind(MethodInsnNode m) {
    if (isParjit(m.owner)) {
      return Kind.PURE; // Parjit's API and DataFrames: frames are immutable values
    }
    if (readsProcessState(m)) {
      return Kind.UNKNOWN;
    }
    if (PURE_OWNERS.contains(m.owner)) {
      return Kind.PURE;
    }
    if (m.owner.equals("java/util/Arrays")) {
      return PURE_ARRAYS.contains(m.name) ? Kind.PURE : WRITING_ARRAYS.contains(m.name) ? Kind.WRITES_ARGUMENT
          : Kind.UNKNOWN;
    }
    if (m.owner.equals("java/lang/System")) {
      return switch (m.name) {
        case "arraycopy" -> Kind.WRITES_ARGUMENT;
        case "nanoTime", "currentTimeMillis", "identityHashCode", "lineSeparator" -> Kind.PURE;
        default -> Kind.UNKNOWN;
      };
    }
    if (m.owner.startsWith("[") && m.name.equals("clone")) {
      return Kind.PURE;
    }
    if (m.owner.equals("java/io/PrintStream") && (m.name.startsWith("print") || m.name.equals("format")
        || m.name.equals("flush"))) {
      return Kind.PRINTS;
    }
    return Kind.UNKNOWN;
  }

  /** Whether {@code m} reads the process's system properties or default locale (even on a string the method made). */
  static boolean readsProcessState(MethodInsnNode m) {
    return PROCESS_STATE.contains(m.owner + "." + m.name) || PROCESS_STATE.contains(m.owner + "." + m.name + m.desc)
        // String.format without a Locale formats with the default one
        || m.owner.equals("java/lang/String") && m.name.equals("format") && m.desc.startsWith("(Ljava/lang/String;");
  }

  /** Parjit's own library (API, DataFrames, runtime), as opposed to application classes under dev.parjit. */
  static boolean isParjit(String owner) {
    return owner.startsWith("dev/parjit/frame/") || owner.startsWith("dev/parjit/runtime/")
        || owner.startsWith("dev/parjit/mpi/") || owner.equals("dev/parjit/Parjit") || owner.equals("dev/parjit/Jit");
  }

  /** For {@link Kind#WRITES_ARGUMENT}: which argument's elements are written. */
  static int writtenArgument(MethodInsnNode m) {
    return m.owner.equals("java/lang/System") ? 2 : 0;
  }

  /** Whether a JDK instance method on an object the method allocated is harmless to the caller. */
  static boolean isLibrary(MethodInsnNode m) {
    return m.getOpcode() != Opcodes.INVOKESTATIC && (m.owner.startsWith("java/") || m.owner.startsWith("["));
  }
}
