package dev.parjit.transforms;

import dev.parjit.analysis.plan.ReductionOp;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;

/**
 * The calls rewritten code makes into {@code dev.parjit.runtime.ParallelRuntime}, by name and
 * descriptor (docs/internals.md). One place, checked against the real class by a test.
 */
public final class RuntimeCalls {

  /** Internal name of the runtime class. */
  public static final String OWNER = "dev/parjit/runtime/ParallelRuntime";

  private RuntimeCalls() { }

  /** {@code blockStart}/{@code blockEnd} for an index of type {@code t} ({@code I} or {@code J}). */
  public static MethodInsnNode block(String name, String t) {
    return call(name, "(" + t + t + ")" + t);
  }

  /** {@code blockStartUnless}/{@code blockEndUnless(lo, hi, whole)} for an index of type {@code t}. */
  public static MethodInsnNode blockUnless(String name, String t) {
    return call(name, "(" + t + t + "I)" + t);
  }

  /** {@code same(Object, Object)I}: 1 when both are one object. */
  public static MethodInsnNode same() {
    return call("same", "(Ljava/lang/Object;Ljava/lang/Object;)I");
  }

  /** {@code alignUp(s, lo, step)}. */
  public static MethodInsnNode alignUp(String t) {
    return call("alignUp", "(" + t + t + t + ")" + t);
  }

  /** {@code reduceInit(v, op)} or {@code allreduce(v, op)} for a slot of type {@code t}. */
  public static MethodInsnNode reduction(String name, String t) {
    return call(name, "(" + t + "I)" + t);
  }

  /** {@code arrayReduceInit([XI)V} or {@code arrayAllreduce([XI)V}. */
  public static MethodInsnNode arrayReduction(String name, String elementType) {
    return call(name, "([" + elementType + "I)V");
  }

  /**
   * Pushes the first of the arrays in {@code slots} that is not null (null when all are): the array an
   * aligned loop takes its range from, so that a null array neither bounds the loop nor fails it early.
   */
  public static InsnList anchorOf(java.util.List<Integer> slots) {
    InsnList out = new InsnList();
    out.add(new org.objectweb.asm.tree.VarInsnNode(Opcodes.ALOAD, slots.get(0)));
    for (int other : slots.subList(1, slots.size())) {
      out.add(new org.objectweb.asm.tree.VarInsnNode(Opcodes.ALOAD, other));
      out.add(call("firstNonNull", "(Ljava/lang/Object;Ljava/lang/Object;)Ljava/lang/Object;"));
    }
    return out;
  }

  /** {@code alignedFrom(Object, int, int)I} or {@code alignedTo(Object, int, int)I}. */
  public static MethodInsnNode alignedRange(String name) {
    return call(name, "(Ljava/lang/Object;II)I");
  }

  /** {@code ownedStart(Object)I} or {@code ownedEnd(Object)I}. */
  public static MethodInsnNode owned(String name) {
    return call(name, "(Ljava/lang/Object;)I");
  }

  /** {@code LDC message; failCompilation(String)V}: throws {@code ParjitCompilationException} (strict mode). */
  public static org.objectweb.asm.tree.InsnList failCompilation(String message) {
    org.objectweb.asm.tree.InsnList out = new org.objectweb.asm.tree.InsnList();
    out.add(new org.objectweb.asm.tree.LdcInsnNode(message));
    out.add(call("failCompilation", "(Ljava/lang/String;)V"));
    return out;
  }

  /** {@code loopFailed(Throwable)V}: the handler around a parallel loop's iterations records their failure. */
  /** {@code holdLoopOutput()V}: last in the preheader of a loop that prints and may throw. */
  public static MethodInsnNode holdLoopOutput() {
    return call("holdLoopOutput", "()V");
  }

  public static MethodInsnNode loopFailed() {
    return call("loopFailed", "(Ljava/lang/Throwable;)V");
  }

  /** {@code collectiveCallFailed(Throwable)RuntimeException}: a distributed frame call threw here. */
  public static MethodInsnNode collectiveCallFailed() {
    return call("collectiveCallFailed", "(Ljava/lang/Throwable;)Ljava/lang/RuntimeException;");
  }

  /** {@code agreeExit()V}: the last failure agreement of a method with distributed frame calls. */
  public static MethodInsnNode agreeExit() {
    return call("agreeExit", "()V");
  }

  /** {@code loopFailedRank()I}: a loop with array reductions agrees first on the lowest failing rank. */
  public static MethodInsnNode loopFailedRank() {
    return call("loopFailedRank", "()I");
  }

