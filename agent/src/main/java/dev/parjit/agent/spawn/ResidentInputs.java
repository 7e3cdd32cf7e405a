package dev.parjit.agent.spawn;

import java.lang.ref.WeakReference;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Large array arguments the workers keep between calls (the matrix of an iterative solver, the
 * points of a clustering loop, the vectors a solver's kernels update in turn; arrays of rows too,
 * compared row by row): a call passing the same array again, with the same contents, sends only
 * its id. The driver keeps a copy of what the workers hold and compares it with the argument at
 * each call, bit for bit ({@link BitExact}, sliced over the driver's processors by
 * {@link SlicedComparison}: 0.07-0.18 ms of CPU per MB of argument here, bound by memory), so a change
 * made between calls is always sent. At most {@link #MAX_ENTRIES} arrays are
 * kept, least recently used first out; the workers forget what the driver evicts
 * ({@link Messages.DropResident}).
 *
 * <p>The workers hold an array in one of two {@link Form}s: whole on every worker (an argument
 * sent whole), or each worker its block (a scattered argument). A call needing the other form gets
 * it from what the workers hold without the driver sending anything: a block is cut from a whole
 * array, a whole array is gathered from the blocks among the workers ({@link Action}).
 *
 * <p>An argument the call writes, block by block, stays resident too: each worker's block is
 * written in place, so after the call it holds the block of the contents the driver copies back,
 * and {@link #written} records those contents as the driver's copy. A failed call makes everything
 * unknown ({@link #forgetAll}).
 *
 * <p>Speculation: an array whose last comparison matched is likely unchanged again (the points of a
 * clustering loop). {@link #decide(Object, Form, boolean, boolean)} may then answer from the slot
 * without comparing, and defer the comparison to {@link #verifyDeferred}, which the dispatcher runs
 * while the workers compute (when the driver has a processor of its own: {@link ResidentCheckPlan}).
 * A mismatch found there is a failure of the call: the dispatcher discards the replies, forgets the
 * arrays compared late and those the call wrote (the workers wrote their kept blocks), and sends the
 * call again.
 * An array that changed is kept in a new slot, which is compared before use until it matches once,
 * so an argument changed before every call never costs a discarded call twice in a row.
 */
final class ResidentInputs {

  /** Smaller arrays are cheaper to send than to compare and keep twice. */
  static final int MIN_BYTES = 1 << 16;
  static final int MAX_ENTRIES = 16;

  /** How the workers hold a resident array. */
  enum Form { WHOLE, BLOCK }

  /** What the workers do with a resident argument for one call. */
  enum Action {
    /** The driver sends it (whole or this worker's block); the workers keep what they receive. */
    SEND,
    /** The workers use what they keep. */
    USE,
    /** Each worker cuts its block from the whole array it keeps, for this call only. */
    SLICE,
    /** Each worker cuts its block from the whole array it keeps and keeps the block instead (the call writes it). */
    SLICE_AND_KEEP,
    /** The workers gather the whole array from the blocks they keep, and keep it whole. */
    GATHER
  }

  /** What to send for one argument: the id the workers keep it under and what they do with it. */
  record Decision(long id, Action action) {
    boolean known() {
      return action != Action.SEND;
    }
  }

  /**
   * One kept array: what the workers hold of it as the driver knows it, in {@code parts} placed at
   * {@code starts} (a whole copy at 0, or after a write-back the blocks the workers sent back, which
   * the driver then keeps instead of copying the array again), or {@code null} before the first
   * write-back of an array the call writes (nothing can match it until then).
   */
  private static final class Slot {
    final WeakReference<Object> array;
    Object[] parts;
    int[] starts;
    Form form;
    /** Whether a comparison found it unchanged at least once: only then is a check deferred. */
    boolean matchedBefore;
    /**
     * Whether {@code parts} are known to hold no NaN ({@link BitExact#hasNaN}, scanned once for a copy
     * the driver made), so they are compared by the vectorized intrinsic; blocks taken at write-back
     * are not scanned (a scan at every call would cost what it saves) and use the scalar loop.
     */
    boolean partsHaveNoNaN;

    Slot(Object array, Object copy, Form form) {
      this.array = new WeakReference<>(array);
      this.parts = copy == null ? null : new Object[] {copy};
      this.starts = new int[] {0};
      this.form = form;
      this.partsHaveNoNaN = copy != null && !BitExact.hasNaN(copy);
    }
  }

  private final Map<Long, Slot> slots = new LinkedHashMap<>(16, 0.75f, true);
  /** Comparisons made before a call is sent, sliced over the driver's processors (the workers wait meanwhile). */
  private final SlicedComparison beforeSend;
  /** Comparisons deferred while the workers run, sliced over the processors they leave free ({@link ResidentCheckPlan}). */
  private final SlicedComparison whileWorkersRun;
  /** The same comparison in the calling thread only. */
  private static final SlicedComparison INLINE = new SlicedComparison(1, Long.MAX_VALUE);
  private final List<Long> dropped = new ArrayList<>();
  /** Comparisons deferred by the current call: the slot and the argument it must still equal. */
  private final List<Deferred> deferred = new ArrayList<>();

  /** A comparison deferred to {@link #verifyDeferred}: the slot kept under {@code id} must still equal {@code array}. */
  private record Deferred(long id, Slot slot, Object array) { }
  private long nextId;
  private long reused;
  private long gathered;
  private long checkNanos;
  private long checkCpuNanos;
  private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();
  private long speculationsFailed;
  /** {@link #reused} before the current call's decisions: a discarded call reused nothing. */
  private long reusedBeforeCall;

  /** Comparisons sliced over every processor of the driver, deferred ones included. */
  ResidentInputs() {
    this(new SlicedComparison(), new SlicedComparison());
  }

  /** Comparisons made before sending cut in {@code slicesBeforeSend} slices, deferred ones in {@code slicesDeferred}. */
  ResidentInputs(int slicesBeforeSend, int slicesDeferred) {
    this(new SlicedComparison(slicesBeforeSend, SlicedComparison.MIN_SLICED_BYTES),
        new SlicedComparison(slicesDeferred, SlicedComparison.MIN_SLICED_BYTES));
  }

  private ResidentInputs(SlicedComparison beforeSend, SlicedComparison whileWorkersRun) {
    this.beforeSend = beforeSend;
    this.whileWorkersRun = whileWorkersRun;
  }

  /** Whether {@code value} is an array worth keeping resident. */
  static boolean eligible(Object value) {
    if (value == null || !value.getClass().isArray() || !primitiveLeaves(value.getClass())) {
      return false;
    }
    return bytes(value) >= MIN_BYTES;
  }

  /**
   * Whether a written, scattered argument can stay resident: a one-dimensional array of a type the
   * workers can gather among themselves (a later call may need it whole). Arrays of rows are copied
   * back row by row into the caller's rows and are sent again instead.
   */
  static boolean keepsWrittenBlocks(Object value) {
    return eligible(value) && gatherable(value.getClass());
  }

  private static boolean gatherable(Class<?> c) {
    return c == double[].class || c == long[].class || c == int[].class || c == byte[].class;
  }

  /** Primitive arrays, and arrays of rows of them ({@code double[][]}, {@code int[][][]}). */
  private static boolean primitiveLeaves(Class<?> c) {
    while (c.isArray()) {
      c = c.getComponentType();
    }
    return c.isPrimitive();
  }

  /** The bytes of an array's elements, rows included. */
  private static long bytes(Object array) {
    if (array instanceof Object[] rows) {
      long sum = 0;
      for (Object row : rows) {
        sum += row == null ? 0 : bytes(row);
      }
      return sum;
    }
    return (long) Array.getLength(array) * bytesPerElement(array.getClass().getComponentType());
  }

  /** A read-only argument needed whole: {@link #decide(Object, Form, boolean)}. */
  Decision decide(Object array) {
    return decide(array, Form.WHOLE, false);
  }

  /**
   * The id under which the workers keep {@code array} and what they do with it for a call that
   * needs it in form {@code needed} (and writes it, block by block, when {@code writes}). A new or
   * changed array gets a new id (the workers store it); the old one is forgotten.
   */
  Decision decide(Object array, Form needed, boolean writes) {
    return decide(array, needed, writes, false);
  }

  /**
   * As {@link #decide(Object, Form, boolean)}; with {@code speculate}, an array kept in a slot that
   * matched before is taken as unchanged and its comparison is deferred to {@link #verifyDeferred}.
   */
  Decision decide(Object array, Form needed, boolean writes, boolean speculate) {
    if (writes && (needed != Form.BLOCK || !keepsWrittenBlocks(array))) {
      throw new IllegalArgumentException("only a scattered one-dimensional array stays resident when written");
    }
    for (Iterator<Map.Entry<Long, Slot>> it = slots.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<Long, Slot> e = it.next();
      Slot slot = e.getValue();
      Object held = slot.array.get();
      if (held == null) {
        it.remove();
        dropped.add(e.getKey());
      } else if (held == array) {
        boolean defer = speculate && slot.matchedBefore && slot.parts != null;
        Action action = defer || sameContentsTimed(beforeSend, slot, array) ? reshape(slot, needed, writes, array) : null;
        if (action != null && defer) {
          deferred.add(new Deferred(e.getKey(), slot, array));
        }
        if (action != null) {
          slots.get(e.getKey()); // most recently used
          reused++;
          return new Decision(e.getKey(), action);
        }
        it.remove(); // changed on the driver, or a form the workers cannot make: sent again
        dropped.add(e.getKey());
        break;
      }
    }
    long id = ++nextId;
    // An array the call writes is recorded from its write-back (written): no copy of the old contents.
    slots.put(id, new Slot(array, writes ? null : copyOf(array), needed));
    while (slots.size() > MAX_ENTRIES) {
      Long eldest = slots.keySet().iterator().next();
      slots.remove(eldest);
      dropped.add(eldest);
    }
    return new Decision(id, Action.SEND);
  }

  /**
   * What the workers do to give the call the form it needs from the form they keep, and the form
   * they keep afterwards (recorded in the slot); {@code null} when they cannot make it.
   */
  private Action reshape(Slot slot, Form needed, boolean writes, Object array) {
    if (slot.form == needed) {
      return Action.USE;
    }
    if (needed == Form.BLOCK) {
      if (writes) {
        slot.form = Form.BLOCK; // the whole copies are stale once the call writes the blocks
        return Action.SLICE_AND_KEEP;
      }
      return Action.SLICE; // the whole array serves later calls of either form
    }
    if (!gatherable(array.getClass())) {
      return null;
    }
    slot.form = Form.WHOLE;
    gathered++;
    return Action.GATHER;
  }

  /**
   * The same array again, in the same form, as a later argument of the call {@code first} was
   * decided for: the workers resolve arguments in order, so it uses what {@code first} left them
   * (a block cut for this call only is cut again).
   */
  Decision again(Decision first) {
    reused++;
    return new Decision(first.id(), first.action() == Action.SLICE ? Action.SLICE : Action.USE);
  }

  /**
   * After a successful call wrote {@code array} back from {@code blocks} (each copied into it at
   * its {@code starts} entry): the workers' blocks hold its new contents, and the blocks received
   * become the driver's record of them, so the write-back costs no second copy.
   */
  void written(long id, Object array, Object[] blocks, int[] starts) {
    Slot slot = slots.get(id);
    if (slot == null || slot.array.get() != array) {
      return; // evicted meanwhile (by a later argument of the same call): the workers were told to forget it
    }
    slot.parts = blocks.clone();
    slot.starts = starts.clone();
    slot.partsHaveNoNaN = false;
  }

  /** Before a call's decisions: it starts with no deferred comparison. */
  void beginCall() {
    deferred.clear();
    reusedBeforeCall = reused;
  }

  /** Whether the current call has comparisons still to make ({@link #verifyDeferred}). */
  boolean hasDeferred() {
    return !deferred.isEmpty();
  }

  /**
   * Makes the comparisons the current call deferred, and clears them: {@code false} when an
   * argument differs from what the workers kept, and the call's answer must not be taken. Then every
   * array whose comparison was deferred is forgotten (one changed; the others were not all compared),
   * so the call sent again sends them; the dispatcher forgets the arrays the call wrote.
   */
  boolean verifyDeferred() {
    try {
      for (Deferred d : deferred) {
        if (!sameContentsTimed(whileWorkersRun, d.slot(), d.array())) {
          speculationsFailed++;
          reused = reusedBeforeCall; // the call is sent again with what changed
          for (Deferred f : deferred) {
            forget(f.id());
          }
          return false;
        }
      }
      return true;
    } finally {
      deferred.clear();
    }
  }

  /** The workers forget the array kept under {@code id} (a call wrote it, and its answer was discarded). */
  void forget(long id) {
    if (slots.remove(id) != null) {
      dropped.add(id);
    }
  }

  /** Calls whose deferred comparison found a changed argument (each was sent again). */
  long speculationsFailed() {
    return speculationsFailed;
  }

  /** Ids the workers should forget (evicted, changed or collected on the driver), cleared. */
  long[] takeDropped() {
    long[] out = dropped.stream().mapToLong(Long::longValue).toArray();
    dropped.clear();
    return out;
  }

  /** After a failure: the workers are told to forget everything kept, and nothing is reused. */
  void forgetAll() {
    dropped.addAll(slots.keySet());
    slots.clear();
    deferred.clear();
  }

  /** New workers keep nothing yet. */
  void clear() {
    slots.clear();
    dropped.clear();
    deferred.clear();
  }

  /** Arguments that sent an id instead of an array. */
  long reused() {
    return reused;
  }

  /** Arguments the workers gathered whole from the blocks they kept, instead of the driver sending them. */
  long gathered() {
    return gathered;
  }

  /** Time spent comparing arguments with the driver's copies, in nanoseconds: the cost of exactness. */
  long checkNanos() {
    return checkNanos;
  }

  /**
   * The driver thread's CPU time spent comparing, in nanoseconds: on a shared machine the wall time of
   * {@link #checkNanos} includes waiting for a processor (the workers compete for the same cores).
   */
  long checkCpuNanos() {
    return checkCpuNanos;
  }

  private boolean sameContentsTimed(SlicedComparison comparison, Slot slot, Object array) {
    long t0 = System.nanoTime();
    long cpu0 = CPU.getCurrentThreadCpuTime();
    long helpers0 = comparison.helperCpuNanos();
    try {
      boolean same = slot.parts != null && comparison.sameContents(slot.parts, slot.starts, array, slot.partsHaveNoNaN);
      slot.matchedBefore |= same;
      return same;
    } finally {
      checkNanos += System.nanoTime() - t0;
      checkCpuNanos += CPU.getCurrentThreadCpuTime() - cpu0 + comparison.helperCpuNanos() - helpers0;
    }
  }

  /** Whether {@code parts} placed at {@code starts} are exactly {@code array}, bit for bit, every item covered once. */
  static boolean sameContents(Object[] parts, int[] starts, Object array) {
    return sameContents(parts, starts, array, false);
  }

  /** As {@link #sameContents(Object[], int[], Object)}; {@code partsHaveNoNaN} as {@link BitExact#rangeEqual}'s. */
  static boolean sameContents(Object[] parts, int[] starts, Object array, boolean partsHaveNoNaN) {
    return INLINE.sameContents(parts, starts, array, partsHaveNoNaN);
  }

  private static Object copyOf(Object array) {
    if (array instanceof Object[] rows) {
      // Rows are copied too: a change inside a row between calls must be seen.
      Object[] copy = (Object[]) Array.newInstance(array.getClass().getComponentType(), rows.length);
      for (int k = 0; k < rows.length; k++) {
        copy[k] = rows[k] == null ? null : copyOf(rows[k]);
      }
      return copy;
    }
    int n = Array.getLength(array);
    Object copy = Array.newInstance(array.getClass().getComponentType(), n);
    System.arraycopy(array, 0, copy, 0, n);
    return copy;
  }

  /** Exact equality of two primitive arrays (or arrays of rows) of the same type, bit for bit (NaN payloads, signed zeros). */
  static boolean sameContents(Object a, Object b) {
    return BitExact.equal(a, b);
  }

  private static int bytesPerElement(Class<?> c) {
    return c == double.class || c == long.class ? 8 : c == int.class || c == float.class ? 4
        : c == short.class || c == char.class ? 2 : 1;
  }
}
