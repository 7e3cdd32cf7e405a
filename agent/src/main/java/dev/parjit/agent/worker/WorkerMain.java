package dev.parjit.agent.worker;

import dev.parjit.agent.spawn.Channel;
import dev.parjit.agent.spawn.FrameNames;
import dev.parjit.agent.spawn.FrameTransport;
import dev.parjit.agent.spawn.Messages;
import dev.parjit.agent.startup.StartupLog;
import dev.parjit.agent.trace.WorkerTrace;
import dev.parjit.mpi.Communicators;
import dev.parjit.mpi.launch.JobSecret;
import dev.parjit.mpi.launch.RankMain;
import dev.parjit.mpi.niodev.NiodevHooks;
import dev.parjit.runtime.Dispatch;
import dev.parjit.runtime.DistributedArrays;
import dev.parjit.runtime.ParallelRuntime;
import dev.parjit.analysis.plan.SpecializationKey;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * A spawn-mode worker rank (started under {@code RankMain}, so MPI is up). Connects to the
 * driver, then runs every call it is sent until told to stop or the driver goes away. Calls
 * run on every rank; the {@code @Jit} methods were rewritten by this JVM's agent.
 */
public final class WorkerMain {

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(WorkerMain.class);

  /** The driver's channel, {@code host:port}: the environment variable the driver sets for its workers. */
  public static final String DRIVER_ENV = "PARJIT_DRIVER";

  private WorkerMain() { }

