package dev.parjit.agent.spawn;

import java.io.Serializable;

/** What the driver and the workers send each other, over an authenticated loopback socket. */
public final class Messages {

  private Messages() { }

  /**
   * Driver to every worker: run this {@code @Jit} method with these arguments, after setting the
   * static fields it reads ({@code staticNames}, {@code owner.name:descriptor}) to the driver's
   * values at the call ({@code staticValues}); afterwards send back the arrays of the parameters
   * marked in {@code writeBack} (see {@link Reply#writeBacks()}).
   */
  public record Call(long id, String methodKey, Object[] args, String[] staticNames, Object[] staticValues,
      boolean[] writeBack, Receiver receiver) implements Serializable {
    private static final long serialVersionUID = 1L;

    public Call(long id, String methodKey, Object[] args) {
      this(id, methodKey, args, new String[0], new Object[0], new boolean[args.length], null);
    }
  }

  /**
   * An instance method's receiver, by value: its class and the fields the method reads. Each worker
   * makes its own object of that class (no constructor runs) with those fields set.
   */
  public record Receiver(String className, String[] fieldNames, Object[] fieldValues) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  /**
   * A rank's block of a 1D argument: items {@code [start, start + array.length)} of an array of
   * {@code globalLength}.
   */
  public record Chunk(Object array, long globalLength, long start) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  /**
   * An array argument the worker keeps under {@code id} for later calls ({@code payload}:
   * its {@link Chunk} or the whole array), then uses for this call.
   */
  public record Resident(long id, Object payload) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  /** An array argument the worker already keeps under {@code id}, unchanged since. */
  public record ResidentRef(long id) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  /**
   * An array argument the workers keep under {@code id} in the other form than the call needs:
   * with {@code whole}, every worker gathers the whole array from the blocks the workers keep (a
   * collective, in argument order) and keeps it whole; without, each worker cuts its block from the
   * whole array it keeps, and keeps that block instead when {@code keep} (the call writes it).
   */
  public record ResidentReshape(long id, boolean whole, boolean keep) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  /**
   * Driver to every worker: classes the workers cannot load from their class path (JShell
   * snippets, classes of the application's own loaders), as the driver's loader defined them,
   * before the call that needs them. A name sent again is a new version of that class. No reply.
   */
  public record DefineClasses(String[] names, byte[][] bytes) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  /**
   * Driver to every worker, before call {@code callId}: the driver compares some of its resident
   * arguments only while the workers run it, so it may discard the answer. The workers hold what the
   * call prints until the {@link Verdict}. No reply.
   */
  public record HoldOutput(long callId) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  /**
   * Driver to every worker, after the replies to a call announced by {@link HoldOutput}: whether the
   * driver took its answer ({@code accepted}: print what it held back) or discarded it (drop it: the
   * call is sent again). No reply.
   */
  public record Verdict(long callId, boolean accepted) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  /**
   * Worker to driver, as a reply's value: this rank's rows {@code [start, start + rows.length)} of
   * an array of rows the method returned ({@code globalRows} in all). The driver assembles the
   * returned array from every rank's block.
   */
  public record RowsBlock(Object rows, long globalRows, long start) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  /** Driver to every worker: forget these resident arguments. No reply. */
  public record DropResident(long[] ids) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  /** Driver to every worker: exit. */
  /**
   * A DataFrame or Series crossing the channel, encoded with the frame codec (frames are not
   * {@code Serializable}: their data lives in Arrow buffers).
   *
   * @param frame  the encoded frame (a Series travels as a one-column frame)
   * @param series whether the value is a Series
   * @param labels a Series' index labels, or {@code null}
   * @param name   a Series' name, or {@code null} (reduction results have none)
   */
  public record FrameValue(byte[] frame, boolean series, String[] labels, String name) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  /**
   * One rank's block of a frame argument the method keeps 1D: rows {@code [start, start + rows)} of
   * {@code globalRows}, so each worker receives only its rows (Bodo's block formula).
   */
  public record FrameChunk(FrameValue block, long globalRows, long start) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  /**
   * A distributed frame kept on the workers under {@code id} (the call's id): the driver's lazy
   * frame gets its row count, schema and first rows from here.
   */
  public record LazyResult(long id, long rows, String[] names, String[] dtypes, byte[] preview) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  /** A lazy result passed into another call: only its id travels. */
  public record LazyRef(long id) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  /** Rows of a lazy result for the driver: the first or last {@code k}, or all of them. */
  public record Fetch(long callId, long resultId, String part, int k) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  /** Lazy results the driver dropped. No reply. */
  public record Free(long[] ids) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  /** Asks each worker for its registry size and Arrow memory (tests, diagnostics). */
  public record StatsRequest(long callId) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  /**
   * A worker's answer to {@link StatsRequest}; {@code cache} holds its compile-cache counters
   * (analyses, hits, misses, stores, rejected), {@code loopIndexes} how many loop indexes its
   * chunked loops gave it so far; the frame counters are the rows this rank handled in each
   * distributed frame path (empty without the frame library).
   */
  public record WorkerStats(int liveResults, long arrowBytes, long specializationsCompiled,
      long specializationsReused, long[] cache, long loopIndexes, String[] frameCounterNames,
      long[] frameCounterValues) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  public record Shutdown() implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  /**
   * Worker to driver: the call ended. Rank 0 carries the value; a failure carries its description.
   * {@code writeBacks} holds, per parameter the method writes into, this rank's chunk of it (a
   * scattered array) or, from rank 0, the whole array (one sent whole); {@code null} elsewhere.
   */
  public record Reply(long id, int rank, Object value, RemoteFailure failure, Object[] writeBacks)
      implements Serializable {
    private static final long serialVersionUID = 1L;

    public Reply(long id, int rank, Object value, RemoteFailure failure) {
      this(id, rank, value, failure, null);
    }
  }

  /**
   * An exception thrown on a worker, described by value: the driver need not (and must not)
   * deserialize arbitrary exception classes.
   */
  public record RemoteFailure(String type, String message, StackTraceElement[] stack) implements Serializable {
    private static final long serialVersionUID = 1L;

    public static RemoteFailure of(Throwable t) {
      return new RemoteFailure(t.getClass().getName(), t.getMessage(), t.getStackTrace());
    }
  }
}