  /** {@code arrayAllreduceAfter([xII)V}: combines an array reduction, even after a failure. */
  public static MethodInsnNode arrayAllreduceAfter(String elementType) {
    return call("arrayAllreduceAfter", "([" + elementType + "II)V");
  }

  /** {@code rethrowLoopFailure(I)V}: every rank throws the agreed failure, if any. */
  public static MethodInsnNode rethrowLoopFailure() {
    return call("rethrowLoopFailure", "(I)V");
  }

  /** {@code extremumInit(xI)x}: a guarded extremum's starting value on this rank, for a key of type {@code t}. */
  public static MethodInsnNode extremumInit(String t) {
    return call("extremumInit", "(" + t + "I)" + t);
  }

  /** {@code extremumWinner(xII)I}: the rank whose best value wins the fold (best, guard passed, relation). */
  public static MethodInsnNode extremumWinner(String t) {
    return call("extremumWinner", "(" + t + "II)I");
  }

  /** {@code fromRank(xI)x}: a value of type {@code t} as the given rank holds it. */
  public static MethodInsnNode fromRank(String t) {
    return call("fromRank", "(" + t + "I)" + t);
  }

  /** {@code agreeLoop()V}: first in a parallel loop's combine block; every rank throws if any failed. */
  public static MethodInsnNode agreeLoop() {
    return call("agreeLoop", "()V");
  }

  /** {@code agreeLoopAllreduce(double, int op)D}: the loop's agreement and its floating reduction in one collective. */
  public static MethodInsnNode agreeLoopAllreduce() {
    return call("agreeLoopAllreduce", "(DI)D");
  }

  /** {@code combineScalar(xI)V}: queues a scalar reduction of type {@code t} for {@code combineLoop}. */
  public static MethodInsnNode combineScalar(String t) {
    return call("combineScalar", "(" + t + "I)V");
  }

  /** {@code combineArray([xI)V}: queues an array reduction for {@code combineLoop}. */
  public static MethodInsnNode combineArray(String elementType) {
    return call("combineArray", "([" + elementType + "I)V");
  }

  /** {@code combineLoop()V}: a loop's queued reductions and failure agreement in one collective. */
  public static MethodInsnNode combineLoop() {
    return call("combineLoop", "()V");
  }

  /** {@code combinedDouble(I)D} and the like: the i-th queued scalar's combined value, of type {@code t}. */
  public static MethodInsnNode combined(String t) {
    String name = switch (t) {
      case "D" -> "combinedDouble";
      case "F" -> "combinedFloat";
      case "J" -> "combinedLong";
      case "I" -> "combinedInt";
      default -> throw new IllegalArgumentException("no reduction of type " + t);
    };
    return call(name, "(I)" + t);
  }

  /** {@code frameCallStarts()V}: before a distributed frame call (the exit agreement is needed after one). */
  public static MethodInsnNode frameCallStarts() {
    return call("frameCallStarts", "()V");
  }

  /** {@code LDC method; enterCall(String)V}: the entry of every SPMD-compiled method. */
  public static org.objectweb.asm.tree.InsnList enterCall(String method) {
    org.objectweb.asm.tree.InsnList out = new org.objectweb.asm.tree.InsnList();
    out.add(new org.objectweb.asm.tree.LdcInsnNode(method));
    out.add(call("enterCall", "(Ljava/lang/String;)V"));
    return out;
  }

  /**
   * {@code compilationError(className, method, reason)V}: a method whose {@code @Jit} request cannot
   * be honoured fails every call, on every rank.
   */
  public static org.objectweb.asm.tree.InsnList compilationError(String className, String method, String reason) {
    org.objectweb.asm.tree.InsnList out = new org.objectweb.asm.tree.InsnList();
    out.add(new org.objectweb.asm.tree.LdcInsnNode(className));
    out.add(new org.objectweb.asm.tree.LdcInsnNode(method));
    out.add(new org.objectweb.asm.tree.LdcInsnNode(reason));
    out.add(call("compilationError", "(Ljava/lang/String;Ljava/lang/String;Ljava/lang/String;)V"));
    return out;
  }

  /** {@code beginCall()V}: a method that allocates distributed arrays opens its scope. */
  public static MethodInsnNode beginCall() {
    return call("beginCall", "()V");
  }

  /** {@code endCall(Object)V}: the scope closes; the returned value (or null) is kept registered. */
  public static MethodInsnNode endCall() {
    return call("endCall", "(Ljava/lang/Object;)V");
  }

