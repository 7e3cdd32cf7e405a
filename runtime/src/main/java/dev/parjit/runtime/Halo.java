package dev.parjit.runtime;

import java.lang.reflect.Array;

/**
 * The elements a stencil loop reads outside this rank's chunk of an array it does not write: for a
 * loop running {@code i} over {@code [from, to)} and reading {@code u[i + c]} with
 * {@code lowest <= c <= highest}, the part of {@code [from + lowest, to + highest)} that other ranks
 * own, fetched once before the loop. Usually that is one or two elements from each neighbour
 * (Jacobi: the loop runs over the chunk of {@code u} it writes into {@code v}); when the array is
 * split differently from the loop (a CSR row pointer of {@code n + 1} entries read by a loop over
 * {@code n} rows), it is whatever the loop's range needs.
 *
 * <p>Rewritten code keeps the chunk as it is and reads through {@link #read(double[], int, Halo)}
 * with the global index: inside the chunk a plain array read (one branch), outside it the fetched
 * copy. A stencil loop runs its iterations in three parts ({@code StencilPeelingPass}): those between
 * {@link #interiorFrom} and {@link #interiorTo}, whose reads all fall inside the chunk, read it
 * directly at {@code g - }{@link #chunkStart}, with no branch that would keep the JIT from unrolling
 * and vectorising the sweep; the few iterations before and after them read through the halo. A read past the ends of the whole array throws the sequential program's
 * exception, with the global index and length. The elements may be rows of a {@code double[][]} split by
 * rows ({@code m[i - 1]}, {@link #read(Object[], int, Halo)}): a halo of width 1 over rows.
 * The exchange is two collectives: an allgather of
 * what each rank needs and owns, and an all-to-all of exactly those elements, so chunks shorter than
 * the halo, empty ranks and 1D_Var chunks of any length are served alike.
 */
public final class Halo {

  /** Global index of the chunk's first element (0 for an array that is not split). */
  private final int start;
  /** Length of the chunk the halo was fetched for (0 for a {@code null} array). */
  private final int chunkLength;
  private final long globalLength;
  /** Fetched elements below the chunk, from global index {@code leftStart}. */
  private final Object left;
  private final long leftStart;
  /** Fetched elements above the chunk, from global index {@code rightStart}. */
  private final Object right;
  private final long rightStart;

  Halo(int start, int chunkLength, long globalLength, Object left, long leftStart, Object right, long rightStart) {
    this.start = start;
    this.chunkLength = chunkLength;
    this.globalLength = globalLength;
    this.left = left;
    this.leftStart = leftStart;
    this.right = right;
    this.rightStart = rightStart;
  }

  /**
   * Fetches what the loop over {@code [from, to)} reads of {@code array} at offsets
   * {@code lowest..highest} outside this rank's chunk. Collective: every rank calls it for the same
   * array, each with its own range (possibly empty).
   */
  public static Halo exchange(Object array, int lowest, int highest, int from, int to) {
    return HaloPlan.of(array, lowest, highest, from, to).fetch(array);
  }

  /**
   * Fetches row {@code row} of row-major data in rows of {@code width} ({@code array[row * width ..
   * row * width + width)}) for a loop over rows {@code [from, to)} that reads that row in every iteration and
   * never writes it (an LU pivot row): from the rank that owns it, for every rank with rows to run
   * (collective). The row must lie in the array and {@code row < width} (the loop's columns at {@code row}
   * or from {@code row + c} are inside a row only then): otherwise this throws, on every rank alike (the
   * arguments are the same everywhere), and spawn mode runs the call's original code on the driver.
   */
  public static Halo exchangeRow(Object array, int row, int width, int from, int to) {
    long n = array == null ? -1 : globalLength(array);
    if (row < 0 || row >= width || ((long) row + 1) * width > n) {
      throw new IllegalStateException("the fixed row " + row + " a parallel loop reads is not a row of "
          + (array == null ? "a null array" : n + " elements") + " in rows of " + width
          + " (or not below the width): the original code runs instead");
    }
    int first = row * width;
    return from < to ? HaloPlan.of(array, 0, 0, first, first + width).fetch(array)
        : HaloPlan.of(array, 0, 0, 0, 0).fetch(array);
  }