  /** Connects from the address this rank's MPI ports listen on: the interface the job runs over. */
  private static Socket connectToDriver(String hostPort) throws IOException {
    int colon = hostPort.lastIndexOf(':');
    Socket s = new Socket();
    InetAddress local = NiodevHooks.bindAddress();
    if (local != null) {
      s.bind(new InetSocketAddress(local, 0));
    }
    s.connect(new InetSocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1))), 10_000);
    return s;
  }

  public static void main(String[] args) throws IOException {
    String driverAddress = System.getenv(DRIVER_ENV);
    JobSecret secret = RankMain.jobSecret();
    if (driverAddress == null || secret == null) {
      throw new IllegalStateException("WorkerMain is started by the Parjit driver, not directly");
    }
    StartupLog.mark("worker: MPI initialized");
    ParallelRuntime.install(Communicators.world());
    // A float sum or product that overflowed part-way fails the call, which the driver reruns sequentially.
    ParallelRuntime.rerunNonFiniteReductions(true);
    int rank = ParallelRuntime.rank();
    ShippedClasses shipped = new ShippedClasses();
    MethodKeys methods = new MethodKeys(shipped);
    CallShapes shapes = new CallShapes();
    SpecializationTable specializations = new SpecializationTable(rank == 0);
    ResidentStore residents = new ResidentStore();
    HeldOutput heldOutput = new HeldOutput();
    dev.parjit.runtime.Specializations.install(specializations::link);
    try (Channel driver = Channel.connect(() -> connectToDriver(driverAddress), secret, rank)) {
      StartupLog.mark("worker rank " + rank + ": connected to the driver");
      WorkerTrace.start(rank);
      LOG.info("parjit: worker rank {} runs on {}", rank,
          NiodevHooks.bindAddress() == null ? "?" : NiodevHooks.bindAddress().getHostAddress());
      while (true) {
        Object message;
        try {
          message = driver.receive();
        } catch (IOException e) {
          WorkerTrace.flush();
          return; // the driver is gone
        }
        if (message instanceof Messages.Call sent) {
          WorkerTrace.received(sent.id());
          Messages.Reply reply;
          long tReceived = System.nanoTime();
          if (sent.id() == 1) {
            StartupLog.mark("worker rank " + rank + ": first call received");
          }
          heldOutput.begin(sent.id());
          try {
            Messages.Call call = new Messages.Call(sent.id(), sent.methodKey(), residents.resolve(sent.args(), ParallelRuntime.communicator()),
                sent.staticNames(), sent.staticValues(), sent.writeBack(), sent.receiver());
            reply = run(call, rank, methods, shapes, specializations);
          } catch (RuntimeException e) {
            reply = new Messages.Reply(sent.id(), rank, null, Messages.RemoteFailure.of(e));
          }
          if (sent.id() == 1) {
            StartupLog.markWithThreads("worker rank " + rank + ": first call done");
          }
          DistributedArrays.clearArrays(); // the call's arrays are garbage now
          heldOutput.end();
          long tRan = System.nanoTime();
          driver.send(reply);
          WorkerTrace.sent(sent.id());
          if (sent.id() == 1 && rank == 0) {
            dev.parjit.agent.startup.ArchiveCoverage.checkInBackground();
          }
          if (LOG.isDebugEnabled()) {
            LOG.debug("call #{} on rank {}: resolve and run {} us, reply sent in {} us", sent.id(), rank,
                (tRan - tReceived) / 1000, (System.nanoTime() - tRan) / 1000);
          }
        } else if (message instanceof Messages.Fetch fetch) {
          driver.send(fetch(fetch, rank));
        } else if (message instanceof Messages.DefineClasses classes) {
          long before = shipped.generation();
          shipped.define(classes.names(), classes.bytes()); // no reply: defined at first use
          if (shipped.generation() != before) {
            methods.clear(); // new versions of classes resolved before
            shapes.clear();
            specializations.forgetAll();
          }
        } else if (message instanceof Messages.HoldOutput hold) {
          heldOutput.announce(hold.callId()); // no reply
        } else if (message instanceof Messages.Verdict verdict) {
          heldOutput.settle(verdict.callId(), verdict.accepted()); // no reply
        } else if (message instanceof Messages.DropResident drop) {
          residents.drop(drop.ids()); // no reply
        } else if (message instanceof Messages.Free free) {
          WorkerFrames.free(free.ids()); // no reply: the driver does not wait for it
        } else if (message instanceof Messages.StatsRequest stats) {
          driver.send(stats(stats, rank, specializations));
        } else {
          WorkerTrace.flush(); // told to stop
          return;
        }
      }
    }
  }

  /**
   * Registers the chunks of 1D arguments and passes the plain arrays. A chunk for a method this
   * worker did not compile to expect one (its rewriting failed here) is refused: running the
   * original code on a chunk would give a wrong answer silently.
   */
  private static Object[] unwrapChunks(Messages.Call call) {
    Object[] args = call.args().clone();
    Dispatch.Signature expected = Dispatch.signature(call.methodKey());
    for (int k = 0; k < args.length; k++) {
      if (args[k] instanceof Messages.FrameValue) {
        args[k] = FrameTransport.fromWire(args[k]);
      } else if (args[k] instanceof Messages.FrameChunk chunk) {
        if (expected == null || !expected.distributedParams()[k]) {
          throw new IllegalStateException("frame argument " + k + " of " + call.methodKey()
              + " arrived as blocks but this worker compiled the method for a whole frame");
        }
        args[k] = FrameTransport.fromChunk(chunk); // this rank's rows, registered at their global place
      } else if (args[k] instanceof Messages.LazyRef ref) {
        args[k] = dev.parjit.lazy.ResultRegistry.get(ref.id()); // this worker's chunk, moved nowhere
      } else if (args[k] instanceof Messages.Chunk chunk) {
        if (expected == null || !expected.distributedParams()[k]) {
          throw new IllegalStateException("argument " + k + " of " + call.methodKey()
              + " arrived in chunks but this worker compiled the method for a whole array");
        }
        DistributedArrays.register(chunk.array(), chunk.globalLength(), chunk.start());
        args[k] = chunk.array();
      }
    }
    return args;
  }

  private static Messages.Reply fetch(Messages.Fetch f, int rank) {
    try {
      return new Messages.Reply(f.callId(), rank, WorkerFrames.fetch(f, rank), null);
    } catch (RuntimeException | LinkageError e) {
      return new Messages.Reply(f.callId(), rank, null, Messages.RemoteFailure.of(e));
    }
  }

  private static Messages.Reply stats(Messages.StatsRequest s, int rank, SpecializationTable specializations) {
    long arrow;
    java.util.Map<String, Long> frames;
    try {
      arrow = WorkerFrames.arrowBytesAfterGc();
      frames = WorkerFrames.counters();
    } catch (LinkageError e) {
      arrow = 0; // no frame library here
      frames = java.util.Map.of();
    }
    return new Messages.Reply(s.callId(), rank, new Messages.WorkerStats(dev.parjit.lazy.ResultRegistry.size(), arrow,
        specializations.compiled(), specializations.reused(), cacheCounters(), ParallelRuntime.ownedLoopIndexes(),
        frames.keySet().toArray(new String[0]), frames.values().stream().mapToLong(Long::longValue).toArray()), null);
  }

  private static long[] cacheCounters() {
    dev.parjit.agent.cache.CacheStats c = dev.parjit.agent.cache.CompileCache.stats();
    return new long[] {c.analyses(), c.hits(), c.misses(), c.stores(), c.rejected()};
  }

  /**
   * How this call's arguments arrive: scattered chunks (arrays and frames) are 1D_Block, lazy results
   * 1D_Var, whole frames 1D_Block where the method cuts them to blocks (else REP), whole arrays REP. Every rank
   * receives the same kinds, so every rank picks the same specialization. The method's default key when
   * every argument arrives as it was compiled for (always so without array or frame arguments).
   */
  static SpecializationKey keyOf(Messages.Call call, CallShapes.Shape shape) {
    boolean[] distributable = shape.distributable();
    boolean[] distributedParams = shape.distributedParams();
    String defaults = shape.defaultKey().code();
    Object[] args = call.args();
    char[] code = null;
    for (int k = 0; k < distributable.length && k < args.length; k++) {
      if (!distributable[k] || args[k] == null) {
        continue;
      }
      boolean distributed = distributedParams != null && k < distributedParams.length && distributedParams[k];
      char c;
      if (args[k] instanceof Messages.Chunk || args[k] instanceof Messages.FrameChunk) {
        c = SpecializationKey.BLOCK;
      } else if (args[k] instanceof Messages.LazyRef) {
        c = SpecializationKey.VAR;
      } else if (args[k] instanceof Messages.FrameValue) {
        c = distributed ? SpecializationKey.BLOCK : SpecializationKey.REP;
      } else {
        c = SpecializationKey.REP;
      }
      if (c != defaults.charAt(k)) {
        if (code == null) {
          code = defaults.toCharArray();
        }
        code[k] = c;
      }
    }
    return code == null ? shape.defaultKey() : new SpecializationKey(new String(code));
  }

  /**
   * The receiver of an instance method first, then the arguments: this worker's own object of the
   * driver's receiver class, made without running a constructor (the sequential program's object
   * was constructed on the driver), with the fields the method reads set to the driver's values.
   */
  private static Object[] withReceiver(Messages.Receiver r, Method m, Object[] args) throws ReflectiveOperationException {
    Class<?> type = Class.forName(r.className(), true, m.getDeclaringClass().getClassLoader());
    Object receiver = Instances.allocate(type);
    dev.parjit.agent.spawn.FieldValues.writeFields(receiver, r.fieldNames(), r.fieldValues());
    Object[] out = new Object[args.length + 1];
    out[0] = receiver;
    System.arraycopy(args, 0, out, 1, args.length);
    return out;
  }

  /**
   * The arrays the method wrote that the driver copies back: this rank's chunk of a scattered
   * argument, and from rank 0 an argument sent whole (every rank holds the same copy of it).
   */
  static Object[] writeBacks(Messages.Call call, Object[] args, int rank) {
    boolean[] wanted = call.writeBack();
    int shift = call.receiver() == null ? 0 : 1; // args start with the receiver
    Object[] out = new Object[call.args().length];
    for (int k = 0; k < out.length && k < wanted.length; k++) {
      if (wanted[k] && (call.args()[k] instanceof Messages.Chunk || rank == 0)) {
        out[k] = args[k + shift];
      }
    }
    return out;
  }

  private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

  /**
   * Sets the statics the call reads to the driver's values. A final static cannot be set: where this
   * rank's own value (its class initialiser's) differs from the driver's, the call fails and the
   * driver runs it itself. The ranks agree on that first, so that they fail together: a rank whose
   * value matched would otherwise enter the method and wait in its first collective for the others.
   */
  private static void writeStaticsOnEveryRank(ClassLoader loader, Messages.Call call) throws ReflectiveOperationException {
    IllegalStateException differs = null;
    // Setting a static initializes its class here, only for its values to be overwritten with the
    // driver's: the initializer's lines were printed on the driver already (QuietInitialization).
    QuietInitialization.initialize(dev.parjit.agent.spawn.FieldValues.declaringClasses(loader, call.staticNames()));
    try {
      dev.parjit.agent.spawn.FieldValues.writeStatics(loader, call.staticNames(), call.staticValues());
    } catch (IllegalStateException e) {
      differs = e;
    }
    dev.parjit.mpi.Communicator comm = ParallelRuntime.communicator();
    // Every rank gets the same call, so every rank takes this branch or none does.
    if (comm.size() > 1 && dev.parjit.agent.spawn.FieldValues.anyFinal(loader, call.staticNames())
        && comm.allreduce(differs == null ? 0 : 1, dev.parjit.mpi.ReduceOp.MAX) != 0 && differs == null) {
      differs = new IllegalStateException("a static final field the call reads differs between the driver and another worker");
    }
    if (differs != null) {
      throw differs;
    }
  }

  private static Messages.Reply run(Messages.Call call, int rank, MethodKeys methods, CallShapes shapes,
      SpecializationTable specializations) {
    ParallelRuntime.takeNonFiniteReduction(); // nothing carries over from an earlier call
    Messages.Reply reply = runCall(call, rank, methods, shapes, specializations);
    if (ParallelRuntime.takeNonFiniteReduction() && reply.failure() == null) {
      // The application's code caught the signal: the call still cannot give the sequential result here.
      return new Messages.Reply(call.id(), rank, null, Messages.RemoteFailure.of(new dev.parjit.runtime.NonFiniteReduction(
          "a floating sum or product combined to a value that is not finite; the call runs on the driver")));
    }
    return reply;
  }

  private static Messages.Reply runCall(Messages.Call call, int rank, MethodKeys methods, CallShapes shapes,
      SpecializationTable specializations) {
    try {
      Method m = methods.resolve(call.methodKey());
      if (call.id() == 1) {
        StartupLog.mark("worker rank " + rank + ": first call's method loaded");
      }
      Dispatch.Signature compiled = Dispatch.signature(call.methodKey());
      ParallelRuntime.forgetFailures();
      Object[] args = unwrapChunks(call);
      writeStaticsOnEveryRank(m.getDeclaringClass().getClassLoader(), call);
      if (call.receiver() != null) {
        args = withReceiver(call.receiver(), m, args);
      }
      long t0 = System.nanoTime();
      long cpu0 = LOG.isDebugEnabled() ? CPU.getCurrentThreadCpuTime() : 0;
      Object value;
      if (compiled == null) {
        // Not compiled here: its original code runs, nothing to specialize.
        value = call.receiver() == null ? m.invoke(null, args)
            : m.invoke(args[0], java.util.Arrays.copyOfRange(args, 1, args.length));
      } else {
        CallShapes.Shape shape = shapes.of(call.methodKey(), compiled.distributedParams());
        MethodHandle body = specializations.spreadHandle(m, call.methodKey(), keyOf(call, shape), shape.defaultKey());
        WorkerTrace.runStart(call.id());
        try {
          value = dev.parjit.runtime.EntryCalls.invoke(body, args);
        } catch (Throwable t) {
          throw new InvocationTargetException(t);
        } finally {
          WorkerTrace.runEnd(call.id());
        }
        Object kept = dev.parjit.runtime.EntryCalls.takeKept();
        DistributedArrays.Chunk block = kept != null && kept == value ? DistributedArrays.lookup(kept) : null;
        if (block != null) {
          // Returned rows this rank did not gather: every rank sends its block, the driver assembles them.
          LOG.debug("call {} #{} on rank {}: method {} us, returns its {} rows", m.getName(), call.id(), rank,
              (System.nanoTime() - t0) / 1000, block.localLength());
          return new Messages.Reply(call.id(), rank, new Messages.RowsBlock(kept, block.globalLength(), block.start()),
              null, writeBacks(call, args, rank));
        }
      }
      long t1 = System.nanoTime();
      if (FrameNames.isFrame(value)) {
        Object wire = WorkerFrames.result(call.id(), value, rank);
        LOG.debug("call {} #{} on rank {}: {} ms, result {} ms", m.getName(), call.id(), rank, (t1 - t0) / 1_000_000,
            (System.nanoTime() - t1) / 1_000_000);
        return new Messages.Reply(call.id(), rank, wire, null, writeBacks(call, args, rank));
      }
      if (LOG.isDebugEnabled()) {
        // CPU time beside wall time: on a shared machine the difference is time this rank waited
        // (for the other ranks in a collective, or for a processor).
        LOG.debug("call {} #{} on rank {}: method {} us (this thread's CPU {} us)", m.getName(), call.id(), rank,
            (t1 - t0) / 1000, (CPU.getCurrentThreadCpuTime() - cpu0) / 1000);
      }
      if (rank == 0 && value != null && !dev.parjit.agent.spawn.Channel.carries(value)) {
        // The driver's reader would refuse the reply and take this worker for dead: fail the call
        // instead, so the driver runs it in place as it does any failed call.
        return new Messages.Reply(call.id(), rank, null, Messages.RemoteFailure.of(new IllegalStateException(
            "returns a " + value.getClass().getName() + " holding objects Parjit does not send back from the workers")));
      }
      return new Messages.Reply(call.id(), rank, rank == 0 ? value : null, null, writeBacks(call, args, rank));
    } catch (InvocationTargetException e) {
      return new Messages.Reply(call.id(), rank, null, Messages.RemoteFailure.of(e.getCause()));
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      return new Messages.Reply(call.id(), rank, null, Messages.RemoteFailure.of(e));
    }
  }
}
