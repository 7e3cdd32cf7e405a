package dev.parjit.frame.dist;

import dev.parjit.frame.DataFrame;
import dev.parjit.frame.FrameMemory;
import dev.parjit.frame.io.FrameIO;
import dev.parjit.frame.io.csv.CsvReader;
import dev.parjit.frame.io.csv.CsvSchema;
import dev.parjit.frame.io.parquet.ParquetDataset;
import dev.parjit.frame.io.parquet.RowGroupRef;
import dev.parjit.mpi.Communicator;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Reading files in parallel: each rank reads its share (row groups balanced by rows, or a
 * line-aligned byte range of a CSV file), giving a 1D_Var frame whose placement every rank knows
 * from the footers (Parquet) or one allgather of counts (CSV). Row groups too few or too uneven for
 * the ranks are read by 1D_Block rows instead ({@link ReadBalance}). Bad input fails on every rank with
 * the same message, so the driver sees one exception naming the file.
 */
final class DistributedSources {

  private DistributedSources() { }

  static DataFrame readParquet(String path, String... columns) {
    Communicator c = FrameComm.comm();
    ParquetDataset ds = ParquetDataset.open(Path.of(path));
    List<String> wanted = columns.length == 0 ? null : Arrays.asList(columns);
    long[] shares = new long[c.size()];
    for (int r = 0; r < shares.length; r++) {
      for (RowGroupRef g : ParquetDataset.share(ds.rowGroups(), r, c.size())) {
        shares[r] += g.rowCount();
      }
    }
    if (ReadBalance.uneven(shares)) {
      return ReadBalance.block(ds, wanted, c.size(), c.rank());
    }
    List<RowGroupRef> mine = ParquetDataset.share(ds.rowGroups(), c.rank(), c.size());
    DataFrame local = FrameIO.readParquet(ds, wanted, mine);
    long start = mine.isEmpty() ? firstRowAfter(ds, c.rank(), c.size()) : mine.get(0).firstRow();
    return Placements.register(local, ds.numRows(), start);
  }

  /** Where an empty share sits: the first row of the next rank that has one (or the end). */
  private static long firstRowAfter(ParquetDataset ds, int rank, int size) {
    for (int r = rank + 1; r < size; r++) {
      List<RowGroupRef> share = ParquetDataset.share(ds.rowGroups(), r, size);
      if (!share.isEmpty()) {
        return share.get(0).firstRow();
      }
    }
    return ds.numRows();
  }

  static DataFrame readCsv(String path) {
    Communicator c = FrameComm.comm();
    Path file = Path.of(path);
    CsvSchema schema = CsvReader.infer(file);
    long[] range = CsvReader.split(file, c.size()).get(c.rank());
    CsvReader.RangeRead piece = null;
    RuntimeException failure = null;
    long start = UNKNOWN;
    try {
      start = CsvReader.rangeStart(file, range[0], range[1]);
      piece = CsvReader.readRange(file, range[0], range[1], schema, FrameMemory.allocator());
    } catch (RuntimeException e) {
      failure = e;
    }
    if (rangesMisaligned(c, start, piece == null ? UNKNOWN : piece.end(), failure != null)) {
      // A boundary fell inside a quoted field spanning lines: the ranges' records are not the
      // file's. Rank 0 reads the whole file (its errors are the sequential ones), the others none.
      FrameCounters.add(FrameCounters.CSV_WHOLE_READS, 1);
      if (piece != null) {
        piece.vectors().forEach(org.apache.arrow.vector.FieldVector::close);
      }
      long size = range[1];
      try {
        size = java.nio.file.Files.size(file);
      } catch (java.io.IOException e) {
        throw new dev.parjit.frame.io.FrameIOException("cannot read CSV file " + file + ": " + e.getMessage(), e);
      }
      piece = CsvReader.readRange(file, c.rank() == 0 ? 0 : size, size, schema, FrameMemory.allocator());
    } else if (failure != null) {
      throw failure; // a record the sequential read meets too (the ranks before it lined up)
    }
    DataFrame local = DataFrame.fromArrow(piece.vectors());
    long[] p = FrameComm.placementOf(local.numRows());
    return Placements.register(local, p[1], p[0]);
  }

