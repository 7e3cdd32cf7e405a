package dev.parjit.mpi.launch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The command line behind {@code bin/parjit spmd}:
 * {@code LauncherMain [--agent JAR] [--agent-options OPTS] -np N [--hostfile F] [java options] MainClass [args...]}.
 * Java options ({@code -cp}, {@code -D...}, {@code -X...}, ...) are passed to every rank; the
 * ranks' classpath is the given one followed by this launcher's own (Parjit and MPJ Express).
 * The syntax mirrors {@code java}'s, so it is parsed here rather than by an options library.
 */
public final class LauncherMain {

  private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "::1");

  /** A parsed command line. */
  record Command(int ranks, String agentJar, String agentOptions, String userClasspath,
      List<String> jvmOptions, String mainClass, List<String> args) { }

  private LauncherMain() { }

  public static void main(String[] argv) throws InterruptedException {
    Command cmd;
    try {
      cmd = parse(argv);
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
    try (Launcher job = Launcher.builder().ranks(cmd.ranks()).classpath(cp).jvmOptions(cmd.jvmOptions())
        .agent(agent).mainClass(cmd.mainClass()).args(cmd.args()).input(System.in).start()) {
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
          checkHostfile(Path.of(value(argv, i++, a)));
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
    return new Command(ranks, agentJar, agentOptions, cp, jvm, argv[i], new ArrayList<>(args));
  }

  private static String usage() {
    return "Usage: bin/parjit spmd -np N [--hostfile F] [java options] MainClass [args...]";
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

  /** Host files are accepted when they name this machine only: multi-host runs come later. */
  static void checkHostfile(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read host file " + file + ": " + e.getMessage());
    }
    for (String line : lines) {
      String host = line.replaceAll("#.*", "").trim().split("\\s+")[0];
      if (!host.isEmpty() && !LOCAL_HOSTS.contains(host)) {
        throw new IllegalArgumentException("host file " + file + " names '" + host
            + "': multi-host runs are not supported yet (only localhost)");
      }
    }
  }
}