  /** {@code enterDistributed(Object)V}: registers an SPMD rank's chunk of a distributed parameter. */
  public static MethodInsnNode enterDistributed() {
    return call("enterDistributed", "(Ljava/lang/Object;)V");
  }

  /** {@code blockOf(Object)Object}: a spawn-compiled method's 1D parameter as this rank's chunk. */
  public static MethodInsnNode blockOf() {
    return call("blockOf", "(Ljava/lang/Object;)Ljava/lang/Object;");
  }

  /** {@code wholeOf(Object)Object}: a specialization's REP parameter, gathered if it arrived in chunks. */
  public static MethodInsnNode wholeOf() {
    return call("wholeOf", "(Ljava/lang/Object;)Ljava/lang/Object;");
  }

  /** {@code checkAligned(Object, Object)V}. */
  public static MethodInsnNode checkAligned() {
    return call("checkAligned", "(Ljava/lang/Object;Ljava/lang/Object;)V");
  }

  /** {@code length(Object)I}: the global length of a distributed array. */
  public static MethodInsnNode length() {
    return call("length", "(Ljava/lang/Object;)I");
  }

  /** {@code ParallelRuntime.checkedLength(Object)I}: an aligned array's global length, -1 when null. */
  public static MethodInsnNode checkedLength() {
    return call("checkedLength", "(Ljava/lang/Object;)I");
  }

  /** {@code ParallelRuntime.checkIndex(local, start, length)I}: the sequential index check of an access. */
  public static MethodInsnNode checkIndex() {
    return call("checkIndex", "(III)I");
  }

  /**
   * What replaces {@code a.length} of a distributed array: the array's own {@code ARRAYLENGTH} on a
   * copy first, so that a null array fails there with the JVM's helpful message ({@code Cannot read
   * the array length because "x" is null}, naming the variable as the sequential run does), then
   * {@link #length()}.
   */
  public static InsnList globalLength() {
    InsnList out = new InsnList();
    out.add(new InsnNode(Opcodes.DUP));
    out.add(new InsnNode(Opcodes.ARRAYLENGTH));
    out.add(new InsnNode(Opcodes.POP));
    out.add(length());
    return out;
  }

  /** {@code newDoubleArray(I)[D} and the like, for a primitive element descriptor. */
  public static MethodInsnNode newArray(String elementDesc) {
    return call("new" + primitiveName(elementDesc) + "Array", "(I)[" + elementDesc);
  }

  /**
   * {@code newDoubleArray(ILjava/lang/Object;)[D} and the like: an array placed like the rows of the
   * frame or series passed second (its length their row count).
   */
  public static MethodInsnNode newRowPlacedArray(String elementDesc) {
    return call("new" + primitiveName(elementDesc) + "Array", "(ILjava/lang/Object;)[" + elementDesc);
  }

  /**
   * {@code elementOf([XI)X} replacing an {@code XALOAD} of a distributed array outside parallel loops;
   * {@code BALOAD} (byte or boolean) calls {@code byteOrBooleanElementOf(Ljava/lang/Object;I)I}; the
   * {@code AALOAD} of a row whose length is read ({@code m[r].length}) calls {@code rowLengthOf}.
   */
  public static MethodInsnNode elementOf(int loadOpcode) {
    switch (loadOpcode) {
      case Opcodes.DALOAD: return call("elementOf", "([DI)D");
      case Opcodes.FALOAD: return call("elementOf", "([FI)F");
      case Opcodes.LALOAD: return call("elementOf", "([JI)J");
      case Opcodes.IALOAD: return call("elementOf", "([II)I");
      case Opcodes.SALOAD: return call("elementOf", "([SI)S");
      case Opcodes.CALOAD: return call("elementOf", "([CI)C");
      case Opcodes.BALOAD: return call("byteOrBooleanElementOf", "(Ljava/lang/Object;I)I");
      // m[r].length: the AALOAD and the ARRAYLENGTH after it become one call (DistributedArraysPass)
      case Opcodes.AALOAD: return call("rowLengthOf", "([Ljava/lang/Object;I)I");
      default: throw new IllegalArgumentException("not a primitive element load: " + loadOpcode);
    }
  }

