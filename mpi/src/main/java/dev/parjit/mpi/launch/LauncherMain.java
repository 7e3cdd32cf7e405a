package dev.parjit.mpi.launch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line behind {@code bin/parjit spmd}:
 * {@code LauncherMain [--agent JAR] [--agent-options OPTS] -np N [--hostfile F] [java options] MainClass [args...]}.
 * Java options ({@code -cp}, {@code -D...}, {@code -X...}, ...) are passed to every rank; the
 * ranks' classpath is the given one followed by this launcher's own (Parjit and MPJ Express).
 * The syntax mirrors {@code java}'s, so it is parsed here rather than by an options library.
 */
public final class LauncherMain {

  /** A parsed command line. */
  record Command(int ranks, String agentJar, String agentOptions, String userClasspath,
      List<String> jvmOptions, String mainClass, List<String> args, Path hostfile, boolean oversubscribe) {

    /** Where the ranks go: the host file's slots, or this machine's. */
    Placement placement() {
      return Placement.of(hostfile == null ? HostFile.localMachine() : HostFile.read(hostfile), ranks, oversubscribe);
    }
  }

  private LauncherMain() { }

  public static void main(String[] argv) throws InterruptedException {
    Command cmd;
    Placement placement;
    try {
      cmd = parse(argv);
      placement = cmd.placement();
    } catch (IllegalArgumentException e) {
      System.err.println("parjit spmd: " + e.getMessage());
      System.exit(2);
      return;
    }
    String own = System.getProperty("java.class.path");
    String cp = cmd.userClasspath() == null ? own : cmd.userClasspath() + java.io.File.pathSeparator + own;
    String agent = null;
    if (cmd.agentJar() != null) {
      String opts = "spmd=true" + (cmd.agentOptions() == null ? "" : "," + cmd.agentOptions());
      agent = "-javaagent:" + cmd.agentJar() + "=" + opts;
    }
    Launcher.Builder builder = Launcher.builder().placement(placement).classpath(cp).jvmOptions(cmd.jvmOptions())
        .agent(agent).mainClass(cmd.mainClass()).args(cmd.args());
    Launcher started;
    try {
      started = builder.start();
    } catch (RuntimeException e) {
      System.err.println("parjit spmd: " + e.getMessage());
      System.exit(2);
      return;
    }
    try (Launcher job = started) {
      LaunchResult result = job.waitFor();
      if (!result.succeeded()) {
        System.err.println("parjit: " + result.message());
      }
      System.out.flush();
      System.exit(result.exitCode());
    }
  }

  static Command parse(String[] argv) {
    int ranks = -1;
    String agentJar = null;
    String agentOptions = null;
    String cp = null;
    Path hostfile = null;
    boolean oversubscribe = false;
    List<String> jvm = new ArrayList<>();
    int i = 0;
    for (; i < argv.length && argv[i].startsWith("-"); i++) {
      String a = argv[i];
      switch (a) {
        case "-np":
        case "-n":
          ranks = positive(value(argv, i++, a));
          break;
        case "--hostfile":
        case "-hostfile":
          hostfile = Path.of(value(argv, i++, a));
          break;
        case "--oversubscribe":
          oversubscribe = true;
          break;
        case "--agent":
          agentJar = value(argv, i++, a);
          break;
        case "--agent-options":
          agentOptions = value(argv, i++, a);
          break;
        case "-cp":
        case "-classpath":
        case "--class-path":
          cp = value(argv, i++, a);
          break;
        case "-h":
        case "--help":
          throw new IllegalArgumentException(usage());
        default:
          if (a.equals("-jar")) {
            throw new IllegalArgumentException("-jar is not supported: give -cp and the main class");
          }
          jvm.add(a);
      }
    }
    if (ranks < 0) {
      throw new IllegalArgumentException("-np N is required. " + usage());
    }
    if (i >= argv.length) {
      throw new IllegalArgumentException("no main class given. " + usage());
    }
    List<String> args = List.of(argv).subList(i + 1, argv.length);
    return new Command(ranks, agentJar, agentOptions, cp, jvm, argv[i], new ArrayList<>(args), hostfile, oversubscribe);
  }

  private static String usage() {
    return "Usage: bin/parjit spmd -np N [--hostfile F] [--oversubscribe] [java options] MainClass [args...]";
  }

  private static String value(String[] argv, int i, String option) {
    if (i + 1 >= argv.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return argv[i + 1];
  }

  private static int positive(String s) {
    try {
      int n = Integer.parseInt(s);
      if (n >= 1) {
        return n;
      }
    } catch (NumberFormatException e) {
      // below
    }
    throw new IllegalArgumentException("-np must be a positive integer, got '" + s + "'");
  }
}