  /** A rank's read start or stop that is not known (its read failed before it). */
  private static final long UNKNOWN = -2;

  /**
   * Whether the ranks' CSV ranges, read in rank order, differ from a read of the whole file: some
   * range that read starts elsewhere than where the ranges before it stopped. Up to the first rank
   * whose read failed, each rank's start is checked against its predecessors' stop (a failure at a
   * checked start is one the sequential read meets as well); a rank with no line start in its
   * range ({@code -1}) is passed over. One allreduce of three longs per rank.
   */
  private static boolean rangesMisaligned(Communicator c, long start, long end, boolean failed) {
    long[] all = new long[3 * c.size()];
    int me = c.rank();
    all[3 * me] = start;
    all[3 * me + 1] = end;
    all[3 * me + 2] = failed ? 1 : 0;
    c.allreduceInPlace(all, dev.parjit.mpi.ReduceOp.SUM);
    long stopped = -1;
    for (int r = 0; r < c.size(); r++) {
      long s = all[3 * r];
      if (s == -1) {
        continue; // nothing read
      }
      if (s == UNKNOWN) {
        return false; // failed before it knew its start: its exception is raised
      }
      if (stopped >= 0 && s != stopped) {
        return true;
      }
      if (all[3 * r + 2] != 0) {
        return false;
      }
      stopped = all[3 * r + 1];
    }
    return false;
  }

  /** {@code toParquet(dir)} of replicated data: written once, by rank 0; the others wait for it. */
  static void toParquetOnce(DataFrame df, String dir) {
    Communicator c = FrameComm.comm();
    RuntimeException failure = null;
    if (c.rank() == 0) {
      try {
        df.toParquet(dir);
        FrameCounters.add(FrameCounters.REPLICATED_ROWS_WRITTEN, df.numRows());
      } catch (RuntimeException e) {
        failure = e;
      }
    }
    agree(c, failure, "writing " + dir + " failed on rank 0");
  }

  /** Every rank learns whether one failed, so none waits in a later collective for a failed one. */
  private static void agree(Communicator c, RuntimeException failure, String elsewhere) {
    agree(failure, c.allreduce(failure == null ? 0 : 1, dev.parjit.mpi.ReduceOp.MAX), elsewhere);
  }

  /** {@link #agree} once the ranks' failure flags are combined ({@code failed}: any rank failed). */
  private static void agree(RuntimeException failure, int failed, String elsewhere) {
    if (failure != null) {
      throw failure;
    }
    if (failed != 0) {
      throw new dev.parjit.frame.io.FrameIOException(elsewhere);
    }
  }

  /**
   * {@code toParquet(dir)} of distributed data: every rank writes its part file; a barrier
   * afterwards, so the directory is complete when any rank goes on. When any rank fails, every rank
   * removes the part it wrote, so a failed write leaves no partial dataset behind (a reader would
   * take the parts that remain for the whole frame): the sequential write either appears whole or
   * not at all.
   */
  static void toParquet(DataFrame df, String dir) {
    Communicator c = FrameComm.comm();
    RuntimeException failure = null;
    try {
      if (c.rank() == 0) {
        FrameIO.clearParts(dir);
      }
    } catch (RuntimeException e) {
      failure = e;
    }
    // Cleared before anyone writes; when rank 0 could not clear, no rank writes.
    agree(c, failure, "clearing " + dir + " failed on rank 0");
    Path written = null;
    try {
      written = FrameIO.writePart(df, dir, c.rank());
    } catch (RuntimeException e) {
      failure = e;
    }
    int failed = c.allreduce(failure == null ? 0 : 1, dev.parjit.mpi.ReduceOp.MAX);
    if (failed != 0 && written != null) {
      try {
        FrameIO.removePart(written);
      } catch (RuntimeException e) {
        failure = e; // this rank's part stays: its exception names it
      }
    }
    agree(failure, failed, "writing " + dir + " failed on another rank");
  }
}
