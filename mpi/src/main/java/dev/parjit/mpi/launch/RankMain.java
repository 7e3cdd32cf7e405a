package dev.parjit.mpi.launch;

import dev.parjit.mpi.Communicators;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The main class of every rank: {@code RankMain <mainClass> <args...>}. Joins the niodev job
 * described by the environment ({@link RankEnvironment}), runs the program's {@code main}, and
 * exits: 0 when it returned, 1 (after printing the stack trace once) when it threw.
 *
 * <p>A watchdog reads standard input, which the launcher keeps open: end of file means the
 * launcher is gone, and the rank halts rather than live on as an orphan. The program's own input
 * (the launcher's, on rank 0) arrives framed inside it ({@link RankInput}).
 */
public final class RankMain {

  /** The thread running the program's {@code main} on this rank, once it starts; {@code null} before and elsewhere. */
  private static volatile Thread programThread;

  /** The job's secret, once read; {@code null} in a JVM that is no launched rank. */
  private static volatile JobSecret jobSecret;

  private RankMain() { }

  /**
   * The thread that runs the program's {@code main} on this rank, or {@code null} in a JVM that is
   * no launched rank. In SPMD mode only this thread may make collective calls: ranks cannot agree
   * on the order of collectives issued from several threads.
   */
  public static Thread programThread() {
    return programThread;
  }

  /**
   * The job's secret in a launched rank, {@code null} elsewhere: spawn-mode workers prove it to
   * the driver's channel.
   */
  public static JobSecret jobSecret() {
    return jobSecret;
  }

  /** Where this rank joins: the rendezvous's address and the job's secret. */
  private record Join(int rank, int size, String host, int port, JobSecret secret) { }

  public static void main(String[] args) {
    Map<String, String> env = System.getenv();
    Optional<SlurmJob> slurm = SlurmJob.detect(env);
    if (args.length < 1 || !(RankEnvironment.isRank(env) || slurm.isPresent())) {
      System.err.println("parjit: RankMain is started by the Parjit launcher (bin/parjit spmd) or srun, not directly");
      System.exit(2);
    }
    Join join;
    try {
      join = slurm.isPresent() ? joinSlurm(slurm.get(), env) : joinLauncher(env);
    } catch (IOException | RuntimeException e) {
      System.err.println("parjit: this rank cannot join the job: " + e.getMessage());
      System.exit(2);
      return;
    } catch (InterruptedException e) {
      System.exit(2);
      return;
    }
    jobSecret = join.secret();
    int rank = join.rank();
    int status = 0;
    try {
      Method main = findMain(args[0]);
      Communicators.initNiodev(rank, join.size(), join.host(), join.port(), join.secret(),
          NetworkChoice.rankAddress(join.host(), env.get(NetworkChoice.IFACE_ENV)));
      programThread = Thread.currentThread();
      main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
      Communicators.finish();
    } catch (InvocationTargetException e) {
      e.getCause().printStackTrace();
      status = 1;
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      System.err.println("parjit: rank " + rank + " could not run " + args[0] + ": " + e);
      status = 1;
    }
    System.out.flush();
    System.err.flush();
    // MPJ leaves non-daemon threads behind: end the JVM explicitly.
    if (status == 0) {
      System.exit(0);
    }
    Runtime.getRuntime().halt(status);
  }

  /** Started by the launcher: the environment names the rendezvous, standard input carries the secret. */
  private static Join joinLauncher(Map<String, String> env) {
    if (!"1".equals(env.get(RankEnvironment.SECRET_ON_STDIN))) {
      throw new IllegalStateException("no job secret (" + RankEnvironment.SECRET_ON_STDIN + "): start ranks with the Parjit launcher");
    }
    // The secret's line comes first; then the program's input in frames, which RankInput reads
    // (its end of file also tells this rank that the launcher died).
    JobSecret secret = RankEnvironment.readSecretLine(System.in);
    RankInput.receive();
    String rdv = env.get(RankEnvironment.RENDEZVOUS);
    int colon = rdv.lastIndexOf(':');
    return new Join(Integer.parseInt(env.get(RankEnvironment.RANK)), Integer.parseInt(env.get(RankEnvironment.SIZE)),
        rdv.substring(0, colon), Integer.parseInt(rdv.substring(colon + 1)), secret);
  }

  /**
   * Started by srun: rank 0 runs the rendezvous in this JVM and publishes it ({@link SlurmJob});
   * the others read it. The watchdog runs only when a Parjit process holds our standard input
   * ({@code bin/parjit spmd} under srun): srun gives tasks other than 0 an empty one.
   */
  private static Join joinSlurm(SlurmJob job, Map<String, String> env) throws IOException, InterruptedException {
    if ("1".equals(env.get(RankEnvironment.WATCH_STDIN))) {
      startOrphanWatchdog();
    }
    Path file = SlurmJob.rendezvousFile(env, job.step());
    if (job.rank() == 0) {
      JobSecret secret = JobSecret.generate();
      Rendezvous rdv = new Rendezvous(job.size(), secret, job.rendezvousAddress(env.get(NetworkChoice.IFACE_ENV)));
      SlurmJob.publish(file, rdv.host(), rdv.port(), secret);
      Thread cleaner = new Thread(() -> {
        try {
          while (!rdv.complete()) {
            Thread.sleep(50);
          }
          Files.deleteIfExists(file); // every rank has it: nobody else may read it later
        } catch (IOException | InterruptedException e) {
          // best effort: the file names a closed port and a dead secret
        }
      }, "parjit-slurm-rendezvous-cleaner");
      cleaner.setDaemon(true);
      cleaner.start();
      return new Join(0, job.size(), rdv.host(), rdv.port(), secret);
    }
    SlurmJob.Published p = SlurmJob.await(file);
    return new Join(job.rank(), job.size(), p.host(), p.port(), p.secret());
  }

  private static Method findMain(String className) throws ReflectiveOperationException {
    Class<?> c = Class.forName(className, false, ClassLoader.getSystemClassLoader());
    Method main = c.getMethod("main", String[].class);
    if (!Modifier.isStatic(main.getModifiers())) {
      throw new NoSuchMethodException(className + ".main(String[]) is not static");
    }
    main.setAccessible(true);
    return main;
  }

  /**
   * Under srun with a Parjit process holding standard input: halt when it closes (the input
   * carries nothing else there).
   */
  private static void startOrphanWatchdog() {
    Thread t = new Thread(() -> {
      try {
        while (System.in.read() != -1) {
          // nothing to read but the end of file
        }
      } catch (IOException e) {
        // treated as end of file
      }
      Runtime.getRuntime().halt(143);
    }, "parjit-orphan-watchdog");
    t.setDaemon(true);
    t.start();
  }
}
