package dev.parjit.agent.spawn;

import dev.parjit.ParjitExecutionException;
import dev.parjit.agent.AgentOptions;
import dev.parjit.agent.startup.PreparedClasses;
import dev.parjit.agent.startup.StartupLog;
import dev.parjit.agent.startup.CacheSweep;
import dev.parjit.agent.startup.DriverArchive;
import dev.parjit.agent.startup.AotClassLinking;
import dev.parjit.agent.startup.WorkerArchive;
import dev.parjit.agent.startup.WorkerClasspath;
import dev.parjit.agent.trace.DriverTrace;
import dev.parjit.agent.worker.WorkerMain;
import dev.parjit.lazy.LazyResultSource;
import dev.parjit.mpi.launch.AuthenticatingAcceptor;
import dev.parjit.mpi.launch.JobSecret;
import dev.parjit.mpi.launch.LaunchResult;
import dev.parjit.mpi.launch.Launcher;
import dev.parjit.mpi.launch.NetworkChoice;
import dev.parjit.mpi.launch.Placement;
import dev.parjit.runtime.BlockDistribution;
import dev.parjit.runtime.Dispatch;
import dev.parjit.runtime.Dispatcher;
import java.lang.reflect.Array;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Spawn mode on the driver. The first {@code @Jit} call starts {@code workers} worker JVMs
 * (MPJ Express ranks) through the {@link Launcher}; every call is then sent to all of them and
 * the result comes from rank 0. The caller's arrays the method writes are copied back from the
 * replies, statics and receiver fields it reads are sent with the call, and a call that cannot be
 * shipped faithfully (aliased arguments of a writing method) or that failed on the workers is
 * answered with {@link Dispatch#runHere()}: the stub then runs the original code here, which
 * raises the sequential exception. If the other ranks do not finish soon after a failure (they may
 * wait in a collective), or a worker dies ({@link ParjitExecutionException}), the workers are
 * replaced at the next call.
 *
 * <p>Array and frame arguments the analysis makes 1D are scattered: each worker receives only its
 * block (Bodo's formula); every other argument is sent whole to every worker.
 */
public final class SpawnDispatcher implements Dispatcher, LazyResultSource {

  private static final Logger LOG = LoggerFactory.getLogger(SpawnDispatcher.class);
  private static final long START_TIMEOUT_MS = 60_000;
  private static final long FAILURE_GRACE_MS = 500;

  private record Disconnected(int rank) { }

  private final AgentOptions options;
  private final Path agentJar;
  private Launcher job;
  private List<Channel> channels = List.of();
  private final ReplyInbox inbox = new ReplyInbox();
  private long nextId;
  private boolean broken;
  private volatile long generation;
  /** Lazy results dropped on the driver (by the Cleaner's thread): freed before the next message. */
  private final java.util.concurrent.ConcurrentLinkedQueue<long[]> pendingFrees = new java.util.concurrent.ConcurrentLinkedQueue<>();
  private final java.util.concurrent.atomic.AtomicLong bytesToDriver = new java.util.concurrent.atomic.AtomicLong();
  /** When and on how many threads resident arguments are compared, for these options' workers. */
  private final ResidentCheckPlan checkPlan;
  private final ResidentInputs residents;
  /** Classes shipped as bytes to the running workers: name to the serial of the version sent. */
  private final Map<String, Long> shippedClasses = new java.util.HashMap<>();

  /** The workers' class-data-sharing archive, once the first start looked for it. */
  private WorkerArchive archive;
  private final java.util.concurrent.atomic.AtomicBoolean prestarted = new java.util.concurrent.atomic.AtomicBoolean();

  /**
   * {@code -Dparjit.speculativeResidentCheck=true|false|auto}: whether resident arguments that matched
   * before are compared while the workers run a call, rather than before it is sent ({@link ResidentCheckPlan};
   * {@code auto}, the default, when the driver has a processor no local worker uses).
   */
  public static final String SPECULATIVE_CHECK_PROPERTY = ResidentCheckPlan.PROPERTY;

  /** Methods these workers answered without failure: compiled there, so they may run speculatively. */
  private final java.util.Set<String> completedMethods = new java.util.HashSet<>();

  /** Whether these workers answered a call yet (the start-up log marks the first). */
  private boolean firstCallAnswered;

  /** Returned arrays of rows assembled from every rank's block (tests check the path is taken). */
  private long rowsAssembled;

  /** Calls that failed on the workers and ran on the driver: tests check that none fell back quietly. */
  private long callsRunOnDriverAfterFailure;

  public SpawnDispatcher(AgentOptions options, Path agentJar) {
    this.options = options;
    this.agentJar = agentJar;
    this.checkPlan = ResidentCheckPlan.of(System.getProperty(SPECULATIVE_CHECK_PROPERTY),
        Runtime.getRuntime().availableProcessors(), options.workerPlacement());
    this.residents = new ResidentInputs(checkPlan.slicesBeforeSend(), checkPlan.slicesDeferred());
    Runtime.getRuntime().addShutdownHook(new Thread(this::atExit, "parjit-spawn-shutdown"));
  }

  @Override
  public Object invoke(String methodKey, Object[] args) {
    return invoke(null, methodKey, args);
  }

  /**
   * Ships the call, or answers {@link Dispatch#runHere()} so the stub runs the original code on the
   * driver: when its arrays alias, and when it failed on the workers (the original code then
   * raises the sequential exception after the sequential partial effects).
   */
  @Override
  public Object invoke(Class<?> owner, String methodKey, Object[] args) {
    return invoke(owner, methodKey, null, args);
  }

  @Override
  public synchronized Object invoke(Class<?> owner, String methodKey, Object receiver, Object[] args) {
    DriverTrace.enter(nextId + 1);
    Dispatch.Signature signature = Dispatch.signature(methodKey);
    String[] staticNames = signature == null ? new String[0] : signature.staticReads();
    Object[] statics;
    Messages.Receiver shipped = null;
    try {
      statics = FieldValues.readStatics(owner == null ? null : owner.getClassLoader(), staticNames);
      if (receiver != null) {
        String[] fieldNames = signature == null ? new String[0] : signature.fieldReads();
        shipped = new Messages.Receiver(receiver.getClass().getName(), fieldNames,
            FieldValues.readFields(receiver, fieldNames));
      }
    } catch (ClassInitialization.NotInitialized e) {
      LOG.info("parjit: {} runs on the driver for this call: {}", shortName(methodKey), e.getMessage());
      return Dispatch.runHere();
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      LOG.info("parjit: {} runs on the driver for this call: the fields it reads could not be read ({})",
          shortName(methodKey), e.toString());
      return Dispatch.runHere();
    }
    Object[] held = shipped == null ? statics : concat(statics, shipped.fieldValues());
    String alias = signature != null && Aliasing.writesAny(signature.writtenParams()) ? Aliasing.find(args, held)
        : null;
    if (alias != null) {
      LOG.info("parjit: {} runs on the driver for this call: {}", shortName(methodKey), alias);
      return Dispatch.runHere();
    }
    if (job == null || broken) {
      startWorkers();
    }
    flushFrees();
    shipClasses(owner);
    long id = ++nextId;
    long tCheck = System.nanoTime();
    long checkCpu0 = residents.checkCpuNanos();
    boolean[] writeBack = signature == null ? new boolean[args.length] : signature.writtenParams();
    // A method these workers ran before may be sent before its resident arguments are compared
    // (their first run compiled it, so a discarded run leaves nothing behind but its output).
    boolean speculate = checkPlan.speculate() && completedMethods.contains(methodKey);
    ResidentInputs.Decision[] resident = residentDecisions(args, writeBack,
        signature == null ? new boolean[args.length] : signature.distributedParams(), speculate);
    flushFrees(); // including the resident arguments just replaced
    boolean speculative = residents.hasDeferred();
    if (speculative) {
      sendAll(new Messages.HoldOutput(id), "announcing a call");
    }
    long tSend = System.nanoTime();
    DriverTrace.sendStart(id);
    for (int r = 0; r < channels.size(); r++) {
      try {
        channels.get(r).send(new Messages.Call(id, methodKey, argsFor(r, args, signature, resident),
            staticNames, statics, writeBack, shipped));
        DriverTrace.sent(id, r);
      } catch (IOException e) {
        broken = true;
        return runHereAfterWorkerLoss(methodKey, "worker rank " + r + " is unreachable (" + e.getMessage() + ")");
      }
    }
    long tWait = System.nanoTime();
    if (id == 1) {
      StartupLog.mark("call 1 shipped");
    }
    // The comparisons deferred above, while the workers compute: a changed argument fails the call.
    long tDeferred = System.nanoTime();
    boolean unchanged = !speculative || residents.verifyDeferred();
    tDeferred = System.nanoTime() - tDeferred;
    Messages.Reply[] replies = collectReplies(methodKey, id, false);
    if (replies == null) {
      return runHereAfterWorkerLoss(methodKey, "a worker died during " + shortName(methodKey));
    }
    long tReplied = System.nanoTime();
    DriverTrace.woke(id);
    if (!firstCallAnswered) {
      // Once per set of workers: at debug level a mark reads the process's CPU time from the OS, which
      // cost every call 0.1-0.2 ms of the breakdown logged below.
      firstCallAnswered = true;
      StartupLog.markWithThreads("call " + id + " answered");
    }
    if (speculative) {
      sendAll(new Messages.Verdict(id, unchanged), "answering a call");
    }
    if (!unchanged) {
      discard(replies);
      for (int k = 0; k < resident.length; k++) {
        if (resident[k] != null && writeBack[k]) {
          residents.forget(resident[k].id()); // the blocks the call wrote are stale: sent again from the caller's array
        }
      }
      LOG.debug("call {} #{}: a resident argument changed on the driver; its answer is discarded and the call sent"
          + " again", shortName(methodKey), id);
      return invoke(owner, methodKey, receiver, args); // nothing is resident now: no speculation
    }
    Messages.Reply failed = firstFailure(replies);
    if (failed != null) {
      residents.forgetAll(); // what the workers kept is unknown after a failure
      callsRunOnDriverAfterFailure++;
      LOG.info("parjit: {} failed on worker rank {} ({}: {}); running it on the driver", shortName(methodKey),
          failed.rank(), failed.failure().type(), failed.failure().message());
      return Dispatch.runHere();
    }
    if (!rowsFit(args, replies, signature)) {
      residents.forgetAll(); // the workers wrote blocks the driver does not take
      LOG.info("parjit: {} runs on the driver for this call: the rows it wrote do not have the shape of the caller's rows",
          shortName(methodKey));
      return Dispatch.runHere();
    }
    completedMethods.add(methodKey);
    writeBack(args, replies, signature);
    for (int k = 0; k < resident.length; k++) {
      if (resident[k] != null && writeBack[k]) {
        // The workers' blocks hold what was just copied back; the blocks received record it.
        Object[] blocks = new Object[replies.length];
        int[] starts = new int[replies.length];
        for (int r = 0; r < replies.length; r++) {
          blocks[r] = replies[r].writeBacks()[k];
          starts[r] = (int) BlockDistribution.start(Array.getLength(args[k]), replies.length, r);
        }
        residents.written(resident[k].id(), args[k], blocks, starts);
      }
    }
    if (signature != null && signature.returnedParam() >= 0) {
      logBreakdown(methodKey, id, tCheck, tSend, tWait, tDeferred, tReplied, residents.checkCpuNanos() - checkCpu0);
      DriverTrace.end(id);
      return args[signature.returnedParam()]; // the caller gets its own object back, as written back
    }
    Object value = valueOf(replies);
    logBreakdown(methodKey, id, tCheck, tSend, tWait, tDeferred, tReplied, residents.checkCpuNanos() - checkCpu0);
    DriverTrace.end(id);
    return value;
  }

  /**
   * At debug level, where a call's time went on the driver: checking and deciding resident
   * arguments, encoding and sending the call, waiting for every reply (the workers' time and the
   * replies' transfer, decoded by the reader threads; the comparisons deferred to that time, of
   * {@code deferred} nanoseconds, included), then copying back and assembling the value; and the CPU
   * time of every comparison of the call (wall time on a shared machine includes waiting for a core).
   */
  private static void logBreakdown(String methodKey, long id, long tCheck, long tSend, long tWait, long deferred,
      long tReplied, long checkCpu) {
    if (LOG.isDebugEnabled()) {
      long end = System.nanoTime();
      LOG.debug("call {} #{} on the driver: resident decisions {} us, send {} us, wait {} us (of which comparing"
          + " resident arguments {} us), write-back and value {} us; comparing took {} us of CPU", shortName(methodKey),
          id, (tSend - tCheck) / 1000, (tWait - tSend) / 1000, (tReplied - tWait) / 1000, deferred / 1000,
          (end - tReplied) / 1000, checkCpu / 1000);
    }
  }

  /** Lazy results of a discarded call are freed on the workers; nothing else of it is kept. */
  private void discard(Messages.Reply[] replies) {
    for (Messages.Reply r : replies) {
      if (r != null && r.value() instanceof Messages.LazyResult lazy) {
        pendingFrees.add(new long[] {lazy.id()});
      }
    }
  }

  /** Sends the classes of the owner's loader that the workers cannot load and have not received yet. */
  private void shipClasses(Class<?> owner) {
    List<ShippedClasses.Version> unsent = ShippedClasses.unsent(owner, shippedClasses);
    if (unsent.isEmpty()) {
      return;
    }
    String[] names = new String[unsent.size()];
    byte[][] bytes = new byte[unsent.size()][];
    for (int k = 0; k < names.length; k++) {
      names[k] = unsent.get(k).name();
      bytes[k] = unsent.get(k).bytes();
    }
    LOG.debug("shipping {} classes to the workers: {}", names.length, String.join(", ", names));
    sendAll(new Messages.DefineClasses(names, bytes), "shipping classes");
  }

  private static Object[] concat(Object[] a, Object[] b) {
    Object[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /** Whether every written array of rows can be copied back into the caller's own rows (before anything is). */
  private boolean rowsFit(Object[] args, Messages.Reply[] replies, Dispatch.Signature signature) {
    if (signature == null) {
      return true;
    }
    boolean[] written = signature.writtenParams();
    for (int k = 0; k < written.length && k < args.length; k++) {
      if (!written[k] || !(args[k] instanceof Object[] rows)) {
        continue;
      }
      for (int r = 0; r < replies.length; r++) {
        boolean scattered = signature.distributedParams()[k];
        if ((scattered || r == 0) && !RowCopy.fits(rows, replies[r].writeBacks()[k],
            scattered ? (int) BlockDistribution.start(rows.length, replies.length, r) : 0)) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * Copies what the workers wrote into the caller's arrays: each rank's chunk of a scattered array
   * at its block's start, rank 0's copy of an array sent whole. Arrays of rows are copied row by row
   * into the caller's row objects ({@link RowCopy}).
   */
  private void writeBack(Object[] args, Messages.Reply[] replies, Dispatch.Signature signature) {
    if (signature == null) {
      return;
    }
    boolean[] written = signature.writtenParams();
    int p = replies.length;
    for (int k = 0; k < written.length && k < args.length; k++) {
      if (!written[k] || args[k] == null || !args[k].getClass().isArray()) {
        continue;
      }
      int n = Array.getLength(args[k]);
      if (signature.distributedParams()[k]) {
        for (int r = 0; r < p; r++) {
          Object chunk = replies[r].writeBacks()[k];
          if (args[k] instanceof Object[]) {
            RowCopy.copyInto(args[k], chunk, (int) BlockDistribution.start(n, p, r));
          } else {
            System.arraycopy(chunk, 0, args[k], (int) BlockDistribution.start(n, p, r), Array.getLength(chunk));
          }
        }
      } else if (args[k] instanceof Object[]) {
        RowCopy.copyInto(args[k], replies[0].writeBacks()[k], 0);
      } else {
        System.arraycopy(replies[0].writeBacks()[k], 0, args[k], 0, n);
      }
    }
  }

  /**
   * For each large array argument read, or written block by block, whether the workers keep it
   * already and in which form (else: keep it now). An array passed twice to a method that only
   * reads it ({@code dot(r, r)}) is compared once.
   */
  private ResidentInputs.Decision[] residentDecisions(Object[] args, boolean[] written, boolean[] distributed,
      boolean speculate) {
    residents.beginCall();
    ResidentInputs.Decision[] out = new ResidentInputs.Decision[args.length];
    ResidentInputs.Form[] forms = new ResidentInputs.Form[args.length];
    for (int k = 0; k < args.length; k++) {
      boolean writes = k < written.length && written[k];
      boolean block = k < distributed.length && distributed[k];
      if (writes ? !(block && ResidentInputs.keepsWrittenBlocks(args[k])) : !ResidentInputs.eligible(args[k])) {
        continue;
      }
      forms[k] = block ? ResidentInputs.Form.BLOCK : ResidentInputs.Form.WHOLE;
      int same = earlierSame(args, out, forms, k);
      out[k] = same >= 0 && !writes ? residents.again(out[same])
          : residents.decide(args[k], forms[k], writes, speculate);
    }
    return out;
  }

  /** An earlier argument that is the same array needed in the same form, or -1. */
  private static int earlierSame(Object[] args, ResidentInputs.Decision[] decided, ResidentInputs.Form[] forms, int k) {
    for (int j = 0; j < k; j++) {
      if (decided[j] != null && args[j] == args[k] && forms[j] == forms[k]) {
        return j;
      }
    }
    return -1;
  }

  /**
   * Rank r's arguments: its block of each 1D array argument, every other argument whole; a resident
   * argument the workers keep already travels as its id, one they are to keep wrapped with it.
   */
  private Object[] argsFor(int rank, Object[] args, Dispatch.Signature signature, ResidentInputs.Decision[] resident) {
    boolean[] distributed = signature == null ? new boolean[args.length] : signature.distributedParams();
    Object[] out = args.clone();
    int p = channels.size();
    for (int k = 0; k < args.length; k++) {
      if (resident[k] != null && resident[k].known()) {
        out[k] = switch (resident[k].action()) {
          case SLICE -> new Messages.ResidentReshape(resident[k].id(), false, false);
          case SLICE_AND_KEEP -> new Messages.ResidentReshape(resident[k].id(), false, true);
          case GATHER -> new Messages.ResidentReshape(resident[k].id(), true, true);
          default -> new Messages.ResidentRef(resident[k].id());
        };
        continue;
      }
      if (distributed[k] && args[k] != null && args[k].getClass().isArray()) {
        int n = Array.getLength(args[k]);
        int start = (int) BlockDistribution.start(n, p, rank);
        int count = BlockDistribution.count(n, p, rank);
        Object chunk = Array.newInstance(args[k].getClass().getComponentType(), count);
        System.arraycopy(args[k], start, chunk, 0, count);
        out[k] = new Messages.Chunk(chunk, n, start);
      } else if (FrameNames.isFrame(args[k])) {
        // A lazy result of these workers travels as its id; a 1D frame as this rank's block.
        out[k] = FrameTransport.argument(this, args[k], distributed[k], rank, p);
      }
      if (resident[k] != null) {
        out[k] = new Messages.Resident(resident[k].id(), out[k]);
      }
    }
    return out;
  }

  private Object collect(String methodKey, long id) {
    return valueOf(collectReplies(methodKey, id, true));
  }

  private Object valueOf(Messages.Reply[] replies) {
    Object value = replies[0].value();
    if (value instanceof Messages.RowsBlock) {
      rowsAssembled++;
      return RowBlocks.assemble(replies);
    }
    if (value instanceof Messages.LazyResult lazy) {
      return FrameTransport.lazyFrame(this, lazy, generation);
    }
    return value instanceof Messages.FrameValue ? FrameTransport.fromWire(value) : value;
  }

  /**
   * A worker died or cannot be reached (killed, out of memory, a crash): nothing the call did
   * reached the caller's arrays, so its original code runs here, as a failed call's does; the
   * workers are broken and restart at the next call.
   */
  private Object runHereAfterWorkerLoss(String methodKey, String what) {
    residents.forgetAll();
    callsRunOnDriverAfterFailure++;
    LOG.warn("parjit: {}; running {} on the driver (the workers restart at the next call)", what, shortName(methodKey));
    return Dispatch.runHere();
  }

  /** The reply of the lowest failed rank (its iterations come first in the sequential order), or null. */
  private static Messages.Reply firstFailure(Messages.Reply[] replies) {
    for (Messages.Reply r : replies) {
      if (r != null && r.failure() != null) {
        return r;
      }
    }
    return null;
  }

  /**
   * Every rank's reply to call {@code id}. After a first failure the other ranks get
   * {@link #FAILURE_GRACE_MS} (they agree on failures at the end of each parallel loop, so they
   * normally answer at once); ranks still busy then are stuck, and the workers are restarted at the
   * next call. With {@code throwFailure}, a failure is thrown as a {@link ParjitExecutionException},
   * and so is a worker's death; without it a death returns {@code null}.
   */
  private Messages.Reply[] collectReplies(String methodKey, long id, boolean throwFailure) {
    int n = channels.size();
    Messages.Reply[] replies = new Messages.Reply[n];
    int received = 0;
    long deadline = Long.MAX_VALUE;
    while (received < n) {
      Object msg;
      try {
        long wait = deadline == Long.MAX_VALUE ? 1000 : Math.max(1, deadline - System.currentTimeMillis());
        msg = inbox.take(n - received, wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        broken = true;
        throw new ParjitExecutionException("interrupted while waiting for " + shortName(methodKey), -1, e);
      }
      if (msg instanceof Disconnected d) {
        broken = true;
        if (!throwFailure) {
          return null;
        }
        throw new ParjitExecutionException("@Jit call " + shortName(methodKey) + " failed: worker rank " + d.rank()
            + " died; the workers will be restarted", d.rank(), null);
      }
      if (msg instanceof Messages.Reply reply && reply.id() == id) {
        replies[reply.rank()] = reply;
        received++;
        if (reply.failure() != null && deadline == Long.MAX_VALUE) {
          deadline = System.currentTimeMillis() + FAILURE_GRACE_MS;
        }
      }
      if (msg == null && System.currentTimeMillis() >= deadline) {
        broken = true; // some ranks are stuck, probably in a collective with the failed one
        break;
      }
    }
    Messages.Reply r = firstFailure(replies);
    if (r != null && throwFailure) {
      Messages.RemoteFailure f = r.failure();
      throw new ParjitExecutionException("@Jit call " + shortName(methodKey) + " failed on rank " + r.rank() + ": "
          + f.type() + (f.message() == null ? "" : ": " + f.message()), r.rank(), RemoteExceptions.rebuild(f));
    }
    return replies;
  }

  /** Which set of workers is running: lazy results die with their workers. */
  @Override
  public long generation() {
    return generation;
  }

  /** Rows of a lazy result: {@code part} is head, tail or all. */
  @Override
  public synchronized dev.parjit.frame.DataFrame fetch(long resultId, long resultGeneration, String part, int k) {
    if (resultGeneration != generation || job == null || broken) {
      throw new ParjitExecutionException("a lazy result is gone: its workers were restarted after a failure", -1, null);
    }
    flushFrees();
    long id = ++nextId;
    sendAll(new Messages.Fetch(id, resultId, part, k), "fetching a lazy result");
    return (dev.parjit.frame.DataFrame) collect("fetch of lazy result #" + resultId + "(", id);
  }

  /** Queues a dropped lazy result to be freed on the workers (any thread, never blocks on a call). */
  @Override
  public void free(long resultId, long resultGeneration) {
    if (resultGeneration == generation) {
      pendingFrees.add(new long[] {resultId});
    }
  }

  private void flushFrees() {
    List<Long> ids = new ArrayList<>();
    for (long[] r; (r = pendingFrees.poll()) != null; ) {
      ids.add(r[0]);
    }
    if (!ids.isEmpty() && job != null && !broken) {
      sendAll(new Messages.Free(ids.stream().mapToLong(Long::longValue).toArray()), "freeing lazy results");
    }
    long[] dropped = residents.takeDropped();
    if (dropped.length > 0 && job != null && !broken) {
      sendAll(new Messages.DropResident(dropped), "dropping resident arguments");
    }
  }

  /**
   * Counters for tests and diagnostics: bytes moved to the driver, and each worker's lazy results
   * and Arrow memory (asked for, after pending frees are applied).
   */
  public synchronized Map<String, Long> stats() {
    Map<String, Long> out = new java.util.LinkedHashMap<>();
    out.put("bytesToDriver", bytesToDriver.get());
    out.put("residentArgumentsReused", residents.reused());
    out.put("residentArgumentsGatheredOnWorkers", residents.gathered());
    out.put("residentCheckNanos", residents.checkNanos());
    out.put("residentCheckCpuNanos", residents.checkCpuNanos());
    out.put("residentSpeculationsFailed", residents.speculationsFailed());
    out.put("returnedRowsAssembled", rowsAssembled);
    out.put("callsRunOnDriverAfterFailure", callsRunOnDriverAfterFailure);
    if (job == null || broken) {
      return out;
    }
    flushFrees();
    long id = ++nextId;
    sendAll(new Messages.StatsRequest(id), "asking for statistics");
    Messages.Reply[] replies = collectReplies("stats(", id, true);
    long results = 0;
    long arrow = 0;
    long compiled = 0;
    long reused = 0;
    for (Messages.Reply r : replies) {
      if (r.value() instanceof Messages.WorkerStats w) {
        results += w.liveResults();
        arrow += w.arrowBytes();
        // Every rank compiles the same specializations: rank 0's count is the job's.
        if (r.rank() == 0) {
          compiled = w.specializationsCompiled();
          reused = w.specializationsReused();
        }
        for (int k = 0; w.frameCounterNames() != null && k < w.frameCounterNames().length; k++) {
          String name = w.frameCounterNames()[k];
          out.put("worker" + r.rank() + Character.toUpperCase(name.charAt(0)) + name.substring(1),
              w.frameCounterValues()[k]);
        }
        String[] names = {"Analyses", "Hits", "Misses", "Stores", "Rejected"};
        for (int k = 0; k < names.length; k++) {
          out.put("worker" + r.rank() + "Cache" + names[k], w.cache()[k]); // per rank: each has its own cache reads
        }
        out.put("worker" + r.rank() + "LoopIndexes", w.loopIndexes()); // how the chunked loops split the work
      }
    }
    out.put("workerLazyResults", results);
    out.put("workerArrowBytes", arrow);
    out.put("workerSpecializations", compiled);
    out.put("workerSpecializationReuses", reused);
    return out;
  }

  /** Counts what a worker's message cost the driver to receive. */
  void received(long bytes) {
    bytesToDriver.addAndGet(bytes);
  }

  private void sendAll(Object message, String what) {
    for (int r = 0; r < channels.size(); r++) {
      try {
        channels.get(r).send(message);
      } catch (IOException e) {
        broken = true;
        throw new ParjitExecutionException(what + " failed: worker rank " + r + " is unreachable (" + e.getMessage()
            + "); the workers will be restarted", r, e);
      }
    }
  }

  /**
   * {@code -Dparjit.earlyWorkers=false}: the workers start at the first call, not when the first {@code @Jit} class
   * is compiled (nor as the agent starts, see {@link dev.parjit.agent.startup.StartHint}).
   */
  public static final String EARLY_START_PROPERTY = "parjit.earlyWorkers";

  /** Whether workers may start before the first call. */
  public static boolean earlyStart() {
    return Boolean.parseBoolean(System.getProperty(EARLY_START_PROPERTY, "true"));
  }

  /** Classes with spawn-mode methods the workers load (and so compile) while MPI starts: {@link PreparedClasses}. */
  private final java.util.Set<String> preparedClasses = java.util.Collections.synchronizedSet(new java.util.LinkedHashSet<>());

  /**
   * Starts the workers on a background thread, so they boot while the driver still loads and
   * compiles: called when the first class with a spawn-mode {@code @Jit} method is about to be
   * compiled (before its analysis, so the workers boot during it), or as the agent starts when an
   * earlier run of the program compiled such classes. The workers load {@code classes} (binary
   * names) while MPI starts. The first call
   * waits for them (this object's lock); a failed start is retried, and reported, by that call.
   * Workers never called are stopped at exit like any others.
   */
  public void prestart(java.util.Collection<String> classes) {
    if (!earlyStart()) {
      return;
    }
    preparedClasses.addAll(classes);
    if (!prestarted.compareAndSet(false, true)) {
      return;
    }
    Thread t = new Thread(this::startUnlessRunning, "parjit-worker-prestart");
    t.setDaemon(true);
    t.start();
  }

  private synchronized void startUnlessRunning() {
    if (job != null || exiting) {
      return;
    }
    try {
      startWorkers();
    } catch (RuntimeException e) {
      if (exiting) {
        LOG.debug("parjit: the program exited while its workers started; they were stopped");
      } else {
        LOG.info("parjit: starting the workers early failed ({}); the first call starts them", e.toString());
      }
    }
  }

  /** Set when the JVM shuts down: a start still waiting for its workers gives up at once. */
  private volatile boolean exiting;

  /**
   * At exit: stops the workers. A program can return while its workers still boot (they start
   * before its first call); the start waiting for them sees {@link #exiting} within one poll and
   * gives up, instead of holding this object's lock, and the exit, until its time-out.
   */
  private void atExit() {
    exiting = true;
    stopWorkers();
    DriverArchive.afterRun(nextId > 0, options.jitPatterns());
    if (archive != null) { // this run started workers, so it may have added archives, hints or left-overs
      CacheSweep.sweepDefaultDirectories();
    }
  }

  private void startWorkers() {
    stopWorkers();
    broken = false;
    inbox.clear();
    pendingFrees.clear(); // their rows died with the old workers
    residents.clear();
    completedMethods.clear();
    firstCallAnswered = false;
    shippedClasses.clear(); // new workers have none of them
    generation++;
    int n = options.workers();
    Placement placement = options.workerPlacement();
    JobSecret secret = JobSecret.generate();
    long t0 = System.nanoTime();
    StartupLog.mark("starting " + n + " workers");
    String classpath = WorkerClasspath.of(System.getProperty("java.class.path"), agentJar);
    if (archive == null) {
      // Decided on the user's options alone: the prepared classes below depend on the archive
      List<String> users = new ArrayList<>(inheritedJvmOptions());
      users.addAll(options.workerJvm());
      List<String> commandLine = new ArrayList<>(List.of(Launcher.ADD_OPENS_NIO)); // as the launcher orders them
      commandLine.addAll(users);
      commandLine.add("-javaagent:" + agentJar);
      archive = WorkerArchive.forWorkers(classpath, users, AotClassLinking.moduleOptions(commandLine),
          WorkerArchive.defaultDirectory());
    }
    List<String> jvmOptions = workerJvmOptions();
    InetAddress address = NetworkChoice.launcherAddress(placement, options.iface());
    BlockingQueue<Channel.Accepted> arrivals = new LinkedBlockingQueue<>();
    try (ServerSocket server = new ServerSocket(0, 64, address);
         AuthenticatingAcceptor acceptor = new AuthenticatingAcceptor(server, secret, Channel.PURPOSE, s -> {
           Channel.Accepted a = Channel.afterProof(s);
           if (a != null) {
             arrivals.add(a);
           }
         })) {
      job = Launcher.builder().placement(placement).secret(secret).iface(options.iface())
          .classpath(classpath)
          .jvmOptions(archive.options()).rankJvmOptions(0, archive.recordingOptions())
          .jvmOptions(jvmOptions).agent("-javaagent:" + agentJar + "=" + workerAgentOptions())
          .mainClass(WorkerMain.class.getName())
          .env(Map.of(WorkerMain.DRIVER_ENV, address.getHostAddress() + ":" + server.getLocalPort()))
          .start();
      StartupLog.mark("workers launched" + (archive.ready() ? " (class-data-sharing archive " + archive.file() + ")" : ""));
      Channel[] byRank = new Channel[n];
      int connected = 0;
      long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
      while (connected < n) {
        LaunchResult failed = job.failure();
        if (failed != null) {
          throw new IllegalStateException(connected + " of " + n + " workers connected before " + failed.message());
        }
        if (System.currentTimeMillis() > deadline) {
          throw new IllegalStateException(connected + " of " + n + " workers connected before the time-out");
        }
        if (exiting) {
          throw new IllegalStateException("the program is exiting");
        }
        Channel.Accepted a;
        try {
          a = arrivals.poll(100, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while the workers started");
        }
        if (a == null) {
          continue;
        }
        if (a.rank() < 0 || a.rank() >= n || byRank[a.rank()] != null) {
          a.channel().close();
          LOG.warn("parjit: dropped a worker channel connection announcing rank {} (proved the secret, but that rank is"
              + " taken or out of range)", a.rank());
          continue;
        }
        byRank[a.rank()] = a.channel();
        connected++;
      }
      if (acceptor.rejected() > 0) {
        LOG.warn("parjit: dropped {} connection(s) to the worker channel that did not prove the job's secret",
            acceptor.rejected());
      }
      channels = List.of(byRank);
      DriverTrace.start(n);
      for (int r = 0; r < n; r++) {
        startReader(r, byRank[r]);
      }
      LOG.info("started {} workers in {} ms", n, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
      StartupLog.mark("workers connected");
    } catch (IOException | RuntimeException e) {
      stopWorkers();
      throw new ParjitExecutionException("could not start " + n + " Parjit workers: " + e.getMessage(), -1, e);
    }
  }

  private void startReader(int rank, Channel channel) {
    Thread t = new Thread(() -> {
      while (true) {
        try {
          Object message = channel.receive();
          if (message instanceof Messages.Reply reply) {
            DriverTrace.reply(reply.id(), reply.rank());
          }
          received(channel.takeBytesReceived());
          inbox.add(message);
        } catch (IOException e) {
          inbox.add(new Disconnected(rank));
          return;
        }
      }
    }, "parjit-worker-" + rank + "-reader");
    t.setDaemon(true);
    t.start();
  }

  /**
   * A worker's GC threads: its share of the machine's processors. The workers together fill the
   * machine, so a collection running one thread per processor in one worker would stall the other
   * workers' computation (and so the whole call) for its pause; ranks of an MPI job get one
   * processor's worth each, like {@code OMP_NUM_THREADS} per rank.
   */
  static String gcThreadsOption(int processors, int workers) {
    return "-XX:ParallelGCThreads=" + Math.max(1, processors / Math.max(1, workers));
  }

  /**
   * The GC thread and compile threshold defaults, then the driver's JVM options minus agents,
   * debuggers and heap sizes, then {@code workerJvm}: a later option wins, so both can override the
   * defaults.
   */
  private List<String> workerJvmOptions() {
    List<String> jvm = new ArrayList<>();
    jvm.add(gcThreadsOption(Runtime.getRuntime().availableProcessors(), options.workers()));
    jvm.addAll(WorkerCompileThresholds.options(options.workers()));
    jvm.addAll(inheritedJvmOptions());
    synchronized (preparedClasses) {
      // Not while rank 0 records its classes for the archive: the JVM leaves out of its list what
      // another thread loads this early (the compiler's classes, then parsed from the jar every run).
      if (!preparedClasses.isEmpty() && !archive.recording()) {
        jvm.add("-D" + PreparedClasses.PROPERTY + "=" + String.join(",", preparedClasses));
      }
    }
    jvm.addAll(options.workerJvm());
    return jvm;
  }

  /** The driver's JVM options a worker inherits: all but agents, debuggers, heap sizes and sharing. */
  private static List<String> inheritedJvmOptions() {
    List<String> jvm = new ArrayList<>();
    for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (a.startsWith("-javaagent") || a.startsWith("-agentlib") || a.startsWith("-Xmx") || a.startsWith("-Xms")
          || a.startsWith("-Xmn") || a.startsWith("-XX:MaxRAM") || a.startsWith("-XX:InitialRAM")
          || a.startsWith("-XX:MaxHeapSize") || a.startsWith("-XX:InitialHeapSize") || a.equals(Launcher.ADD_OPENS_NIO)
          || WorkerArchive.isSharingOption(a)) {
        continue;
      }
      jvm.add(a);
    }
    return jvm;
  }

  private String workerAgentOptions() {
    StringBuilder sb = new StringBuilder("role=worker,log=").append(options.logLevel());
    if (options.deterministic()) {
      sb.append(",deterministic=true");
    }
    if (!options.jitPatterns().isEmpty()) {
      sb.append(",jit=").append(String.join(";", options.jitPatterns()));
    }
    if (options.dumpDir() != null) {
      sb.append(",dump=").append(options.dumpDir().toAbsolutePath());
    }
    if (options.cacheDir() != null) {
      sb.append(",cache=").append(options.cacheDir().toAbsolutePath());
    }
    return sb.toString();
  }

  private synchronized void stopWorkers() {
    for (Channel c : channels) {
      try {
        c.send(new Messages.Shutdown());
      } catch (IOException ignored) {
        // already gone
      }
      c.close();
    }
    channels = List.of();
    if (job != null) {
      job.close(2000); // told to stop: let them exit, so their last output reaches the console
      job = null;
      if (nextId > 0) {
        archive.buildInBackground(options.jitPatterns()); // rank 0 has exited: its list of classes, calls' included, is complete
      } else {
        archive.discardRecording();
      }
    }
  }

  private static String shortName(String methodKey) {
    String head = methodKey.substring(0, methodKey.indexOf('('));
    int method = head.lastIndexOf('.');
    int cls = head.lastIndexOf('.', method - 1);
    return head.substring(cls + 1);
  }
}
