package dev.parjit.mpi.launch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Starts N local JVM ranks the way {@code mpiexec} does: same java, given classpath, JVM options
 * and agent; each runs {@link RankMain} which joins the niodev job through this launcher's
 * {@link Rendezvous} and then runs the main class. Each rank's output is forwarded line by line
 * to an {@link OutputSink}. When a rank fails (non-zero exit, uncaught exception, killed) the
 * others are stopped; when this JVM dies the ranks see their stdin close and exit.
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

  private final List<Process> processes = new ArrayList<>();
  private final List<Thread> pumps = new ArrayList<>();
  private final MpjConf conf;
  private final Rendezvous rendezvous;
  private final Thread shutdownHook;
  private final long startNanos = System.nanoTime();
  private LaunchResult failure;
  private boolean stopping;

  private Launcher(Builder b) throws IOException {
    conf = new MpjConf();
    Rendezvous rdv = null;
    try {
      rdv = new Rendezvous(b.ranks);
      for (int r = 0; r < b.ranks; r++) {
        List<String> cmd = new ArrayList<>();
        cmd.add(b.java);
        cmd.add(ADD_OPENS_NIO);
        cmd.addAll(b.jvmOptions);
        if (b.agent != null) {
          cmd.add(b.agent);
        }
        cmd.add("-cp");
        cmd.add(b.classpath);
        cmd.add(RankMain.class.getName());
        cmd.add(b.mainClass);
        cmd.addAll(b.args);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        Map<String, String> env = pb.environment();
        env.putAll(b.env);
        env.put(RankEnvironment.RANK, Integer.toString(r));
        env.put(RankEnvironment.SIZE, Integer.toString(b.ranks));
        env.put(RankEnvironment.RENDEZVOUS, rdv.host() + ":" + rdv.port());
        env.put(RankEnvironment.MPJ_HOME, conf.home().toString());
        Process p = pb.start();
        processes.add(p);
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
    } catch (IOException | RuntimeException e) {
      processes.forEach(Process::destroyForcibly);
      if (rdv != null) {
        rdv.close();
      }
      conf.close();
      throw e;
    }
    rendezvous = rdv;
    shutdownHook = new Thread(this::killAll, "parjit-launcher-shutdown");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  public static Builder builder() {
    return new Builder();
  }

  private static Thread pump(int rank, boolean stderr, InputStream in, OutputSink sink) {
    Thread t = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        for (String line; (line = r.readLine()) != null; ) {
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
    synchronized (this) {
      if (status == 0 || stopping) {
        return;
      }
      stopping = true;
      failure = new LaunchResult(status, rank, "rank " + rank + " exited with status " + status);
    }
    stopOthers();
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
        return new LaunchResult(status, r, "rank " + r + " exited with status " + status);
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
    private String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private String classpath = System.getProperty("java.class.path");
    private final List<String> jvmOptions = new ArrayList<>();
    private String agent;
    private String mainClass;
    private final List<String> args = new ArrayList<>();
    private final Map<String, String> env = new HashMap<>();
    private OutputSink output = OutputSink.console();
    private InputStream input;

    public Builder ranks(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("the number of ranks must be at least 1, got " + n);
      }
      this.ranks = n;
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
      try {
        return new Launcher(this);
      } catch (IOException e) {
        throw new UncheckedIOException("could not start " + ranks + " ranks: " + e.getMessage(), e);
      }
    }
  }
}
