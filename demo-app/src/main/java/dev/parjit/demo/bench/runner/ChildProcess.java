package dev.parjit.demo.bench.runner;

import dev.parjit.demo.bench.report.Measurement;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Runs one measured process and reads its {@code BENCH} lines (an SPMD rank prefix
 * {@code [rank N] } is stripped). Other output is kept, the last lines of it reported on failure.
 */
public final class ChildProcess {
  private static final Pattern RANK_PREFIX = Pattern.compile("^\\[rank \\d+\\] ");
  private static final int KEEP = 30;

  /** A run that failed: non-zero exit, time-out, or missing {@code BENCH} lines. */
  public static final class RunFailure extends Exception {
    private static final long serialVersionUID = 1L;

    RunFailure(String message) {
      super(message);
    }
  }

  private ChildProcess() { }

  /** Runs {@code command}, killing it (and its children) after {@code timeoutSeconds}. */
  public static Measurement run(List<String> command, long timeoutSeconds) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.PIPE).start();
    Deque<String> tail = new ArrayDeque<>();
    String[] values = new String[4];
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = r.readLine()) != null; ) {
          String l = RANK_PREFIX.matcher(line).replaceFirst("");
          synchronized (values) {
            if (l.startsWith("BENCH first_ms ")) {
              values[0] = l.substring(15).trim();
            } else if (l.startsWith("BENCH times_ms ")) {
              values[1] = l.substring(15).trim();
            } else if (l.startsWith("BENCH first_from_start_ms ")) {
              values[3] = l.substring(26).trim();
            } else if (l.startsWith("BENCH result ")) {
              values[2] = l.substring(13).trim();
            } else {
              tail.addLast(line);
              if (tail.size() > KEEP) {
                tail.removeFirst();
              }
            }
          }
        }
      } catch (java.io.IOException e) {
        // the process was killed
      }
    }, "bench-child-output");
    reader.setDaemon(true);
    reader.start();
    boolean done = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
    if (!done) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    }
    reader.join(5000);
    synchronized (values) {
      String out = String.join("\n", tail);
      if (!done) {
        throw new RunFailure("timed out after " + timeoutSeconds + " s\n" + out);
      }
      if (p.exitValue() != 0 || values[0] == null || values[1] == null || values[2] == null) {
        throw new RunFailure("exit status " + p.exitValue() + (values[2] == null ? ", no result" : "") + "\n" + out);
      }
      return new Measurement(Double.parseDouble(values[0]), values[3] == null ? Double.NaN : Double.parseDouble(values[3]),
          parse(values[1]), parse(values[2]));
    }
  }

  static double[] parse(String csv) {
    return Arrays.stream(csv.split(",")).mapToDouble(Double::parseDouble).toArray();
  }
}
