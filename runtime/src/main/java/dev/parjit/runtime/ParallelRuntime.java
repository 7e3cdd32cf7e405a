package dev.parjit.runtime;

import dev.parjit.mpi.Communicator;
import dev.parjit.mpi.Communicators;
import dev.parjit.mpi.ReduceOp;
import java.lang.reflect.Array;

/**
 * What rewritten {@code @Jit} bytecode calls on each rank: the rank's chunk of a loop or array,
 * distributed allocation, global lengths, and reductions. The transforms emit calls to these
 * methods by name and descriptor (docs/internals.md lists them): do not rename them.
 *
 * <p>The communicator is, in order: a thread-local one ({@link #installForThread}, so tests can
 * simulate several ranks as threads of one JVM), the process's one ({@link #install}), or the
 * world communicator of this process ({@link Communicators#world()}: MPJ Express in a launched
 * rank, a single rank otherwise).
 */
public final class ParallelRuntime {

  private static final ReduceOp[] OPS = ReduceOp.values();
  private static final ThreadLocal<Communicator> THREAD_COMM = new ThreadLocal<>();
  private static volatile Communicator processComm;
  /** The {@code deterministic} agent option (or {@code -Dparjit.deterministic=true}): see {@link RankOrder}. */
  private static volatile boolean deterministic = Boolean.getBoolean("parjit.deterministic");

  private ParallelRuntime() { }

  // ---- communicator ------------------------------------------------------------------------

  /** Installs the process's communicator (done once by the agent on a rank). */
  public static void install(Communicator comm) {
    processComm = comm;
  }

  /** Installs a communicator for the calling thread only, taking precedence (tests). */
  public static void installForThread(Communicator comm) {
    THREAD_COMM.set(comm);
  }

  /** Back to the sequential state (process and calling thread). */
  public static void reset() {
    processComm = null;
    THREAD_COMM.remove();
  }

  /** The communicator in force. */
  public static Communicator communicator() {
    Communicator c = THREAD_COMM.get();
    if (c != null) {
      return c;
    }
    c = processComm;
    return c != null ? c : Communicators.world();
  }

  /**
   * Whether floating-point sums and products combine the ranks' partials in rank order (the
   * {@code deterministic=true} agent option), so results do not depend on timing.
   */
  public static void setDeterministic(boolean rankOrder) {
    deterministic = rankOrder;
  }

  public static boolean isDeterministic() {
    return deterministic;
  }

  public static int rank() {
    return communicator().rank();
  }

  public static int size() {
    return communicator().size();
  }

  // ---- loop ranges -------------------------------------------------------------------------

  /** This rank's first index of the block-distributed range {@code [lo, hi)}. */
  public static int blockStart(int lo, int hi) {
    return (int) blockStart((long) lo, (long) hi);
  }

  /** One past this rank's last index of the block-distributed range {@code [lo, hi)}. */
  public static int blockEnd(int lo, int hi) {
    return (int) blockEnd((long) lo, (long) hi);
  }

  /**
   * {@code 1} when {@code a} and {@code b} are one object, or {@code b} holds {@code a} as a row (at
   * any depth): a loop with an array reduction checks its array against the other arrays it reads
   * before it splits its range, and reading {@code m[0][n - 1 - i]} while accumulating into
   * {@code m[0]} is reading it too.
   */
  public static int same(Object a, Object b) {
    return a == b || holdsRow(b, a) ? 1 : 0;
  }

