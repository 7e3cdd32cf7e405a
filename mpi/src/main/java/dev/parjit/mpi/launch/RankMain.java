package dev.parjit.mpi.launch;

import dev.parjit.mpi.Communicators;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Map;

/**
 * The main class of every rank: {@code RankMain <mainClass> <args...>}. Joins the niodev job
 * described by the environment ({@link RankEnvironment}), runs the program's {@code main}, and
 * exits: 0 when it returned, 1 (after printing the stack trace once) when it threw.
 *
 * <p>A watchdog reads standard input, which the launcher keeps open and never writes: end of
 * file means the launcher is gone, and the rank halts rather than live on as an orphan.
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

  public static void main(String[] args) {
    Map<String, String> env = System.getenv();
    if (args.length < 1 || !RankEnvironment.isRank(env)) {
      System.err.println("parjit: RankMain is started by the Parjit launcher (bin/parjit spmd), not directly");
      System.exit(2);
    }
    // Before the watchdog: it reads standard input after the secret's line.
    JobSecret secret = "1".equals(env.get(RankEnvironment.SECRET_ON_STDIN)) ? RankEnvironment.readSecretLine(System.in) : null;
    startOrphanWatchdog();
    if (secret == null) {
      System.err.println("parjit: RankMain got no job secret (" + RankEnvironment.SECRET_ON_STDIN + "): start it with the Parjit launcher");
      System.exit(2);
    }
    jobSecret = secret;
    int rank = Integer.parseInt(env.get(RankEnvironment.RANK));
    int size = Integer.parseInt(env.get(RankEnvironment.SIZE));
    String rdv = env.get(RankEnvironment.RENDEZVOUS);
    int colon = rdv.lastIndexOf(':');
    int status = 0;
    try {
      Method main = findMain(args[0]);
      String host = rdv.substring(0, colon);
      Communicators.initNiodev(rank, size, host, Integer.parseInt(rdv.substring(colon + 1)), secret,
          NetworkChoice.rankAddress(host, env.get(NetworkChoice.IFACE_ENV)));
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

  private static Method findMain(String className) throws ReflectiveOperationException {
    Class<?> c = Class.forName(className, false, ClassLoader.getSystemClassLoader());
    Method main = c.getMethod("main", String[].class);
    if (!Modifier.isStatic(main.getModifiers())) {
      throw new NoSuchMethodException(className + ".main(String[]) is not static");
    }
    main.setAccessible(true);
    return main;
  }

  private static void startOrphanWatchdog() {
    Thread t = new Thread(() -> {
      try {
        while (System.in.read() != -1) {
          // the launcher never writes; ignore anything that arrives
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