  /**
   * Fetches the nonzeros a CSR row loop over rows {@code [from, to)} reads of {@code array}: for every
   * row with {@code rowptr[i] < rowptr[i + 1]}, elements {@code [rowptr[i], rowptr[i + 1])}, whose
   * hull is fetched ({@link #exchange}: collective). Row pointer entries past its ends are skipped:
   * the loop itself meets them first and throws the sequential exception.
   */
  public static Halo exchangeSegments(Object array, int[] rowptr, Halo rows, int from, int to) {
    return segmentsPlan(array, rowptr, rows, from, to).fetch(array);
  }

  /** What {@link #exchangeSegments} fetches, as a plan (collective: the needs' allgather). */
  static HaloPlan segmentsPlan(Object array, int[] rowptr, Halo rows, int from, int to) {
    long lo = Long.MAX_VALUE;
    long hi = Long.MIN_VALUE;
    if (rowptr != null) {
      for (int i = Math.max(0, from); i < to && i + 1 < rows.globalLength; i++) {
        int first = read(rowptr, i, rows);
        int last = read(rowptr, i + 1, rows);
        if (first < last) {
          lo = Math.min(lo, first);
          hi = Math.max(hi, last);
        }
      }
    }
    return lo < hi ? HaloPlan.of(array, 0, 0, (int) lo, (int) hi) : HaloPlan.of(array, 0, 0, 0, 0);
  }

  /**
   * Fetches what a CSR row loop over rows {@code [from, to)} reads of {@code array} through its
   * nonzeros' column indices, {@code array[col[k]]} for {@code k} in {@code [rowptr[i], rowptr[i + 1])}:
   * the hull of those indices ({@link #exchange}: collective), so a banded matrix's rank receives
   * the band on each side of its block. {@code col} and {@code rowptr} are read through their own
   * halos ({@link #exchangeSegments} and the row pointer's exchange), or in place when their halo is
   * {@code null} (arrays every rank holds whole). Indices outside the array and
   * nonzeros past {@code col}'s ends are left out: the loop meets them and throws the sequential
   * exception.
   */
  public static Halo exchangeIndexed(Object array, int[] col, Halo cols, int[] rowptr, Halo rows, int from, int to) {
    return indexedPlan(array, col, cols, rowptr, rows, from, to).fetch(array);
  }

  /**
   * What {@link #exchangeIndexed} fetches, as a plan (collective: the needs' allgather): it depends on
   * the column indices, the row pointer and the layout of {@code array}, never on its values, so a
   * loop whose matrix does not change reuses it ({@link HaloMemo}).
   */
  static HaloPlan indexedPlan(Object array, int[] col, Halo cols, int[] rowptr, Halo rows, int from, int to) {
    long n = array == null ? 0 : globalLength(array);
    long lo = Long.MAX_VALUE;
    long hi = Long.MIN_VALUE;
    if (col != null && rowptr != null) {
      // A whole array (a replicated parameter) has no halo: its chunk is itself.
      Halo c = cols != null ? cols : new Halo(0, col.length, col.length, null, 0, null, 0);
      Halo r = rows != null ? rows : new Halo(0, rowptr.length, rowptr.length, null, 0, null, 0);
      for (int i = Math.max(0, from); i < to && i + 1 < r.globalLength; i++) {
        int first = Math.max(0, read(rowptr, i, r));
        int last = (int) Math.min(c.globalLength, read(rowptr, i + 1, r));
        for (int k = first; k < last; k++) {
          int g = read(col, k, c);
          if (g >= 0 && g < n) {
            lo = Math.min(lo, g);
            hi = Math.max(hi, g + 1L);
          }
        }
      }
    }
    return lo < hi ? HaloPlan.of(array, 0, 0, (int) lo, (int) hi) : HaloPlan.of(array, 0, 0, 0, 0);
  }

  private static long globalLength(Object array) {
    DistributedArrays.Chunk chunk = DistributedArrays.lookup(array);
    return chunk == null ? Array.getLength(array) : chunk.globalLength();
  }