  /**
   * What replaces an element read {@code a[index]} of a distributed array outside parallel loops: when
   * {@code a} is null, the original load itself (at index 0) throws, so the JVM's helpful message names
   * the program's variable ({@code Cannot load from double array because "x" is null}) rather than the
   * runtime's parameter; otherwise {@link #elementOf(int)}. The null path's stack keeps the array and
   * index the original instructions pushed, which is what the message is computed from.
   */
  public static InsnList elementOfOrNullLoad(int loadOpcode) {
    InsnList out = new InsnList();
    org.objectweb.asm.tree.LabelNode present = new org.objectweb.asm.tree.LabelNode();
    out.add(new InsnNode(Opcodes.DUP2));
    out.add(new InsnNode(Opcodes.POP));
    out.add(new InsnNode(Opcodes.DUP));
    out.add(new org.objectweb.asm.tree.JumpInsnNode(Opcodes.IFNONNULL, present));
    // a is null here: the load throws the sequential NullPointerException (nothing below runs)
    out.add(new InsnNode(Opcodes.ICONST_0));
    out.add(new InsnNode(loadOpcode));
    boolean wide = loadOpcode == Opcodes.DALOAD || loadOpcode == Opcodes.LALOAD;
    out.add(new InsnNode(wide ? Opcodes.POP2 : Opcodes.POP));
    out.add(new InsnNode(Opcodes.ACONST_NULL));
    out.add(present);
    out.add(new InsnNode(Opcodes.POP));
    out.add(elementOf(loadOpcode));
    return out;
  }

  /** {@code replicate([X)[X}. */
  public static MethodInsnNode replicate(String arrayDesc) {
    return call("replicate", "(" + arrayDesc + ")" + arrayDesc);
  }

  /** Internal name of the stencil halo class of the runtime. */
  public static final String HALO = "dev/parjit/runtime/Halo";

  /** Internal name of {@code dev.parjit.runtime.HaloMemo}. */
  public static final String HALO_MEMO = "dev/parjit/runtime/HaloMemo";

  /** {@code Halo.exchange(Object, int lowest, int highest, int from, int to)Halo}: collective, before a stencil loop. */
  public static MethodInsnNode haloExchange() {
    return new MethodInsnNode(Opcodes.INVOKESTATIC, HALO, "exchange", "(Ljava/lang/Object;IIII)L" + HALO + ";", false);
  }

  /** {@code Halo.exchangeRow(Object, int row, int width, int from, int to)Halo}: collective. */
  public static MethodInsnNode haloRow() {
    return new MethodInsnNode(Opcodes.INVOKESTATIC, HALO, "exchangeRow", "(Ljava/lang/Object;IIII)L" + HALO + ";", false);
  }

  /** {@code Halo.exchangeSegments(Object, int[] rowptr, Halo rowptrHalo, int from, int to)Halo}: collective. */
  public static MethodInsnNode haloSegments() {
    return new MethodInsnNode(Opcodes.INVOKESTATIC, HALO, "exchangeSegments",
        "(Ljava/lang/Object;[IL" + HALO + ";II)L" + HALO + ";", false);
  }

  /** {@code Halo.exchangeIndexed(Object, int[] col, Halo colHalo, int[] rowptr, Halo rowptrHalo, int from, int to)Halo}: collective. */
  public static MethodInsnNode haloIndexed() {
    return new MethodInsnNode(Opcodes.INVOKESTATIC, HALO, "exchangeIndexed",
        "(Ljava/lang/Object;[IL" + HALO + ";[IL" + HALO + ";II)L" + HALO + ";", false);
  }

  /** {@code HaloMemo.enter(HaloMemo, int lo, int hi, Object rangeArray)HaloMemo}: a loop's per-invocation memo. */
  public static MethodInsnNode memoEnter() {
    return new MethodInsnNode(Opcodes.INVOKESTATIC, HALO_MEMO, "enter",
        "(L" + HALO_MEMO + ";IILjava/lang/Object;)L" + HALO_MEMO + ";", false);
  }

  /** {@code memo.exchange(int entry, Object, int, int, int, int)Halo}: {@link #haloExchange()} once per memo. */
  public static MethodInsnNode memoExchange() {
    return new MethodInsnNode(Opcodes.INVOKEVIRTUAL, HALO_MEMO, "exchange", "(ILjava/lang/Object;IIII)L" + HALO + ";",
        false);
  }

  /** {@code memo.exchangeSegments(int entry, Object, int[], Halo, int, int)Halo}: {@link #haloSegments()} once per memo. */
  public static MethodInsnNode memoSegments() {
    return new MethodInsnNode(Opcodes.INVOKEVIRTUAL, HALO_MEMO, "exchangeSegments",
        "(ILjava/lang/Object;[IL" + HALO + ";II)L" + HALO + ";", false);
  }

