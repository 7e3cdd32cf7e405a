package dev.parjit.frame.dist;

import dev.parjit.runtime.ParallelRuntime;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Rows this rank handled in each distributed frame path, so tests can tell that a path ran
 * distributed (every rank handled its share) and not through a sequential fallback. Counting a few
 * longs per operation costs nothing measurable. Counters are kept per rank (a process is one rank,
 * but unit tests simulate ranks as threads of one process) and only grow.
 */
public final class FrameCounters {

  /** Rows of a frame argument this rank received as its block from the driver (spawn mode). */
  public static final String SCATTERED_ROWS = "frameScatteredRows";
  /** Rows of a join's smaller side this rank received whole (broadcast join). */
  public static final String JOIN_BROADCAST_ROWS = "joinBroadcastRows";
  /** Rows of a join's larger side this rank probed against a broadcast side. */
  public static final String JOIN_PROBED_ROWS = "joinProbedRows";
  /** Rows this rank received from others in a join's hash shuffle. */
  public static final String JOIN_SHUFFLED_ROWS = "joinShuffledRows";

  /** Rows this rank sorted in a distributed sort (before the exchange). */
  public static final String SORTED_ROWS = "sortedRows";
  /** Rows this rank read as its block because whole row groups would split the rows unevenly. */
  public static final String BALANCED_READ_ROWS = "balancedReadRows";
  /** Rows this rank pre-aggregated in a distributed group-by. */
  public static final String GROUPED_ROWS = "groupedRows";
  /** Partial rows (this rank's groups) of a distributed group-by gathered on every rank, its few-groups path. */
  public static final String GROUP_PARTIALS_GATHERED = "groupPartialsGathered";
  /** Partial rows of a distributed group-by this rank shuffled by key range, its many-groups path. */
  public static final String GROUP_PARTIALS_SHUFFLED = "groupPartialsShuffled";
  /** Rows of a lazy result (spawn mode) this rank sent to the driver with the call's answer: a small result goes whole. */
  public static final String LAZY_ROWS_SENT_WHOLE = "lazyRowsSentWhole";
  /** Rows of a lazy result this rank sent because the driver asked for them after the call (head, tail, all). */
  public static final String LAZY_ROWS_FETCHED = "lazyRowsFetched";
  /**
   * Rows of a replicated frame this rank wrote with {@code toParquet} on behalf of every rank: rank 0
   * writes it once, the other ranks none (each writing the same files would race).
   */
  public static final String REPLICATED_ROWS_WRITTEN = "replicatedRowsWritten";
  /**
   * Distributed CSV reads this rank took part in whose ranges did not line up with the file's
   * records (a range boundary inside a quoted field spanning lines): rank 0 read those files whole.
   */
  public static final String CSV_WHOLE_READS = "csvWholeReads";
  /** Indexes of the rank's range in chunked row loops that read distributed series ({@code s.getDouble(i)}). */
  public static final String ROW_LOOP_ROWS = "rowLoopRows";

  private static final Map<Integer, Map<String, AtomicLong>> BY_RANK = new ConcurrentHashMap<>();

  private FrameCounters() { }

  /** Adds {@code rows} to this rank's counter {@code name}. */
  public static void add(String name, long rows) {
    mine().computeIfAbsent(name, k -> new AtomicLong()).addAndGet(rows);
  }

  /** This rank's counter {@code name} (0 if nothing was counted under it). */
  public static long get(String name) {
    AtomicLong c = mine().get(name);
    return c == null ? 0 : c.get();
  }

  /** This rank's counters, by name in alphabetical order. */
  public static Map<String, Long> snapshot() {
    Map<String, Long> out = new TreeMap<>();
    mine().forEach((k, v) -> out.put(k, v.get()));
    return out;
  }

  private static Map<String, AtomicLong> mine() {
    return BY_RANK.computeIfAbsent(ParallelRuntime.rank(), r -> new ConcurrentHashMap<>());
  }
}