  private static boolean holdsRow(Object rows, Object a) {
    if (!(rows instanceof Object[] r)) {
      return false;
    }
    // Deeper only through array-typed rows, whose dimension shrinks: an Object[] may hold itself.
    boolean deeper = r.getClass().getComponentType().isArray();
    for (Object row : r) {
      if (row == a || (deeper && holdsRow(row, a))) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@link #blockStart(int, int)}, unless {@code whole} is non-zero: then rank 0 runs all of
   * {@code [lo, hi)} and every other rank none of it (an array reduction whose array the loop also
   * reads under another name: the other ranks' neutral start would show through those reads).
   */
  public static int blockStartUnless(int lo, int hi, int whole) {
    return whole == 0 ? blockStart(lo, hi) : rank() == 0 ? lo : Math.max(lo, hi);
  }

  /** {@link #blockEnd(int, int)}, or the whole range's end when {@code whole} is non-zero. */
  public static int blockEndUnless(int lo, int hi, int whole) {
    return whole == 0 ? blockEnd(lo, hi) : Math.max(lo, hi);
  }

  public static long blockStartUnless(long lo, long hi, int whole) {
    return whole == 0 ? blockStart(lo, hi) : rank() == 0 ? lo : Math.max(lo, hi);
  }

  public static long blockEndUnless(long lo, long hi, int whole) {
    return whole == 0 ? blockEnd(lo, hi) : Math.max(lo, hi);
  }

  public static long blockStart(long lo, long hi) {
    return hi <= lo ? lo : lo + BlockDistribution.start(hi - lo, size(), rank());
  }

  public static long blockEnd(long lo, long hi) {
    if (hi <= lo) {
      return lo;
    }
    int p = size();
    int r = rank();
    long end = BlockDistribution.end(hi - lo, p, r);
    // Chunked loops call this once each, before their first iteration: the share this rank took.
    OWNED_LOOP_INDEXES.add(end - BlockDistribution.start(hi - lo, p, r));
    return lo + end;
  }

  private static final java.util.concurrent.atomic.LongAdder OWNED_LOOP_INDEXES =
      new java.util.concurrent.atomic.LongAdder();

  /**
   * How many loop indexes this process's chunked loops gave it so far (the length of its block of
   * each loop's range, or of the distributed array a loop runs over): how a job's work was split,
   * for statistics.
   */
  public static long ownedLoopIndexes() {
    return OWNED_LOOP_INDEXES.sum();
  }

  /** The first {@code i >= max(s, lo)} on the loop's grid {@code lo + k * step}. */
  public static int alignUp(int s, int lo, int step) {
    return (int) alignUp((long) s, (long) lo, (long) step);
  }

  public static long alignUp(long s, long lo, long step) {
    if (s <= lo) {
      return lo;
    }
    long k = (s - lo + step - 1) / step;
    return lo + k * step;
  }

  /** Global index of this rank's first element of {@code array} (0 when it is not distributed). */
  public static int ownedStart(Object array) {
    DistributedArrays.Chunk chunk = DistributedArrays.lookup(array);
    return chunk == null ? 0 : (int) chunk.start();
  }

  /** One past the global index of this rank's last element of {@code array}. */
  public static int ownedEnd(Object array) {
    DistributedArrays.Chunk chunk = DistributedArrays.lookup(array);
    // Called once by each chunked loop over a distributed array, before its first iteration.
    OWNED_LOOP_INDEXES.add(chunk == null ? Array.getLength(array) : chunk.localLength());
    return chunk == null ? Array.getLength(array) : (int) (chunk.start() + chunk.localLength());
  }

  /**
   * Where this rank starts a loop aligned with {@code array}: its first owned index, except that rank
   * 0 also runs every iteration below the array (which fail as in the sequential run instead of
   * running nowhere); {@code alignUp} then raises it to the loop's first index.
   */
  public static int rangeFrom(Object array) {
    return rank() == 0 ? Integer.MIN_VALUE : ownedStart(array);
  }

  /**
   * Where this rank ends a loop aligned with {@code array} whose bound is {@code hi}: one past its last
   * owned index, except that the last rank also runs every iteration beyond the array.
   */
  public static int rangeTo(Object array, int hi) {
    int owned = ownedEnd(array); // also counts the rank's owned indexes (statistics)
    return rank() == size() - 1 ? hi : Math.min(hi, owned);
  }

  /**
   * The array an aligned loop takes its range from: the first of its arrays that is not null. A null
   * array (a local that is null on some path, an argument left null) has no chunk to run over; the
   * loop's first read of it throws the JVM's own {@code NullPointerException} where the sequential run
   * throws it, and a loop that never reads it must still run each iteration once.
   */
  public static Object firstNonNull(Object first, Object other) {
    return first != null ? first : other;
  }

  /**
   * Where this rank starts an aligned loop over {@code [lo, hi)} whose arrays are split like
   * {@code anchor} ({@link #rangeFrom}); when every array of the loop is null, its Bodo block of the range.
   */
  public static int alignedFrom(Object anchor, int lo, int hi) {
    return anchor == null ? (int) blockStart((long) lo, (long) hi) : rangeFrom(anchor);
  }

  /** Where this rank ends an aligned loop over {@code [lo, hi)} ({@link #rangeTo}; see {@link #alignedFrom}). */
  public static int alignedTo(Object anchor, int lo, int hi) {
    return anchor == null ? (int) blockEnd((long) lo, (long) hi) : rangeTo(anchor, hi);
  }

  /** {@code array.length} as the sequential program sees it: the global length. */
  public static int length(Object array) {
    DistributedArrays.Chunk chunk = DistributedArrays.lookup(array);
    return chunk == null ? Array.getLength(array) : (int) chunk.globalLength();
  }

  // ---- accesses a parallel loop may make outside its arrays -----------------------------------

  /**
   * The length an aligned loop checks its unproven accesses to {@code array} against: the global
   * length, or -1 for a null array (whose access then throws the JVM's own
   * {@code NullPointerException}, which comes before any index check).
   */
  public static int checkedLength(Object array) {
    return array == null ? -1 : length(array);
  }

  /**
   * Checks an access to a distributed array at the rank's local index {@code local} (its global index
   * less the rank's {@code start}) as the sequential run would check the global index: outside
   * {@code [0, length)} it throws the JVM's own exception with the global figures. Only the first and
   * last ranks run such iterations (those before and past the array), where the chunk's own check
   * would name the chunk's index and length. Returns {@code local}.
   */
  public static int checkIndex(int local, int start, int length) {
    long global = (long) local + start;
    if (length >= 0 && (global < 0 || global >= length)) {
      throw new ArrayIndexOutOfBoundsException("Index " + global + " out of bounds for length " + length);
    }
    return local;
  }

  // ---- one element of a distributed array, read outside parallel loops ---------------------

  /**
   * {@code a[index]} read outside any parallel loop ({@code u[n / 2]} after a time loop): the rank
   * holding the element shares it with every rank, so the array stays split instead of being made
   * whole for one read. Collective on a distributed array; a plain read on any other.
   */
  public static double elementOf(double[] a, int index) {
    int at = elementOffset(a, index);
    return at == NOT_DISTRIBUTED ? a[index] : Double.longBitsToDouble(shareElement(at < 0 ? 0 : Double.doubleToRawLongBits(a[at])));
  }

  public static float elementOf(float[] a, int index) {
    int at = elementOffset(a, index);
    return at == NOT_DISTRIBUTED ? a[index] : Float.intBitsToFloat((int) shareElement(at < 0 ? 0 : Float.floatToRawIntBits(a[at])));
  }

  public static long elementOf(long[] a, int index) {
    int at = elementOffset(a, index);
    return at == NOT_DISTRIBUTED ? a[index] : shareElement(at < 0 ? 0 : a[at]);
  }

  public static int elementOf(int[] a, int index) {
    int at = elementOffset(a, index);
    return at == NOT_DISTRIBUTED ? a[index] : (int) shareElement(at < 0 ? 0 : a[at]);
  }

  public static short elementOf(short[] a, int index) {
    int at = elementOffset(a, index);
    return at == NOT_DISTRIBUTED ? a[index] : (short) shareElement(at < 0 ? 0 : a[at]);
  }

  public static char elementOf(char[] a, int index) {
    int at = elementOffset(a, index);
    return at == NOT_DISTRIBUTED ? a[index] : (char) shareElement(at < 0 ? 0 : a[at]);
  }

  /** {@code BALOAD} serves {@code byte[]} and {@code boolean[]} alike: the array's class tells which. */
  public static int byteOrBooleanElementOf(Object a, int index) {
    if (a instanceof boolean[] z) {
      int at = elementOffset(z, index);
      return at == NOT_DISTRIBUTED ? (z[index] ? 1 : 0) : (int) shareElement(at >= 0 && z[at] ? 1 : 0);
    }
    byte[] b = (byte[]) a;
    int at = elementOffset(b, index);
    return at == NOT_DISTRIBUTED ? b[index] : (int) shareElement(at < 0 ? 0 : b[at]);
  }

  /**
   * {@code m[r].length} read outside every parallel loop ({@code int cols = m[0].length}) of a matrix split
   * by rows: the rank holding row {@code r} shares its length (one {@code long} allreduce, the others adding
   * 0), so the matrix stays split. A row index outside the matrix throws the JVM's
   * {@code ArrayIndexOutOfBoundsException} message on every rank; a {@code null} row throws a
   * {@code NullPointerException} on every rank, whose message is not the JVM's: the analysis allows this
   * read in spawn mode only, where a failure makes the driver run the original code, which throws the
   * sequential exception.
   */
  public static int rowLengthOf(Object[] m, int r) {
    int at = elementOffset(m, r);
    if (at == NOT_DISTRIBUTED) {
      return Array.getLength(m[r]);
    }
    // the holder adds length + 1 (a null row: 0, as every other rank adds)
    long shared = shareElement(at < 0 || m[at] == null ? 0 : Array.getLength(m[at]) + 1L);
    if (shared == 0) {
      throw new NullPointerException("row " + r + " of a matrix split by rows is null");
    }
    return (int) (shared - 1);
  }

  /** {@link #elementOffset}'s answer for an array that is whole here (null included). */
  private static final int NOT_DISTRIBUTED = Integer.MIN_VALUE;

  /**
   * Where {@code a[index]} sits in this rank's chunk, -1 when another rank holds it. An index outside
   * the whole array throws on every rank alike, with the JVM's own message, before any communication.
   */
  private static int elementOffset(Object a, int index) {
    DistributedArrays.Chunk chunk = DistributedArrays.lookup(a);
    if (chunk == null) {
      return NOT_DISTRIBUTED;
    }
    if (index < 0 || index >= chunk.globalLength()) {
      throw new ArrayIndexOutOfBoundsException("Index " + index + " out of bounds for length " + chunk.globalLength());
    }
    long offset = index - chunk.start();
    return offset >= 0 && offset < chunk.localLength() ? (int) offset : -1;
  }

  /** The holder's value on every rank: the others add zero, so the sum is the holder's bits exactly. */
  private static long shareElement(long bitsOrZero) {
    Communicator comm = communicator();
    return comm.size() == 1 ? bitsOrZero : comm.allreduce(bitsOrZero, ReduceOp.SUM);
  }

  /** Fails clearly when two arrays of one parallel loop are not split the same way. */
  public static void checkAligned(Object first, Object other) {
    if (first == null || other == null) {
      // Nothing to align: the loop's first read of the null array throws the sequential exception.
      return;
    }
    if (length(first) != length(other) || ownedStart(first) != ownedStart(other)
        || localLength(first) != localLength(other)) {
      throw new IllegalStateException("arrays used together in a parallel loop have different lengths ("
          + length(first) + " and " + length(other) + ") or distributions; Parjit needs them aligned");
    }
  }

  /** Elements held here: an array's length, or the local rows of a registered chunk (a series). */
  private static long localLength(Object value) {
    if (value.getClass().isArray()) {
      return Array.getLength(value);
    }
    DistributedArrays.Chunk c = DistributedArrays.lookup(value);
    return c == null ? -1 : c.localLength();
  }

  // ---- distributed allocation --------------------------------------------------------------

  private static int localCount(int n) {
    if (n < 0) {
      throw new NegativeArraySizeException(Integer.toString(n));
    }
    return BlockDistribution.count(n, size(), rank());
  }

  private static <T> T registered(T chunk, int n) {
    DistributedArrays.register(chunk, n, BlockDistribution.start(n, size(), rank()));
    CallScopes.allocated(chunk);
    return chunk;
  }

  public static double[] newDoubleArray(int n) { return registered(new double[localCount(n)], n); }

  public static float[] newFloatArray(int n) { return registered(new float[localCount(n)], n); }

  public static long[] newLongArray(int n) { return registered(new long[localCount(n)], n); }

  public static int[] newIntArray(int n) { return registered(new int[localCount(n)], n); }

  public static short[] newShortArray(int n) { return registered(new short[localCount(n)], n); }

  public static char[] newCharArray(int n) { return registered(new char[localCount(n)], n); }

  public static byte[] newByteArray(int n) { return registered(new byte[localCount(n)], n); }

  public static boolean[] newBooleanArray(int n) { return registered(new boolean[localCount(n)], n); }

  // ---- arrays placed like a frame's rows: new double[df.numRows()] ----------------------------

  /**
   * Where an array of {@code n} elements sized by the row count of {@code rows} (a distributed frame or
   * series) sits: the rows' own placement (this rank's count at their first global row), which a Parquet
   * read or a filter makes uneven; {@code null} when {@code rows} is not distributed here (a whole frame)
   * or holds another count, and the array then takes 1D_Block like any other.
   */
  private static DistributedArrays.Chunk rowPlacement(int n, Object rows) {
    if (n < 0) {
      throw new NegativeArraySizeException(Integer.toString(n));
    }
    DistributedArrays.Chunk c = DistributedArrays.lookup(rows);
    return c != null && c.globalLength() == n ? c : null;
  }

  private static int placedCount(int n, DistributedArrays.Chunk c) {
    return c == null ? localCount(n) : (int) c.localLength();
  }

  private static <T> T placed(T chunk, int n, DistributedArrays.Chunk c) {
    if (c == null) {
      return registered(chunk, n);
    }
    DistributedArrays.register(chunk, n, c.start());
    CallScopes.allocated(chunk);
    return chunk;
  }

  /** {@code new double[n]} where {@code n} is the row count of {@code rows}: placed like those rows. */
  public static double[] newDoubleArray(int n, Object rows) {
    DistributedArrays.Chunk c = rowPlacement(n, rows);
    return placed(new double[placedCount(n, c)], n, c);
  }

  public static float[] newFloatArray(int n, Object rows) {
    DistributedArrays.Chunk c = rowPlacement(n, rows);
    return placed(new float[placedCount(n, c)], n, c);
  }

  public static long[] newLongArray(int n, Object rows) {
    DistributedArrays.Chunk c = rowPlacement(n, rows);
    return placed(new long[placedCount(n, c)], n, c);
  }

  public static int[] newIntArray(int n, Object rows) {
    DistributedArrays.Chunk c = rowPlacement(n, rows);
    return placed(new int[placedCount(n, c)], n, c);
  }

  public static short[] newShortArray(int n, Object rows) {
    DistributedArrays.Chunk c = rowPlacement(n, rows);
    return placed(new short[placedCount(n, c)], n, c);
  }

  public static char[] newCharArray(int n, Object rows) {
    DistributedArrays.Chunk c = rowPlacement(n, rows);
    return placed(new char[placedCount(n, c)], n, c);
  }

  public static byte[] newByteArray(int n, Object rows) {
    DistributedArrays.Chunk c = rowPlacement(n, rows);
    return placed(new byte[placedCount(n, c)], n, c);
  }

  public static boolean[] newBooleanArray(int n, Object rows) {
    DistributedArrays.Chunk c = rowPlacement(n, rows);
    return placed(new boolean[placedCount(n, c)], n, c);
  }

  /** {@code new C[n]} of a 1D_Block array of references (the caller casts). */
  public static Object newObjectArray(Class<?> component, int n) {
    return registered(Array.newInstance(component, localCount(n)), n);
  }

  /**
   * {@code new T[n][m]} of a 1D_Block array distributed by rows ({@code arrayClass} is {@code T[][]}):
   * this rank's block of the {@code n} rows, each of {@code m} elements, registered.
   */
  public static Object newMatrix(int n, int m, Class<?> arrayClass) {
    int local = localCount(n);
    if (m < 0) {
      throw new NegativeArraySizeException(Integer.toString(m));
    }
    return registered(Rows.allocate(arrayClass, local, m), n);
  }

  /** {@code new T[n][m][p]} distributed by rows ({@code new T[n][m][]} is the two-size form). */
  public static Object newMatrix(int n, int m, int p, Class<?> arrayClass) {
    int local = localCount(n);
    if (m < 0 || p < 0) {
      throw new NegativeArraySizeException(Integer.toString(m < 0 ? m : p));
    }
    return registered(Rows.allocate(arrayClass, local, m, p), n);
  }

  /**
   * {@code new T[n]} of a row-major 2-D array with rows of {@code k} elements ({@code n = rows * k},
   * indexed {@code a[k * i + j]}): this rank's block of whole rows, Bodo's formula over the rows.
   * {@code component} is the primitive element class.
   */
  public static Object newRowBlockArray(int n, int k, Class<?> component) {
    if (n < 0) {
      throw new NegativeArraySizeException(Integer.toString(n));
    }
    int rows = k <= 0 ? 0 : n / k;
    int localRows = BlockDistribution.count(rows, size(), rank());
    long startRow = BlockDistribution.start(rows, size(), rank());
    // n is rows * k; if it were not, the elements after the last whole row go to the last rank.
    int local = localRows * Math.max(k, 0) + (rank() == size() - 1 && k > 0 ? n % k : 0);
    if (k <= 0) {
      local = rank() == 0 ? n : 0;
    }
    Object chunk = Array.newInstance(component, local);
    DistributedArrays.register(chunk, n, k <= 0 ? 0 : startRow * k);
    CallScopes.allocated(chunk);
    return chunk;
  }

  /** First row this rank runs of a loop over rows {@code [lo, hi)} of an array of rows of {@code k}. */
  public static int rowsStart(Object array, int k, int lo, int hi) {
    return k <= 0 ? blockStart(lo, hi) : rank() == 0 ? lo : Math.max(lo, ownedStart(array) / k);
  }

  /** One past the last row this rank runs of a loop over rows {@code [lo, hi)} of an array of rows of {@code k}. */
  public static int rowsEnd(Object array, int k, int lo, int hi) {
    return k <= 0 ? blockEnd(lo, hi) : rank() == size() - 1 ? hi : Math.min(hi, ownedEnd(array) / k);
  }

  // ---- scalar reductions -------------------------------------------------------------------

  /** The value held before a parallel loop counts once: rank 0 keeps it, others start neutral. */
  public static double reduceInit(double v, int op) { return rank() == 0 ? v : Neutral.ofDouble(op); }

  public static float reduceInit(float v, int op) { return rank() == 0 ? v : Neutral.ofFloat(op); }

  public static long reduceInit(long v, int op) { return rank() == 0 ? v : Neutral.ofLong(op); }

  public static int reduceInit(int v, int op) { return rank() == 0 ? v : Neutral.ofInt(op); }

  /**
   * A guarded extremum's starting value ({@link GuardedExtrema}): rank 0 keeps the loop's, the
   * others start from one no element beats under comparison {@code rel}.
   */
  public static double extremumInit(double v, int rel) { return rank() == 0 ? v : GuardedExtrema.startDouble(rel); }

  public static float extremumInit(float v, int rel) { return rank() == 0 ? v : (float) GuardedExtrema.startDouble(rel); }

  public static long extremumInit(long v, int rel) { return rank() == 0 ? v : GuardedExtrema.startLong(rel); }

  public static int extremumInit(int v, int rel) { return rank() == 0 ? v : GuardedExtrema.startInt(rel); }

  /** The rank whose best value and companions every rank takes after a guarded-extremum loop. */
  public static int extremumWinner(double best, int passed, int rel) {
    return GuardedExtrema.winner(communicator(), best, passed != 0, rel);
  }

  public static int extremumWinner(float best, int passed, int rel) {
    return GuardedExtrema.winner(communicator(), (double) best, passed != 0, rel);
  }

  public static int extremumWinner(long best, int passed, int rel) {
    return GuardedExtrema.winner(communicator(), best, passed != 0, rel);
  }

  public static int extremumWinner(int best, int passed, int rel) {
    return GuardedExtrema.winner(communicator(), (long) best, passed != 0, rel);
  }

  /** {@code v} as rank {@code root} holds it, on every rank. */
  public static double fromRank(double v, int root) {
    return Double.longBitsToDouble(GuardedExtrema.fromRank(communicator(), Double.doubleToRawLongBits(v), root));
  }

  public static float fromRank(float v, int root) {
    return Float.intBitsToFloat((int) GuardedExtrema.fromRank(communicator(), Float.floatToRawIntBits(v), root));
  }

  public static long fromRank(long v, int root) { return GuardedExtrema.fromRank(communicator(), v, root); }

  public static int fromRank(int v, int root) { return (int) GuardedExtrema.fromRank(communicator(), v, root); }

  public static double allreduce(double v, int op) {
    Communicator c = communicator();
    double combined = deterministic && isSumOrProduct(op) ? RankOrder.fold(c, v, op == Neutral.PROD)
        : c.allreduce(v, OPS[op]);
    NonFiniteReductions.check(combined, op, c.size());
    return combined;
  }

  public static float allreduce(float v, int op) {
    Communicator c = communicator();
    float combined = deterministic && isSumOrProduct(op) ? RankOrder.fold(c, v, op == Neutral.PROD)
        : c.allreduce(v, OPS[op]);
    NonFiniteReductions.check(combined, op, c.size());
    return combined;
  }

  /** Only floating sums and products depend on the order of combination; min and max do not. */
  private static boolean isSumOrProduct(int op) {
    return op == Neutral.SUM || op == Neutral.PROD;
  }

  public static long allreduce(long v, int op) {
    return communicator().allreduce(v, OPS[op]);
  }

  public static int allreduce(int v, int op) {
    return communicator().allreduce(v, OPS[op]);
  }

  // ---- array reductions (histograms) -------------------------------------------------------

  public static void arrayReduceInit(double[] a, int op) {
    if (rank() != 0) {
      java.util.Arrays.fill(a, Neutral.ofDouble(op));
    }
  }

  public static void arrayReduceInit(float[] a, int op) {
    if (rank() != 0) {
      java.util.Arrays.fill(a, Neutral.ofFloat(op));
    }
  }

  public static void arrayReduceInit(long[] a, int op) {
    if (rank() != 0) {
      java.util.Arrays.fill(a, Neutral.ofLong(op));
    }
  }

  public static void arrayReduceInit(int[] a, int op) {
    if (rank() != 0) {
      java.util.Arrays.fill(a, Neutral.ofInt(op));
    }
  }

  public static void arrayAllreduce(double[] a, int op) {
    Communicator c = communicator();
    if (deterministic && isSumOrProduct(op)) {
      RankOrder.foldInPlace(c, a, op == Neutral.PROD);
    } else {
      c.allreduceInPlace(a, OPS[op]);
    }
    NonFiniteReductions.check(a, op, c.size());
  }

  public static void arrayAllreduce(float[] a, int op) {
    Communicator c = communicator();
    if (deterministic && isSumOrProduct(op)) {
      RankOrder.foldInPlace(c, a, op == Neutral.PROD);
    } else {
      c.allreduceInPlace(a, OPS[op]);
    }
    NonFiniteReductions.check(a, op, c.size());
  }

  public static void arrayAllreduce(long[] a, int op) {
    communicator().allreduceInPlace(a, OPS[op]);
  }

  public static void arrayAllreduce(int[] a, int op) {
    communicator().allreduceInPlace(a, OPS[op]);
  }

  // ---- replication and SPMD distributed parameters -----------------------------------------

  /** The whole distributed array on every rank (an SPMD REP return). */
  public static double[] replicate(double[] local) {
    return DistributedArrays.lookup(local) == null ? local : communicator().allgatherv(local);
  }

  public static long[] replicate(long[] local) {
    return DistributedArrays.lookup(local) == null ? local : communicator().allgatherv(local);
  }

  public static int[] replicate(int[] local) {
    return DistributedArrays.lookup(local) == null ? local : communicator().allgatherv(local);
  }

  public static float[] replicate(float[] local) {
    Communicator c = communicator();
    if (DistributedArrays.lookup(local) == null) {
      return local;
    }
    int[] bits = new int[local.length];
    for (int i = 0; i < bits.length; i++) {
      bits[i] = Float.floatToRawIntBits(local[i]);
    }
    int[] all = c.allgatherv(bits);
    float[] out = new float[all.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = Float.intBitsToFloat(all[i]);
    }
    return out;
  }

  public static byte[] replicate(byte[] local) {
    return DistributedArrays.lookup(local) == null ? local : communicator().allgatherv(local);
  }

  public static boolean[] replicate(boolean[] local) {
    Communicator c = communicator();
    if (DistributedArrays.lookup(local) == null) {
      return local;
    }
    byte[] bytes = new byte[local.length];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (local[i] ? 1 : 0);
    }
    byte[] all = c.allgatherv(bytes);
    boolean[] out = new boolean[all.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = all[i] != 0;
    }
    return out;
  }

  public static short[] replicate(short[] local) {
    if (DistributedArrays.lookup(local) == null) {
      return local;
    }
    int[] wide = new int[local.length]; // no short collectives: they travel as ints
    for (int i = 0; i < wide.length; i++) {
      wide[i] = local[i];
    }
    int[] all = communicator().allgatherv(wide);
    short[] out = new short[all.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = (short) all[i];
    }
    return out;
  }

  public static char[] replicate(char[] local) {
    if (DistributedArrays.lookup(local) == null) {
      return local;
    }
    int[] wide = new int[local.length]; // no char collectives: they travel as ints
    for (int i = 0; i < wide.length; i++) {
      wide[i] = local[i];
    }
    int[] all = communicator().allgatherv(wide);
    char[] out = new char[all.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = (char) all[i];
    }
    return out;
  }

  /** The whole row-distributed array ({@code double[][]} and the like) on every rank, rows in order. */
  public static Object replicateRows(Object local) {
    if (!(local instanceof Object[] rows) || DistributedArrays.lookup(local) == null) {
      return local;
    }
    if (EntryCalls.returnsToTheDriver()) {
      EntryCalls.kept(rows); // each rank sends its own rows to the driver, which assembles them
      return rows;
    }
    return Rows.replicate(communicator(), rows);
  }

  /**
   * Entry of a specialization for a parameter it reads whole (REP) while the argument may arrive as
   * this rank's chunk: the whole array, gathered on every rank; an unregistered array is already
   * whole and passes as it is.
   */
  public static Object wholeOf(Object array) {
    if (array == null || DistributedArrays.lookup(array) == null) {
      return array;
    }
    if (array instanceof Object[]) {
      return replicateRows(array);
    } else if (array instanceof double[] a) {
      return replicate(a);
    } else if (array instanceof long[] a) {
      return replicate(a);
    } else if (array instanceof int[] a) {
      return replicate(a);
    } else if (array instanceof float[] a) {
      return replicate(a);
    } else if (array instanceof byte[] a) {
      return replicate(a);
    } else if (array instanceof boolean[] a) {
      return replicate(a);
    } else if (array instanceof short[] a) {
      return replicate(a);
    } else if (array instanceof char[] a) {
      return replicate(a);
    }
    throw new IllegalArgumentException("not a primitive array: " + array.getClass().getName());
  }

  // ---- failures and calls -------------------------------------------------------------------

  /**
   * The handler around a parallel loop's iterations: this rank's iterations threw {@code failure}.
   * The rank goes on to the loop's combine block, where {@link #agreeLoop()} decides.
   */
  /**
   * Before a parallel loop that prints and may throw: this rank's lines wait for the loop's
   * agreement, which drops them when an earlier rank failed ({@link LoopOutput}).
   */
  public static void holdLoopOutput() {
    LoopOutput.hold();
  }

  public static void loopFailed(Throwable failure) {
    LoopFailures.failed(failure);
  }

  /**
   * First thing in a parallel loop's combine block, before its reductions (collective): returns when
   * no rank's iterations failed, else every rank throws the failure of the lowest failing rank (see
   * {@link LoopFailures}).
   */
  public static void agreeLoop() {
    LoopFailures.agree(communicator());
    LoopFailures.loopAgreed();
  }

  /**
   * {@link #agreeLoop()} then {@link #allreduce(double, int)} of the loop's first floating
   * reduction, in one collective ({@link PackedReductions}), as in a dot product's loop. Code
   * compiled now emits {@link #combineScalar(double, int)} and {@link #combineLoop()} instead.
   */
  public static double agreeLoopAllreduce(double v, int op) {
    combineScalar(v, op);
    combineLoop();
    return combinedDouble(0);
  }

  // ---- a parallel loop's combine block in one collective (PackedReductions) ----------------

  /** Queues this rank's partial of a scalar reduction for {@link #combineLoop()}. */
  public static void combineScalar(double v, int op) {
    PackedReductions.current().scalar('D', Double.doubleToRawLongBits(v), op);
  }

  public static void combineScalar(float v, int op) {
    PackedReductions.current().scalar('F', Float.floatToRawIntBits(v), op);
  }

  public static void combineScalar(long v, int op) {
    PackedReductions.current().scalar('J', v, op);
  }

  public static void combineScalar(int v, int op) {
    PackedReductions.current().scalar('I', v, op);
  }

  /** Queues an array reduction (combined in place by {@link #combineLoop()}). */
  public static void combineArray(double[] a, int op) {
    PackedReductions.current().array(a, op);
  }

  public static void combineArray(float[] a, int op) {
    PackedReductions.current().array(a, op);
  }

  public static void combineArray(long[] a, int op) {
    PackedReductions.current().array(a, op);
  }

  public static void combineArray(int[] a, int op) {
    PackedReductions.current().array(a, op);
  }

  /**
   * Collective, the combine block of a loop counting up: the queued reductions and the loop's failure
   * agreement in one exchange; arrays are combined in place (up to the lowest failing rank when one
   * failed), then every rank throws the agreed failure if there was one.
   */
  public static void combineLoop() {
    PackedReductions.current().combine(communicator());
    LoopFailures.loopAgreed();
  }

  /** The combined value of the i-th scalar queued before {@link #combineLoop()}. */
  public static double combinedDouble(int i) {
    return Double.longBitsToDouble(PackedReductions.current().result(i));
  }

  public static float combinedFloat(int i) {
    return Float.intBitsToFloat((int) PackedReductions.current().result(i));
  }

  public static long combinedLong(int i) {
    return PackedReductions.current().result(i);
  }

  public static int combinedInt(int i) {
    return (int) PackedReductions.current().result(i);
  }

  /** {@link #agreeLoop()} for a loop counting down: the highest failing rank's failure is the sequential one. */
  public static void agreeLoopDescending() {
    LoopFailures.agreeDescending(communicator());
    LoopFailures.loopAgreed();
  }

  /**
   * This rank's part of a loop counting down from {@code init} by {@code step} (positive) while
   * {@code i >= low}: {@code {first, last}}, run from {@code first} down to {@code last} inclusive
   * (empty when {@code first < last}). The rank takes its Bodo block of the index range
   * {@code [low, init]}, or, with {@code array}, the indices it owns of that distributed array;
   * within it the order stays the sequential one, from the top.
   */
  public static int[] downRange(int low, int init, int step, Object array) {
    long hi = (long) init + 1;
    long s;
    long e;
    if (array == null) {
      s = blockStart((long) low, hi);
      e = blockEnd((long) low, hi);
    } else {
      s = rank() == 0 ? low : Math.max(low, ownedStart(array)); // iterations outside the array fail as
      e = rank() == size() - 1 ? hi : Math.min(hi, ownedEnd(array)); // in the sequential run
    }
    if (init < low || e <= s) {
      return new int[] {0, 1};
    }
    long first = init - ((init - (e - 1) + step - 1) / step) * step;
    return first < s ? new int[] {0, 1} : new int[] {(int) first, (int) s};
  }

  /**
   * The communicator for distributed frame operations: each collective first agrees that no rank
   * failed (see {@link AgreeingCommunicator}).
   */
  public static Communicator agreeingCommunicator() {
    Communicator c = communicator();
    return c.size() == 1 ? c : new AgreeingCommunicator(c);
  }

  /**
   * Handler of a distributed frame call that threw on this rank: joins the other ranks' next
   * agreement and throws the agreed failure (this rank's own when it is the lowest that failed).
   * Declared to return an exception so rewritten code can {@code athrow} after it.
   */
  public static RuntimeException collectiveCallFailed(Throwable failure) {
    if (LoopFailures.takeAgreed()) {
      // An agreement inside the call threw (perhaps rewrapped since): every rank is unwinding it.
      throw Sneaky.unchecked(failure);
    }
    LoopFailures.failed(failure);
    LoopFailures.agree(communicator());
    throw Sneaky.unchecked(failure); // agree threw unless this rank alone runs the job
  }

  /**
   * Spawn-mode workers: a floating sum or product whose ranks' partials combine to NaN or an infinity
   * ends the call with {@link NonFiniteReduction}, so the driver reruns it sequentially
   * ({@link NonFiniteReductions}). Off (SPMD mode, tests) the combined value stands.
   */
  public static void rerunNonFiniteReductions(boolean on) {
    NonFiniteReductions.enable(on);
  }

  /**
   * Whether the worker's call that just ended met a non-finite floating sum or product (even one the
   * application's code caught); clears it. The worker then fails the call.
   */
  public static boolean takeNonFiniteReduction() {
    return NonFiniteReductions.take();
  }

  /** A new call starts on this rank (SPMD method entry, a spawn worker's call): no failure carries over. */
  public static void forgetFailures() {
    LoopFailures.clear();
  }

  /**
   * Exit of a compiled method with distributed frame calls: a rank whose last frame operation failed
   * after that operation's collectives is waiting in an agreement; the others meet it here. When no
   * frame operation started since the last loop agreement, no rank can be waiting (they all passed
   * that agreement), and the collective is skipped on every rank alike.
   */
  public static void agreeExit() {
    if (communicator().size() == 1 || LoopFailures.frameCallsSinceAgreement()) {
      LoopFailures.agree(communicator());
      LoopFailures.loopAgreed();
    }
  }

  /** Before each distributed frame call of a compiled method: see {@link #agreeExit()}. */
  public static void frameCallStarts() {
    LoopFailures.frameCallStarts();
  }

  /**
   * A loop with array reductions agrees in two steps, so that the caller's arrays hold what the
   * sequential run leaves when an iteration throws: first the lowest failing rank (the size when
   * none failed; collective)...
   */
  public static int loopFailedRank() {
    return LoopFailures.firstFailed(communicator());
  }

  /**
   * ...then each array reduction is combined even after a failure, with the ranks after the failing
   * one contributing neutral elements: the result is the caller's values plus exactly the iterations
   * before the failing one (the failing rank's own partial ones included), as in the sequential run...
   */
  public static void arrayAllreduceAfter(double[] a, int op, int failedRank) {
    if (failedRank < size() && rank() > failedRank) {
      java.util.Arrays.fill(a, Neutral.ofDouble(op));
    }
    arrayAllreduce(a, op);
  }

  /** As {@link #arrayAllreduceAfter(double[], int, int)} for floats. */
  public static void arrayAllreduceAfter(float[] a, int op, int failedRank) {
    if (failedRank < size() && rank() > failedRank) {
      java.util.Arrays.fill(a, Neutral.ofFloat(op));
    }
    arrayAllreduce(a, op);
  }

  /** As {@link #arrayAllreduceAfter(double[], int, int)} for longs. */
  public static void arrayAllreduceAfter(long[] a, int op, int failedRank) {
    if (failedRank < size() && rank() > failedRank) {
      java.util.Arrays.fill(a, Neutral.ofLong(op));
    }
    arrayAllreduce(a, op);
  }

  /** As {@link #arrayAllreduceAfter(double[], int, int)} for ints. */
  public static void arrayAllreduceAfter(int[] a, int op, int failedRank) {
    if (failedRank < size() && rank() > failedRank) {
      java.util.Arrays.fill(a, Neutral.ofInt(op));
    }
    arrayAllreduce(a, op);
  }

  /** ...and last every rank throws the agreed failure, if there was one. */
  public static void rethrowLoopFailure(int failedRank) {
    LoopFailures.rethrow(communicator(), failedRank);
  }

  /**
   * Entry of every SPMD-compiled {@code @Jit} method ({@code method} names it): forgets any failure a
   * previous call left pending, and fails at once when called from a thread other than the one
   * running the rank's {@code main} (see {@link ProgramThread}).
   */
  public static void enterCall(String method) {
    forgetFailures();
    ProgramThread.check(method, THREAD_COMM.get() != null);
  }

  /** Entry of a compiled method that allocates distributed arrays (see {@link CallScopes}). */
  public static void beginCall() {
    CallScopes.begin();
  }

  /** Exit of such a method: its arrays are forgotten, except the one it returns. */
  public static void endCall(Object returned) {
    CallScopes.end(returned);
  }

  /**
   * Strict mode's prologue of a method compiled without parallelism: fails its call with the
   * no-parallelism warning as the message.
   */
  public static void failCompilation(String message) {
    throw new dev.parjit.ParjitCompilationException(message);
  }

  /**
   * Prologue of a method whose {@code @Jit} request cannot be honoured (a parameter named in
   * {@code distributed} that the analysis made REP): every call fails with {@code reason}, naming
   * the method; the first one is also logged, with class, method and reason.
   */
  public static void compilationError(String className, String method, String reason) {
    CompilationErrors.raise(className, method, reason);
  }

  /**
   * A spawn-compiled method's 1D parameter on entry: the registered chunk the driver sent, or,
   * when another method on the worker passed a whole array, this rank's block of it (a copy,
   * registered). Either way the method then sees a 1D_Block chunk.
   */
  public static Object blockOf(Object array) {
    if (array == null || DistributedArrays.lookup(array) != null) {
      return array;
    }
    int n = Array.getLength(array);
    long start = BlockDistribution.start(n, size(), rank());
    int count = BlockDistribution.count(n, size(), rank());
    Object chunk = Array.newInstance(array.getClass().getComponentType(), count);
    System.arraycopy(array, (int) start, chunk, 0, count);
    DistributedArrays.register(chunk, n, start);
    return chunk;
  }

  /**
   * A 1D parameter indexed as rows of {@code k} ({@code a[k * i + c]}), on entry after {@link #blockOf}:
   * this rank's block of whole rows, a new registered array unless the chunk already is one
   * ({@link RowSplit}).
   */
  public static Object rowBlocksOf(Object chunk, int k) {
    return chunk == null ? null : RowSplit.toRows(communicator(), chunk, k);
  }

  /**
   * Before the method returns: what it wrote into {@code rows} ({@link #rowBlocksOf} of {@code chunk})
   * goes back into {@code chunk}, the array the caller's is written back from.
   */
  public static void rowBlocksBack(Object rows, Object chunk, int k) {
    if (chunk != null) {
      RowSplit.back(communicator(), rows, chunk, k);
    }
  }

  /**
   * Before a return: {@code chunk} when the method returns {@code rows} ({@link #rowBlocksOf} of that
   * chunk), so the caller gets the object it passed; {@code value} otherwise.
   */
  public static Object chunkIfRows(Object value, Object rows, Object chunk) {
    return value == rows && value != null ? chunk : value;
  }

  /** Registers a rank's chunk passed to an SPMD {@code distributed} parameter (1D_Var). */
  public static void enterDistributed(Object chunk) {
    if (chunk == null || DistributedArrays.lookup(chunk) != null) {
      return;
    }
    long local = Array.getLength(chunk);
    Communicator c = communicator();
    long start = c.exscanSum(local);
    long global = c.allreduce(local, ReduceOp.SUM);
    DistributedArrays.register(chunk, global, start);
  }
}