  /** {@code memo.exchangeIndexed(int entry, Object, int[], Halo, int[], Halo, int, int)Halo}: the plan once per memo. */
  public static MethodInsnNode memoIndexed() {
    return new MethodInsnNode(Opcodes.INVOKEVIRTUAL, HALO_MEMO, "exchangeIndexed",
        "(ILjava/lang/Object;[IL" + HALO + ";[IL" + HALO + ";II)L" + HALO + ";", false);
  }

  /** Internal name of the class that shares rows of replicated arrays written at a loop's index. */
  public static final String SHARED_ROWS = "dev/parjit/runtime/SharedRows";

  /** {@code SharedRows.shareBlocks(Object[] holder, int row, int from, int to)V}: collective, after the loop. */
  public static final String SHARED_BLOCKS = "dev/parjit/runtime/SharedBlocks";

  /** {@code SharedBlocks.shareAfter(Object array, int from, int to, int failedRank)V}: collective, after the loop. */
  public static MethodInsnNode shareBlocksAfter() {
    return new MethodInsnNode(Opcodes.INVOKESTATIC, SHARED_BLOCKS, "shareAfter", "(Ljava/lang/Object;III)V", false);
  }

  public static MethodInsnNode shareRowBlocks() {
    return new MethodInsnNode(Opcodes.INVOKESTATIC, SHARED_ROWS, "shareBlocks", "([Ljava/lang/Object;III)V", false);
  }

  /** {@code Halo.checkSeparate(Object read, Object written)V}: before a stencil loop over parameters. */
  public static MethodInsnNode haloCheckSeparate() {
    return new MethodInsnNode(Opcodes.INVOKESTATIC, HALO, "checkSeparate", "(Ljava/lang/Object;Ljava/lang/Object;)V",
        false);
  }

  /** {@code Halo.read([XILHalo;)X}: a stencil read by global index, for element type {@code D F J I}. */
  public static MethodInsnNode haloRead(String elementType) {
    return new MethodInsnNode(Opcodes.INVOKESTATIC, HALO, "read",
        "([" + elementType + "IL" + HALO + ";)" + elementType, false);
  }

  /** {@code Halo.interiorFrom(Halo, int lowest)I}: the first loop index whose stencil reads all fall in the chunk. */
  public static MethodInsnNode haloInteriorFrom() {
    return new MethodInsnNode(Opcodes.INVOKESTATIC, HALO, "interiorFrom", "(L" + HALO + ";I)I", false);
  }

  /** {@code Halo.interiorTo(Halo, int highest)I}: the loop index from which they no longer do. */
  public static MethodInsnNode haloInteriorTo() {
    return new MethodInsnNode(Opcodes.INVOKESTATIC, HALO, "interiorTo", "(L" + HALO + ";I)I", false);
  }

  /** {@code Halo.chunkStart(Halo)I}: global index of the chunk's first element. */
  public static MethodInsnNode haloChunkStart() {
    return new MethodInsnNode(Opcodes.INVOKESTATIC, HALO, "chunkStart", "(L" + HALO + ";)I", false);
  }

  /** {@code Math.max(II)I}. */
  public static MethodInsnNode intMax() {
    return new MethodInsnNode(Opcodes.INVOKESTATIC, "java/lang/Math", "max", "(II)I", false);
  }

  /** {@code Math.min(II)I}. */
  public static MethodInsnNode intMin() {
    return new MethodInsnNode(Opcodes.INVOKESTATIC, "java/lang/Math", "min", "(II)I", false);
  }

  private static String primitiveName(String desc) {
    switch (desc) {
      case "D": return "Double";
      case "F": return "Float";
      case "J": return "Long";
      case "I": return "Int";
      case "S": return "Short";
      case "C": return "Char";
      case "B": return "Byte";
      case "Z": return "Boolean";
      default: throw new IllegalArgumentException("not a primitive type: " + desc);
    }
  }

  private static MethodInsnNode call(String name, String desc) {
    return new MethodInsnNode(Opcodes.INVOKESTATIC, OWNER, name, desc, false);
  }

  /** Pushes the operator code ({@code ReductionOp.ordinal()}). */
  public static AbstractInsnNode opCode(ReductionOp op) {
    int v = op.ordinal();
    return v <= 5 ? new InsnNode(Opcodes.ICONST_0 + v) : new IntInsnNode(Opcodes.BIPUSH, v);
  }
}
