package dev.parjit.mpi.launch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The command that starts a rank on another host, the way {@code mpirun} does: the remote shell
 * from {@code PARJIT_RSH} (default {@code ssh}; it may carry options, split at white space), the
 * host, and one POSIX shell command line that runs the same java in the same working directory
 * (a shared file system is assumed, as on HPC clusters). MPJ Express reads its configuration
 * from {@code $MPJ_HOME/conf}: the remote command writes it into a private temporary directory on
 * that host and removes it when the rank ends. The job's secret is not on the command line: it
 * travels on the remote shell's standard input ({@link RankEnvironment#SECRET_ON_STDIN}).
 */
final class RemoteShell {

  /** What the remote command prints on standard error just before java starts (the launcher swallows it). */
  static final String STARTED = "parjit: remote rank starting";

  /** The environment variable holding the remote shell command. */
  static final String RSH_ENV = "PARJIT_RSH";

  private RemoteShell() { }

  /** {@code PARJIT_RSH} split into words, or {@code ssh}. */
  static List<String> rsh(Map<String, String> env) {
    String rsh = env.getOrDefault(RSH_ENV, "").trim();
    return rsh.isEmpty() ? List.of("ssh") : Arrays.asList(rsh.split("\\s+"));
  }

  /**
   * The local command: {@code rsh... host 'cd DIR && ... ENV... java ARGS...'}.
   *
   * @param env variables the rank needs (names must be shell identifiers)
   */
  static List<String> command(List<String> rsh, String host, String workingDirectory, Map<String, String> env,
      List<String> javaCommand) {
    StringBuilder conf = new StringBuilder();
    for (String line : MpjConf.lines()) {
      conf.append(' ').append(quote(line));
    }
    StringBuilder vars = new StringBuilder();
    env.forEach((k, v) -> {
      if (!k.matches("[A-Za-z_][A-Za-z0-9_]*")) {
        throw new IllegalArgumentException("not an environment variable name: " + k);
      }
      vars.append(k).append('=').append(quote(v)).append(' ');
    });
    StringBuilder java = new StringBuilder();
    for (String a : javaCommand) {
      java.append(quote(a)).append(' ');
    }
    String script = "cd " + quote(workingDirectory)
        + " && d=$(mktemp -d \"${TMPDIR:-/tmp}/parjit-mpj-XXXXXX\")"
        + " && mkdir \"$d/conf\" \"$d/logs\""
        + " && printf '%s\\n'" + conf + " > \"$d/conf/mpjexpress.conf\""
        + " && echo " + quote(STARTED) + " >&2"
        + " && { " + vars + "MPJ_HOME=\"$d\" " + java + "; s=$?; rm -rf \"$d\"; exit $s; }";
    List<String> cmd = new ArrayList<>(rsh);
    cmd.add(host);
    cmd.add(script);
    return cmd;
  }

  /** One POSIX shell word: single quotes, with embedded single quotes closed and escaped. */
  static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }
}
