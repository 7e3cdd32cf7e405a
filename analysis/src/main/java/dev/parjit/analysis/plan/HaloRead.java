package dev.parjit.analysis.plan;

import org.objectweb.asm.tree.AbstractInsnNode;

/**
 * A read {@code u[i + c]} of a distributed array that its parallel loop reads at some offset
 * {@code c != 0} and never writes: near the ends of the rank's range it needs other ranks'
 * elements, exchanged before the loop (the halo, for the loop's lowest..highest offsets of the
 * array). Every read of such an array in the loop, {@code u[i]} included, is one of these: it keeps
 * its global index and reads through the halo, so the array need not be split like the loop.
 *
 * <p>The nonzeros of a CSR row loop are read the same way ({@code val[k]} for {@code k} from
 * {@code rowptr[i]} to {@code rowptr[i + 1]}): {@code rowPointerSlot} names the row pointer whose
 * values bound what the rank's rows read, and {@code offset} is 0.
 *
 * <p>A read through a CSR row's column indices ({@code x[col[k]]}, {@code col[k]} a nonzero read as
 * above) of an array the row loop does not write is one too: {@code indexArraySlot} names
 * {@code col}, {@code rowPointerSlot} its row pointer. The rank fetches the elements its nonzeros'
 * column indices name, from the hull of those values (for a banded matrix, its own block and the
 * band on each side).
 *
 * @param load           the {@code xALOAD}, which the rewrite makes read through the halo
 * @param arraySlot      the local variable holding the array
 * @param offset         {@code c} (0 for {@code u[i]})
 * @param rowPointerSlot the row pointer of a CSR nonzero read, or -1 for a stencil read
 * @param mayBeWritten   parameters the loop writes that a caller could pass the same array as this
 *                       one (a parameter too): checked before the exchange, since the loop would then
 *                       read what it writes
 * @param indexArraySlot the column indices {@code col} of an indexed read {@code x[col[k]]}, or -1
 * <p>A read of a fixed row {@code a[r * k + c]} of rows the loop writes at {@code i > r} is one too
 * ({@link FixedRow}): the rank fetches that row.
 *
 * @param invariant      whether what the exchange depends on cannot change while the method runs
 *                       (the array itself, its row pointer, or an indexed read's column indices and
 *                       row pointer: parameters the method never writes), so the rewrite computes it
 *                       once per invocation; an indexed read then fetches only the vector's values
 * @param fixedRow       the row a fixed-row read reads, or {@code null}
 * @param rowType        for a read of a whole row {@code m[i + c]} ({@code AALOAD}) of a row-distributed
 *                       array, the rows' descriptor ({@code "[D"}): the halo's elements are rows; else {@code null}
 */
public record HaloRead(AbstractInsnNode load, int arraySlot, int offset, int rowPointerSlot,
    java.util.List<Integer> mayBeWritten, int indexArraySlot, boolean invariant, FixedRow fixedRow, String rowType) {

  /** As the canonical constructor, reading elements (not rows). */
  public HaloRead(AbstractInsnNode load, int arraySlot, int offset, int rowPointerSlot,
      java.util.List<Integer> mayBeWritten, int indexArraySlot, boolean invariant, FixedRow fixedRow) {
    this(load, arraySlot, offset, rowPointerSlot, mayBeWritten, indexArraySlot, invariant, fixedRow, null);
  }

  /** The same read, of whole rows of this descriptor. */
  public HaloRead withRowType(String descriptor) {
    return new HaloRead(load, arraySlot, offset, rowPointerSlot, mayBeWritten, indexArraySlot, invariant, fixedRow,
        descriptor);
  }

  /** Whether this reads a whole row of a row-distributed array ({@link #rowType}). */
  public boolean isRow() {
    return rowType != null;
  }

  /** As the canonical constructor, no fixed row. */
  public HaloRead(AbstractInsnNode load, int arraySlot, int offset, int rowPointerSlot,
      java.util.List<Integer> mayBeWritten, int indexArraySlot, boolean invariant) {
    this(load, arraySlot, offset, rowPointerSlot, mayBeWritten, indexArraySlot, invariant, null);
  }

  /** {@code a[r * k + c]}: a read of the fixed row {@code row} of {@code a}. */
  public static HaloRead ofFixedRow(AbstractInsnNode load, int arraySlot, FixedRow row) {
    return new HaloRead(load, arraySlot, 0, -1, java.util.List.of(), -1, false, row);
  }

  /** Whether this reads a fixed row ({@link FixedRow}). */
  public boolean isFixedRow() {
    return fixedRow != null;
  }

  /** As the canonical constructor, not invariant. */
  public HaloRead(AbstractInsnNode load, int arraySlot, int offset, int rowPointerSlot,
      java.util.List<Integer> mayBeWritten, int indexArraySlot) {
    this(load, arraySlot, offset, rowPointerSlot, mayBeWritten, indexArraySlot, false);
  }

  /** A stencil read or a CSR nonzero read. */
  public HaloRead(AbstractInsnNode load, int arraySlot, int offset, int rowPointerSlot,
      java.util.List<Integer> mayBeWritten) {
    this(load, arraySlot, offset, rowPointerSlot, mayBeWritten, -1);
  }

  /** {@code x[col[k]]}: an indexed read through the nonzeros' column indices {@code col} of {@code rowptr}'s rows. */
  public static HaloRead indexed(AbstractInsnNode load, int arraySlot, int indexArraySlot, int rowPointerSlot) {
    return new HaloRead(load, arraySlot, 0, rowPointerSlot, java.util.List.of(), indexArraySlot);
  }

  /** A stencil read {@code u[i + offset]}. */
  public HaloRead(AbstractInsnNode load, int arraySlot, int offset) {
    this(load, arraySlot, offset, -1, java.util.List.of());
  }

  /** The same read, checked against these written parameters. */
  public HaloRead withMayBeWritten(java.util.List<Integer> slots) {
    return new HaloRead(load, arraySlot, offset, rowPointerSlot, java.util.List.copyOf(slots), indexArraySlot,
        invariant, fixedRow, rowType);
  }

  /** The same read, its exchange computed once per invocation or not. */
  public HaloRead withInvariant(boolean value) {
    return new HaloRead(load, arraySlot, offset, rowPointerSlot, mayBeWritten, indexArraySlot, value, fixedRow,
        rowType);
  }

  /** The arrays whose contents the exchange depends on: the array (not for an indexed read), its row pointer, its column indices. */
  public java.util.List<Integer> planInputs() {
    java.util.List<Integer> in = new java.util.ArrayList<>();
    if (!isIndexed()) {
      in.add(arraySlot);
    }
    if (rowPointerSlot >= 0) {
      in.add(rowPointerSlot);
    }
    if (indexArraySlot >= 0) {
      in.add(indexArraySlot);
    }
    return in;
  }

  /** Whether this reads the nonzeros of a CSR row loop rather than a stencil. */
  public boolean isSegment() {
    return rowPointerSlot >= 0 && indexArraySlot < 0;
  }

  /** Whether this reads {@code x[col[k]]} through a CSR row's column indices. */
  public boolean isIndexed() {
    return indexArraySlot >= 0;
  }
}