  /**
   * Before a stencil loop that reads one parameter at {@code i + c} and writes another: the same
   * array passed as both would make the loop read what it writes, which its parallel form cannot
   * reproduce. Every rank holds the same arguments, so every rank throws alike.
   */
  public static void checkSeparate(Object read, Object written) {
    if (read != null && read == written) {
      throw new IllegalArgumentException("the same array is passed as the array a parallel stencil loop reads at"
          + " neighbouring indices and as the array it writes: each iteration would read what another writes;"
          + " pass two arrays (Parjit runs such loops in parallel only over distinct arrays)");
    }
  }

  /**
   * The first loop index {@code i} from which a read at {@code i + lowest} (and so at every offset up
   * to {@code highest}) falls inside the chunk: {@code chunkStart - lowest}, clamped to the int range.
   * {@link Integer#MAX_VALUE} for the halo of a {@code null} array, whose reads all go through
   * {@link #read} and throw there.
   */
  public static int interiorFrom(Halo h, int lowest) {
    return h.chunkLength == 0 ? Integer.MAX_VALUE : clamp((long) h.start - lowest);
  }

  /**
   * The loop index from which a read at {@code i + highest} no longer falls inside the chunk:
   * {@code chunkStart + chunkLength - highest}, clamped to the int range ({@link Integer#MIN_VALUE}
   * for an empty chunk or a {@code null} array). Iterations in {@code [interiorFrom, interiorTo)} read
   * the chunk at {@code g - chunkStart}.
   */
  public static int interiorTo(Halo h, int highest) {
    return h.chunkLength == 0 ? Integer.MIN_VALUE : clamp((long) h.start + h.chunkLength - highest);
  }

  /** Global index of the chunk's first element: an interior read of global index {@code g} is {@code chunk[g - chunkStart]}. */
  public static int chunkStart(Halo h) {
    return h.start;
  }

  private static int clamp(long v) {
    return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
  }

  /** Element {@code g} (a global index) of the array whose chunk is {@code a}: from the chunk or the halo. */
  public static double read(double[] a, int g, Halo h) {
    int k = g - h.start;
    return k >= 0 && k < a.length ? a[k] : ((double[]) h.outside(g))[h.index(g)];
  }

  /** As {@link #read(double[], int, Halo)} for floats. */
  public static float read(float[] a, int g, Halo h) {
    int k = g - h.start;
    return k >= 0 && k < a.length ? a[k] : ((float[]) h.outside(g))[h.index(g)];
  }

  /** As {@link #read(double[], int, Halo)} for longs. */
  public static long read(long[] a, int g, Halo h) {
    int k = g - h.start;
    return k >= 0 && k < a.length ? a[k] : ((long[]) h.outside(g))[h.index(g)];
  }

  /** As {@link #read(double[], int, Halo)} for ints. */
  public static int read(int[] a, int g, Halo h) {
    int k = g - h.start;
    return k >= 0 && k < a.length ? a[k] : ((int[]) h.outside(g))[h.index(g)];
  }

  /**
   * Row {@code g} (a global row index) of the row-distributed array whose chunk is {@code a}: from the chunk
   * or the fetched rows ({@code m[i - 1]} of a 2-D stencil; the caller casts it to the rows' type).
   */
  public static Object read(Object[] a, int g, Halo h) {
    int k = g - h.start;
    return k >= 0 && k < a.length ? a[k] : ((Object[]) h.outside(g))[h.index(g)];
  }

  /** The fetched part holding global index {@code g}; the sequential exception past the array's ends. */
  private Object outside(int g) {
    if (g < 0 || g >= globalLength) {
      throw new ArrayIndexOutOfBoundsException("Index " + g + " out of bounds for length " + globalLength);
    }
    Object part = g < start ? left : right;
    long first = g < start ? leftStart : rightStart;
    if (g < first || g >= first + Array.getLength(part)) {
      // The analysis bounds every read by the offsets the exchange was given: this is Parjit's bug.
      throw new IllegalStateException("halo read at " + g + " outside the exchanged elements [" + first + ", "
          + (first + Array.getLength(part)) + ")");
    }
    return part;
  }

  private int index(int g) {
    return (int) (g < start ? g - leftStart : g - rightStart);
  }
}
