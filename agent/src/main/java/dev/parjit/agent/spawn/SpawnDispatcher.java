package dev.parjit.agent.spawn;

import dev.parjit.ParjitExecutionException;
import dev.parjit.agent.AgentOptions;
import dev.parjit.agent.worker.WorkerMain;
import dev.parjit.mpi.launch.Launcher;
import dev.parjit.runtime.BlockDistribution;
import dev.parjit.runtime.Dispatch;
import dev.parjit.runtime.Dispatcher;
import java.lang.reflect.Array;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
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
 * the result comes from rank 0. A failure on any rank is thrown here as a
 * {@link ParjitExecutionException} naming the rank. If the other ranks do not finish soon after
 * (they may wait in a collective for the failed one), or a worker dies, the workers are replaced
 * at the next call.
 *
 * <p>Array arguments the analysis makes 1D are scattered: each worker receives only its block
 * (Bodo's formula); every other argument is sent whole to every worker.
 */
public final class SpawnDispatcher implements Dispatcher {

  private static final Logger LOG = LoggerFactory.getLogger(SpawnDispatcher.class);
  private static final long START_TIMEOUT_MS = 60_000;
  private static final long FAILURE_GRACE_MS = 10_000;

  private record Disconnected(int rank) { }

  private final AgentOptions options;
  private final Path agentJar;
  private Launcher job;
  private List<Channel> channels = List.of();
  private final BlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
  private long nextId;
  private boolean broken;

  public SpawnDispatcher(AgentOptions options, Path agentJar) {
    this.options = options;
    this.agentJar = agentJar;
    Runtime.getRuntime().addShutdownHook(new Thread(this::stopWorkers, "parjit-spawn-shutdown"));
  }

  @Override
  public synchronized Object invoke(String methodKey, Object[] args) {
    if (job == null || broken) {
      startWorkers();
    }
    long id = ++nextId;
    Dispatch.Signature signature = Dispatch.signature(methodKey);
    for (int r = 0; r < channels.size(); r++) {
      try {
        channels.get(r).send(new Messages.Call(id, methodKey, argsFor(r, args, signature)));
      } catch (IOException e) {
        broken = true;
        throw new ParjitExecutionException("@Jit call " + shortName(methodKey) + " failed: worker rank " + r
            + " is unreachable (" + e.getMessage() + "); the workers will be restarted", r, e);
      }
    }
    return collect(methodKey, id);
  }

  /** Rank r's arguments: its block of each 1D array argument, every other argument whole. */
  private Object[] argsFor(int rank, Object[] args, Dispatch.Signature signature) {
    boolean[] distributed = signature == null ? new boolean[args.length] : signature.distributedParams();
    Object[] out = args.clone();
    int p = channels.size();
    for (int k = 0; k < args.length; k++) {
      if (distributed[k] && args[k] != null && args[k].getClass().isArray()) {
        int n = Array.getLength(args[k]);
        int start = (int) BlockDistribution.start(n, p, rank);
        int count = BlockDistribution.count(n, p, rank);
        Object chunk = Array.newInstance(args[k].getClass().getComponentType(), count);
        System.arraycopy(args[k], start, chunk, 0, count);
        out[k] = new Messages.Chunk(chunk, n, start);
      } else if (FrameTransport.isFrame(args[k])) {
        out[k] = FrameTransport.toWire(args[k]); // replicated: every rank gets the whole frame
      }
    }
    return out;
  }

  private Object collect(String methodKey, long id) {
    int n = channels.size();
    Messages.Reply[] replies = new Messages.Reply[n];
    int received = 0;
    long deadline = Long.MAX_VALUE;
    while (received < n) {
      Object msg;
      try {
        long wait = deadline == Long.MAX_VALUE ? 1000 : Math.max(1, deadline - System.currentTimeMillis());
        msg = inbox.poll(wait, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        broken = true;
        throw new ParjitExecutionException("interrupted while waiting for " + shortName(methodKey), -1, e);
      }
      if (msg instanceof Disconnected d) {
        broken = true;
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
    for (Messages.Reply r : replies) {
      if (r != null && r.failure() != null) {
        Messages.RemoteFailure f = r.failure();
        throw new ParjitExecutionException("@Jit call " + shortName(methodKey) + " failed on rank " + r.rank() + ": "
            + f.type() + (f.message() == null ? "" : ": " + f.message()), r.rank(), RemoteExceptions.rebuild(f));
      }
    }
    Object value = replies[0].value();
    return value instanceof Messages.FrameValue ? FrameTransport.fromWire(value) : value;
  }

  private void startWorkers() {
    stopWorkers();
    broken = false;
    inbox.clear();
    int n = options.workers();
    String secret = HexFormat.of().formatHex(new SecureRandom().generateSeed(32));
    long t0 = System.nanoTime();
    try (ServerSocket server = new ServerSocket(0, 64, InetAddress.getLoopbackAddress())) {
      job = Launcher.builder().ranks(n).classpath(System.getProperty("java.class.path"))
          .jvmOptions(workerJvmOptions()).agent("-javaagent:" + agentJar + "=" + workerAgentOptions())
          .mainClass(WorkerMain.class.getName())
          .env(Map.of(WorkerMain.PORT_ENV, Integer.toString(server.getLocalPort()), WorkerMain.SECRET_ENV, secret))
          .start();
      Channel[] byRank = new Channel[n];
      int connected = 0;
      server.setSoTimeout(250);
      long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
      while (connected < n) {
        if (System.currentTimeMillis() > deadline || job.processes().stream().anyMatch(p -> !p.isAlive())) {
          throw new IllegalStateException(connected + " of " + n + " workers connected before "
              + (System.currentTimeMillis() > deadline ? "the time-out" : "a worker exited"));
        }
        Socket s;
        try {
          s = server.accept();
        } catch (SocketTimeoutException e) {
          continue;
        }
        Channel.Accepted a = Channel.accept(s, secret);
        if (a == null || a.rank() < 0 || a.rank() >= n || byRank[a.rank()] != null) {
          if (a != null) {
            a.channel().close();
          }
          LOG.warn("parjit: rejected a connection to the worker channel that did not prove the job's secret");
          continue;
        }
        byRank[a.rank()] = a.channel();
        connected++;
      }
      channels = List.of(byRank);
      for (int r = 0; r < n; r++) {
        startReader(r, byRank[r]);
      }
      LOG.info("started {} workers in {} ms", n, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
    } catch (IOException | RuntimeException e) {
      stopWorkers();
      throw new ParjitExecutionException("could not start " + n + " Parjit workers: " + e.getMessage(), -1, e);
    }
  }

  private void startReader(int rank, Channel channel) {
    Thread t = new Thread(() -> {
      while (true) {
        try {
          inbox.add(channel.receive());
        } catch (IOException e) {
          inbox.add(new Disconnected(rank));
          return;
        }
      }
    }, "parjit-worker-" + rank + "-reader");
    t.setDaemon(true);
    t.start();
  }

  /** The driver's JVM options minus agents, debuggers and heap sizes, plus {@code workerJvm}. */
  private List<String> workerJvmOptions() {
    List<String> jvm = new ArrayList<>();
    for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (a.startsWith("-javaagent") || a.startsWith("-agentlib") || a.startsWith("-Xmx") || a.startsWith("-Xms")
          || a.startsWith("-Xmn") || a.startsWith("-XX:MaxRAM") || a.startsWith("-XX:InitialRAM")
          || a.startsWith("-XX:MaxHeapSize") || a.startsWith("-XX:InitialHeapSize") || a.equals(Launcher.ADD_OPENS_NIO)) {
        continue;
      }
      jvm.add(a);
    }
    jvm.addAll(options.workerJvm());
    return jvm;
  }

  private String workerAgentOptions() {
    StringBuilder sb = new StringBuilder("role=worker,log=").append(options.logLevel());
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
      job.close();
      job = null;
    }
  }

  private static String shortName(String methodKey) {
    String head = methodKey.substring(0, methodKey.indexOf('('));
    int method = head.lastIndexOf('.');
    int cls = head.lastIndexOf('.', method - 1);
    return head.substring(cls + 1);
  }
}
