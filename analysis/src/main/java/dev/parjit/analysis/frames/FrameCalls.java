package dev.parjit.analysis.frames;

import dev.parjit.analysis.lattice.CallModel;
import dev.parjit.analysis.lattice.DistValue;
import dev.parjit.analysis.plan.Distribution;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.MethodInsnNode;

/**
 * DESIGN §4's transfer rules for Parjit's own {@code DataFrame}, {@code Series} and {@code GroupBy}:
 * sources are 1D, row selections ({@code filter}, {@code head}, {@code tail}, sorting, joins,
 * group-bys) give 1D_Var, column-wise operations keep their input's distribution, reductions give
 * REP. The frame library carries the distribution at run time too, so the analysis only has to
 * know which operations keep data distributed and which sources it may read in parallel.
 */
public final class FrameCalls implements CallModel {

  /** Internal names of the modelled classes. */
  public static final String DATA_FRAME = "dev/parjit/frame/DataFrame";
  public static final String SERIES = "dev/parjit/frame/Series";
  public static final String GROUP_BY = "dev/parjit/frame/GroupBy";

  private static final Set<String> SOURCES = Set.of("readParquet", "readCsv");
  // Each name below has a distributed counterpart in dev.parjit.frame.dist.DistributedFrames
  // (receiver first); a test checks that every overload exists.
  private static final Set<String> FRAME_ROWS = Set.of("filter", "head", "tail", "sortValues", "merge", "groupBy");
  private static final Set<String> FRAME_COLUMNS = Set.of("select", "drop", "withColumn", "column");
  private static final Set<String> FRAME_REP = Set.of("sum", "mean", "min", "max", "count", "std", "var", "numRows",
      "numColumns", "columns", "hasColumn", "dtype", "toString", "equals", "hashCode", "toParquet", "close");
  private static final Set<String> SERIES_ROWS = Set.of("filter", "head", "tail");
  private static final Set<String> SERIES_COLUMNS = Set.of("rename", "add", "sub", "mul", "div", "gt", "ge", "lt", "le",
      "eq", "ne", "and", "or", "not");
  private static final Set<String> SERIES_REP = Set.of("sum", "mean", "min", "max", "std", "var", "count", "size", "name",
      "dtype", "nullCount", "getDouble", "getLong", "getInt", "getBoolean", "getString", "isNull", "toDoubleArray",
      "toLongArray", "toStringArray", "toString", "equals", "hashCode", "close");
  private static final Set<String> GROUP_BY_AGGREGATES = Set.of("agg", "sum", "mean", "min", "max", "count", "std", "var");

  /** Whether {@code internalName} is one of the frame types the analysis lists as data. */
  public static boolean isFrameType(String internalName) {
    return internalName.equals(DATA_FRAME) || internalName.equals(SERIES) || internalName.equals(GROUP_BY);
  }

  /** Whether {@code call} reads a file in parallel when its result stays distributed. */
  public static boolean isSource(MethodInsnNode call) {
    return call.owner.equals(DATA_FRAME) && call.getOpcode() == Opcodes.INVOKESTATIC && SOURCES.contains(call.name);
  }

  /**
   * Whether {@code call} writes files ({@code DataFrame.toParquet}): of replicated data on several
   * ranks it must still write once, so it runs its distributed version whatever its receiver's
   * distribution.
   */
  public static boolean isFileWrite(MethodInsnNode call) {
    return call.owner.equals(DATA_FRAME) && call.getOpcode() != Opcodes.INVOKESTATIC && call.name.equals("toParquet");
  }

  /** Whether {@code call} prints or renders its argument (the rewrite gathers a distributed one first). */
  public static boolean isPrintingCall(MethodInsnNode call) {
    return isPrinting(call);
  }

  /** Whether {@code call} wraps arrays into a frame ({@code DataFrame.of}, {@code Series.of}). */
  public static boolean isArrayWrap(MethodInsnNode call) {
    return (call.owner.equals(DATA_FRAME) || call.owner.equals(SERIES)) && call.getOpcode() == Opcodes.INVOKESTATIC
        && call.name.equals("of") && Type.getArgumentTypes(call.desc).length == 2
        && Type.getArgumentTypes(call.desc)[1].getSort() == Type.ARRAY;
  }

  /** {@code println(Object)}, {@code String.valueOf(Object)}, {@code StringBuilder.append(Object)}. */
  private static boolean isPrinting(MethodInsnNode call) {
    return switch (call.owner) {
      case "java/io/PrintStream" -> call.name.startsWith("print");
      case "java/lang/String" -> call.name.equals("valueOf");
      case "java/lang/StringBuilder" -> call.name.equals("append");
      case "java/util/Objects" -> call.name.equals("toString");
      default -> false;
    } && call.desc.contains("Ljava/lang/Object;");
  }

  @Override
  public Distribution result(MethodInsnNode call, List<DistValue> args) {
    if (isPrinting(call)) {
      return Distribution.REP; // printing a frame renders it on every rank (a collective gather)
    }
    if (!isFrameType(call.owner)) {
      return null;
    }
    Distribution in = Distribution.ONE_D_BLOCK;
    boolean anyDistributed = false;
    for (DistValue v : args) {
      if (v.isDistributed()) {
        in = in.meet(v.distribution());
        anyDistributed = true;
      }
    }
    if (call.getOpcode() == Opcodes.INVOKESTATIC) {
      if (isSource(call)) {
        return Distribution.ONE_D_VAR;
      }
      if (isArrayWrap(call)) {
        return anyDistributed ? in : Distribution.REP;
      }
      return anyDistributed ? null : Distribution.REP; // builders, concat over arrays of frames: not modelled
    }
    if (!anyDistributed) {
      return Distribution.REP;
    }
    String name = call.name;
    if (call.owner.equals(GROUP_BY)) {
      return GROUP_BY_AGGREGATES.contains(name) ? Distribution.ONE_D_VAR : name.equals("keys") ? Distribution.REP : null;
    }
    boolean frame = call.owner.equals(DATA_FRAME);
    if ((frame ? FRAME_ROWS : SERIES_ROWS).contains(name)) {
      return Distribution.ONE_D_VAR;
    }
    if ((frame ? FRAME_COLUMNS : SERIES_COLUMNS).contains(name)) {
      return in;
    }
    return (frame ? FRAME_REP : SERIES_REP).contains(name) ? Distribution.REP : null;
  }
}
