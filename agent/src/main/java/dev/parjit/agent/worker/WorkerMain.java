package dev.parjit.agent.worker;

import dev.parjit.agent.spawn.Channel;
import dev.parjit.agent.spawn.FrameNames;
import dev.parjit.agent.spawn.FrameTransport;
import dev.parjit.agent.spawn.Messages;
import dev.parjit.mpi.Communicators;
import dev.parjit.runtime.Dispatch;
import dev.parjit.runtime.DistributedArrays;
import dev.parjit.runtime.ParallelRuntime;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.net.Socket;

/**
 * A spawn-mode worker rank (started under {@code RankMain}, so MPI is up). Connects to the
 * driver, then runs every call it is sent until told to stop or the driver goes away. Calls
 * run on every rank; the {@code @Jit} methods were rewritten by this JVM's agent.
 */
public final class WorkerMain {

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(WorkerMain.class);

  /** Environment variables the driver sets for its workers. */
  public static final String PORT_ENV = "PARJIT_DRIVER_PORT";
  public static final String SECRET_ENV = "PARJIT_DRIVER_SECRET";

  private WorkerMain() { }

  public static void main(String[] args) throws IOException {
    String port = System.getenv(PORT_ENV);
    String secret = System.getenv(SECRET_ENV);
    if (port == null || secret == null) {
      throw new IllegalStateException("WorkerMain is started by the Parjit driver, not directly");
    }
    ParallelRuntime.install(Communicators.world());
    int rank = ParallelRuntime.rank();
    MethodKeys methods = new MethodKeys();
    try (Channel driver = Channel.connect(new Socket(InetAddress.getLoopbackAddress(), Integer.parseInt(port)), secret, rank)) {
      while (true) {
        Object message;
        try {
          message = driver.receive();
        } catch (IOException e) {
          return; // the driver is gone
        }
        if (message instanceof Messages.Call call) {
          Messages.Reply reply = run(call, rank, methods);
          DistributedArrays.clearArrays(); // the call's arrays are garbage now
          driver.send(reply);
        } else if (message instanceof Messages.Fetch fetch) {
          driver.send(fetch(fetch, rank));
        } else if (message instanceof Messages.Free free) {
          WorkerFrames.free(free.ids()); // no reply: the driver does not wait for it
        } else if (message instanceof Messages.StatsRequest stats) {
          driver.send(stats(stats, rank));
        } else {
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
      } else if (args[k] instanceof Messages.LazyRef ref) {
        args[k] = dev.parjit.runtime.ResultRegistry.get(ref.id()); // this worker's chunk, moved nowhere
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

  private static Messages.Reply stats(Messages.StatsRequest s, int rank) {
    Object value;
    try {
      value = WorkerFrames.stats();
    } catch (LinkageError e) {
      value = new Messages.WorkerStats(dev.parjit.runtime.ResultRegistry.size(), 0); // no frame library here
    }
    return new Messages.Reply(s.callId(), rank, value, null);
  }

  private static Messages.Reply run(Messages.Call call, int rank, MethodKeys methods) {
    try {
      Method m = methods.resolve(call.methodKey());
      long t0 = System.nanoTime();
      Object value = m.invoke(null, unwrapChunks(call));
      long t1 = System.nanoTime();
      if (FrameNames.isFrame(value)) {
        Object wire = WorkerFrames.result(call.id(), value, rank);
        LOG.debug("call {} #{} on rank {}: {} ms, result {} ms", m.getName(), call.id(), rank, (t1 - t0) / 1_000_000,
            (System.nanoTime() - t1) / 1_000_000);
        return new Messages.Reply(call.id(), rank, wire, null);
      }
      LOG.debug("call {} #{} on rank {}: {} ms", m.getName(), call.id(), rank, (t1 - t0) / 1_000_000);
      return new Messages.Reply(call.id(), rank, rank == 0 ? value : null, null);
    } catch (InvocationTargetException e) {
      return new Messages.Reply(call.id(), rank, null, Messages.RemoteFailure.of(e.getCause()));
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      return new Messages.Reply(call.id(), rank, null, Messages.RemoteFailure.of(e));
    }
  }
}
