package dev.parjit.mpi.launch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Starts N JVM ranks the way {@code mpiexec} does: same java, given classpath, JVM options and
 * agent; each runs {@link RankMain} which joins the niodev job through this launcher's
 * {@link Rendezvous} and then runs the main class. Ranks are placed on hosts by a
 * {@link Placement} (default: this machine); ranks on other hosts start through the remote
 * shell ({@link RemoteShell}, {@code PARJIT_RSH}). Each rank's output is forwarded line by line
 * to an {@link OutputSink}. When a rank fails (non-zero exit, uncaught exception, killed) the
 * others are stopped, and the failure names the rank and its host; a remote rank whose java the
 * remote shell has not started {@value #REMOTE_START_TIMEOUT_MS} ms after the start fails the launch. When this
 * JVM dies the ranks see their standard input close (through the remote shell too) and exit.
 *
 * <p>Every rank receives the job's {@link JobSecret} as the first line of its standard input;
 * the rendezvous only reads from connections that prove it. A single-host job binds loopback
 * only; a multi-host one the address {@link NetworkChoice} picks.
 *
 * <pre>{@code
 * try (Launcher job = Launcher.builder().ranks(4).classpath(cp).mainClass("Hello").start()) {
 *   LaunchResult r = job.waitFor();
 * }
 * }</pre>
 */
public final class Launcher implements AutoCloseable {

  /** Arrow (in ranks that use data frames) needs this on Java 17. */
  public static final String ADD_OPENS_NIO = "--add-opens=java.base/java.nio=ALL-UNNAMED";

  private static final long STOP_GRACE_MS = 1500;

  /** How long the remote shell may take to start a rank's java before the launch fails naming the host. */
  public static final long REMOTE_START_TIMEOUT_MS = 10_000;

  private final List<Process> processes = new ArrayList<>();
  private final List<Thread> pumps = new ArrayList<>();
  private final java.util.Set<Integer> remoteStarted = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private final Placement placement;
  private final InetAddress address;
  private final MpjConf conf;
  private final Rendezvous rendezvous;
  private final Thread shutdownHook;
  private final long startNanos = System.nanoTime();
  private LaunchResult failure;
  private boolean stopping;

  private Launcher(Builder b) throws IOException {
    placement = b.placement != null ? b.placement : Placement.of(HostFile.localMachine(), b.ranks, b.oversubscribe);
    String iface = b.iface != null ? b.iface : System.getenv(NetworkChoice.IFACE_ENV);
    address = NetworkChoice.launcherAddress(placement, iface);
    JobSecret secret = b.secret != null ? b.secret : JobSecret.generate();
    int n = placement.ranks();
    conf = new MpjConf();
    Rendezvous rdv = null;
    try {
      rdv = new Rendezvous(n, secret, address);
      boolean anyRemote = false;
      for (int r = 0; r < n; r++) {
        List<String> java = new ArrayList<>();
        java.add(b.java);
        java.add(ADD_OPENS_NIO);
        java.addAll(b.jvmOptions);
        java.addAll(b.rankJvmOptions.getOrDefault(r, List.of()));
        if (b.agent != null) {
          java.add(b.agent);
        }
        java.add("-cp");
        java.add(b.classpath);
        java.add(RankMain.class.getName());
        java.add(b.mainClass);
        java.addAll(b.args);
        HostFile.Host host = placement.host(r);
        Map<String, String> env = new LinkedHashMap<>(b.env);
        env.put(RankEnvironment.RANK, Integer.toString(r));
        env.put(RankEnvironment.SIZE, Integer.toString(n));
        env.put(RankEnvironment.RENDEZVOUS, rdv.host() + ":" + rdv.port());
        env.put(RankEnvironment.HOST, host.name());
        env.put(RankEnvironment.SECRET_ON_STDIN, "1");
        if (iface != null && !iface.isBlank()) {
          env.put(NetworkChoice.IFACE_ENV, iface);
        }
        ProcessBuilder pb;
        if (host.local()) {
          pb = new ProcessBuilder(java);
          pb.environment().putAll(env);
          pb.environment().put(RankEnvironment.MPJ_HOME, conf.home().toString());
        } else {
          anyRemote = true;
          pb = new ProcessBuilder(RemoteShell.command(b.rsh, host.name(), b.workingDirectory, env, java));
        }
        Process p = pb.start();
        processes.add(p);
        sendSecret(p, secret); // the first line: the rank reads it before the framed program input
        if (r == 0 && b.input != null) {
          RankInput.forward(b.input, p.getOutputStream(), r);
        } else {
          RankInput.none(p.getOutputStream());
        }
        pumps.add(pump(r, false, p.getInputStream(), b.output));
        pumps.add(pump(r, true, p.getErrorStream(), b.output));
        int rank = r;
        p.onExit().thenAccept(done -> rankExited(rank, done.exitValue()));
      }
      rendezvous = rdv;
      if (anyRemote) {
        watchRemoteStarts(b.remoteStartTimeoutMs);
      }
    } catch (IOException | RuntimeException e) {
      processes.forEach(Process::destroyForcibly);
      if (rdv != null) {
        rdv.close();
      }
      conf.close();
      throw e;
    }
    shutdownHook = new Thread(this::killAll, "parjit-launcher-shutdown");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /** The secret's line; standard input then stays open (and silent) until the rank ends. */
  private static void sendSecret(Process p, JobSecret secret) {
    try {
      OutputStream in = p.getOutputStream();
      in.write((secret.encoded() + "\n").getBytes(StandardCharsets.US_ASCII));
      in.flush();
    } catch (IOException e) {
      // the rank died at once: its exit is reported
    }
  }

  /**
   * Fails the launch naming the host when the remote shell has not started a rank's java in
   * time: a host that does not answer (ssh may wait minutes for one that drops packets). Once
   * java runs, a rank joins when it is ready, as local ones do: a loaded host is not a dead one.
   */
  private void watchRemoteStarts(long timeoutMs) {
    Thread t = new Thread(() -> {
      long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
      while (System.nanoTime() < deadline) {
        if (rendezvous.complete() || stoppingOrDone()) {
          return;
        }
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          return;
        }
      }
      for (int r = 0; r < placement.ranks(); r++) {
        if (!placement.host(r).local() && !remoteStarted.contains(r) && !rendezvous.joined(r)) {
          fail(new LaunchResult(255, r, "rank " + r + " on host " + placement.host(r).name() + " was not started within "
              + timeoutMs / 1000 + " s: could the remote shell (" + RemoteShell.RSH_ENV + ") reach "
              + placement.host(r).name() + "?"));
          return;
        }
      }
    }, "parjit-launcher-start-watch");
    t.setDaemon(true);
    t.start();
  }

  private synchronized boolean stoppingOrDone() {
    return stopping;
  }

  public static Builder builder() {
    return new Builder();
  }

  private Thread pump(int rank, boolean stderr, InputStream in, OutputSink sink) {
    Thread t = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        for (String line; (line = r.readLine()) != null; ) {
          if (stderr && line.equals(RemoteShell.STARTED) && !placement.host(rank).local()) {
            remoteStarted.add(rank); // the remote shell's word, not the rank's output
            continue;
          }
          sink.line(rank, stderr, line);
        }
      } catch (IOException e) {
        // the rank is gone
      }
    }, "parjit-rank-" + rank + (stderr ? "-err" : "-out"));
    t.setDaemon(true);
    t.start();
    return t;
  }

  private void rankExited(int rank, int status) {
    if (status != 0) {
      fail(new LaunchResult(status, rank, describeExit(rank, status)));
    }
  }

  private String describeExit(int rank, int status) {
    HostFile.Host host = placement.host(rank);
    String where = placement.allLocal() ? "" : " on host " + host.name();
    String msg = "rank " + rank + where + " exited with status " + status;
    if (rendezvous != null && !rendezvous.joined(rank) && !host.local()) {
      msg += " before it joined the job: could the remote shell (" + RemoteShell.RSH_ENV + ") reach " + host.name() + "?";
    }
    return msg;
  }

  /** Records the first failure and stops every rank. */
  private void fail(LaunchResult result) {
    synchronized (this) {
      if (stopping) {
        return;
      }
      stopping = true;
      failure = result;
    }
    stopOthers();
  }

  /** The failure that ended (or is ending) the launch, or {@code null} while none happened. */
  public synchronized LaunchResult failure() {
    return failure;
  }

  /** Where the ranks run. */
  public Placement placement() {
    return placement;
  }

  /** The address the launcher listens on: loopback for a single-host job. */
  public InetAddress address() {
    return address;
  }

  /** Polite stop, then a forced one: the survivors may be blocked in a collective. */
  private void stopOthers() {
    Thread t = new Thread(() -> {
      processes.forEach(Process::destroy);
      long deadline = System.currentTimeMillis() + STOP_GRACE_MS;
      for (Process p : processes) {
        try {
          p.waitFor(Math.max(1, deadline - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        p.destroyForcibly();
      }
    }, "parjit-launcher-stop");
    t.setDaemon(true);
    t.start();
  }

  /** The ranks' processes, in rank order. */
  public List<ProcessHandle> processes() {
    return processes.stream().map(Process::toHandle).toList();
  }

  /** Milliseconds since the launch started. */
  public long elapsedMillis() {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
  }

  /** Waits for every rank to end and for their output to be forwarded. */
  public LaunchResult waitFor() throws InterruptedException {
    for (Process p : processes) {
      p.waitFor();
    }
    for (Thread t : pumps) {
      t.join(5000);
    }
    cleanUp();
    synchronized (this) {
      if (failure != null) {
        return failure;
      }
    }
    for (int r = 0; r < processes.size(); r++) {
      int status = processes.get(r).exitValue();
      if (status != 0) {
        return new LaunchResult(status, r, describeExit(r, status));
      }
    }
    return new LaunchResult(0, -1, "");
  }

  private void killAll() {
    synchronized (this) {
      stopping = true;
    }
    processes.forEach(Process::destroyForcibly);
  }

  private void cleanUp() {
    rendezvous.close();
    conf.close();
  }

  /**
   * Lets the ranks exit by themselves for up to {@code graceMillis} (they were told to stop), then
   * as {@link #close()}; their last output lines are forwarded before this returns.
   */
  public void close(long graceMillis) {
    long deadline = System.currentTimeMillis() + graceMillis;
    for (Process p : processes) {
      try {
        p.waitFor(Math.max(0, deadline - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    close();
    for (Thread t : pumps) {
      try {
        t.join(2000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Kills every rank still running and releases the launch's resources. */
  @Override
  public void close() {
    killAll();
    for (Process p : processes) {
      try {
        p.waitFor(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    cleanUp();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // already shutting down
    }
  }

  /** Describes a launch. */
  public static final class Builder {
    private int ranks = 1;
    private Placement placement;
    private boolean oversubscribe;
    private JobSecret secret;
    private String iface;
    private List<String> rsh = RemoteShell.rsh(System.getenv());
    private String workingDirectory = System.getProperty("user.dir");
    private long remoteStartTimeoutMs = REMOTE_START_TIMEOUT_MS;
    private String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private String classpath = System.getProperty("java.class.path");
    private final List<String> jvmOptions = new ArrayList<>();
    private final Map<Integer, List<String>> rankJvmOptions = new HashMap<>();
    private String agent;
    private String mainClass;
    private final List<String> args = new ArrayList<>();
    private final Map<String, String> env = new HashMap<>();
    private OutputSink output = OutputSink.console();
    private InputStream input;

    /** N ranks on this machine (bounded by {@link HostFile#localSlots()} unless oversubscribing); see {@link #placement}. */
    public Builder ranks(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("the number of ranks must be at least 1, got " + n);
      }
      this.ranks = n;
      return this;
    }

    /** Where each rank runs (its size is the number of ranks); overrides {@link #ranks}. */
    public Builder placement(Placement p) {
      this.placement = Objects.requireNonNull(p);
      return this;
    }

    /** Allows more ranks than this machine's slots when no placement is given. */
    public Builder oversubscribe(boolean allowed) {
      this.oversubscribe = allowed;
      return this;
    }

    /** The job's secret (default: a fresh one); a spawn driver uses it for its own channel too. */
    public Builder secret(JobSecret s) {
      this.secret = Objects.requireNonNull(s);
      return this;
    }

    /** The network interface ranks talk over (default: {@code PARJIT_IFACE}, else {@link NetworkChoice}'s rule). */
    public Builder iface(String name) {
      this.iface = name;
      return this;
    }

    /** The remote shell command words (default: {@code PARJIT_RSH} split at white space, else {@code ssh}). */
    public Builder remoteShell(List<String> words) {
      this.rsh = List.copyOf(words);
      return this;
    }

    /** How long the remote shell may take to start a rank's java (default {@value #REMOTE_START_TIMEOUT_MS} ms). */
    public Builder remoteStartTimeoutMillis(long ms) {
      this.remoteStartTimeoutMs = ms;
      return this;
    }

    /** The java executable (default: the one running this JVM). */
    public Builder java(String executable) {
      this.java = Objects.requireNonNull(executable);
      return this;
    }

    /** The ranks' classpath; it must contain Parjit's mpi module and MPJ Express. */
    public Builder classpath(String cp) {
      this.classpath = Objects.requireNonNull(cp);
      return this;
    }

    public Builder jvmOptions(List<String> options) {
      this.jvmOptions.addAll(options);
      return this;
    }

    /**
     * JVM options for one rank only, after the common ones: a spawn driver has rank 0 record the
     * classes it loads (for a class-data-sharing archive) without every rank writing the same file.
     */
    public Builder rankJvmOptions(int rank, List<String> options) {
      this.rankJvmOptions.computeIfAbsent(rank, k -> new ArrayList<>()).addAll(options);
      return this;
    }

    /** A whole {@code -javaagent:jar=options} argument, or {@code null}. */
    public Builder agent(String javaagentArgument) {
      this.agent = javaagentArgument;
      return this;
    }

    public Builder mainClass(String name) {
      this.mainClass = Objects.requireNonNull(name);
      return this;
    }

    public Builder args(List<String> programArgs) {
      this.args.addAll(programArgs);
      return this;
    }

    public Builder env(Map<String, String> variables) {
      this.env.putAll(variables);
      return this;
    }

    /**
     * Standard input for rank 0, as {@code mpirun} forwards its own (default: none); the other
     * ranks' input is empty.
     */
    public Builder input(InputStream rank0Input) {
      this.input = rank0Input;
      return this;
    }

    public Builder output(OutputSink sink) {
      this.output = Objects.requireNonNull(sink);
      return this;
    }

    public Launcher start() {
      if (mainClass == null) {
        throw new IllegalStateException("no main class to launch");
      }
      if (placement == null) {
        Placement.of(HostFile.localMachine(), ranks, oversubscribe); // fails before anything starts
      }
      try {
        return new Launcher(this);
      } catch (IOException e) {
        int n = placement != null ? placement.ranks() : ranks;
        throw new UncheckedIOException("could not start " + n + " ranks: " + e.getMessage(), e);
      }
    }
  }
}
