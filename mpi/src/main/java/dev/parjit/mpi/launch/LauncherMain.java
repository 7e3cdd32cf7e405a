package dev.parjit.mpi.launch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
    Placement placement = null;
    Optional<SlurmJob> slurm;
    try {
      slurm = SlurmJob.detect(System.getenv());
      cmd = parse(argv, slurm.isPresent());
      if (slurm.isPresent()) {
        checkAgreesWithSlurm(cmd, slurm.get());
      } else {
        placement = cmd.placement();
      }
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
    if (slurm.isPresent()) {
      System.exit(runSlurmTask(cmd, cp, agent));
      return;
    }
    Launcher.Builder builder = Launcher.builder().placement(placement).classpath(cp).jvmOptions(cmd.jvmOptions())
        .agent(agent).mainClass(cmd.mainClass()).args(cmd.args()).input(System.in);
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

  /**
   * Under srun every task is one rank: no -np of our own (or the same as srun's), no host file.
   */
  private static void checkAgreesWithSlurm(Command cmd, SlurmJob job) {
    if (cmd.ranks() > 0 && cmd.ranks() != job.size()) {
      throw new IllegalArgumentException("under Slurm each srun task is one rank (SLURM_NTASKS=" + job.size()
          + "); -np " + cmd.ranks() + " disagrees: drop -np or give srun -n " + cmd.ranks());
    }
    if (cmd.hostfile() != null) {
      throw new IllegalArgumentException("under Slurm the hosts are SLURM_STEP_NODELIST: drop --hostfile");
    }
  }

  /**
   * This srun task's rank: a child JVM running {@link RankMain} (which reads its rank from
   * {@code SLURM_*}), its output passed through (srun labels it: {@code srun --label}); its
   * standard input is a pipe this process holds, so the rank ends if this one is killed.
   */
  private static int runSlurmTask(Command cmd, String cp, String agent) throws InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add(Launcher.ADD_OPENS_NIO);
    command.addAll(cmd.jvmOptions());
    if (agent != null) {
      command.add(agent);
    }
    command.addAll(List.of("-cp", cp, RankMain.class.getName(), cmd.mainClass()));
    command.addAll(cmd.args());
    try (MpjConf conf = new MpjConf()) {
      ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.INHERIT)
          .redirectError(ProcessBuilder.Redirect.INHERIT);
      pb.environment().put(RankEnvironment.MPJ_HOME, conf.home().toString());
      pb.environment().put(RankEnvironment.WATCH_STDIN, "1");
      Process p = pb.start();
      Runtime.getRuntime().addShutdownHook(new Thread(p::destroyForcibly));
      return p.waitFor();
    } catch (java.io.IOException e) {
      System.err.println("parjit spmd: cannot start this Slurm task's rank: " + e.getMessage());
      return 2;
    }
  }

  static Command parse(String[] argv) {
    return parse(argv, false);
  }

  static Command parse(String[] argv, boolean underSlurm) {
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
    if (ranks < 0 && !underSlurm) {
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
