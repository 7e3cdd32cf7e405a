package dev.parjit.agent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Checks the {@code workerJvm} options at start-up by asking the same {@code java} to start with
 * them ({@code -version}): a mistyped option then fails the program at once with one line naming
 * it, instead of every worker failing to start at the first {@code @Jit} call.
 */
final class WorkerJvmCheck {

  private WorkerJvmCheck() { }

  /** Throws {@link IllegalArgumentException} (one line) when {@code java} rejects {@code options}. */
  static void check(List<String> options) {
    if (options.isEmpty()) {
      return;
    }
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(options);
    cmd.add("-version");
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return; // cannot tell: the workers will report it
      }
      if (p.exitValue() != 0) {
        String first = out.lines().filter(l -> !l.isBlank()).findFirst().orElse("exit status " + p.exitValue());
        throw new IllegalArgumentException("parjit: java rejects the workerJvm options " + String.join(" ", options)
            + ": " + first);
      }
    } catch (IOException e) {
      // No java to ask: the workers will report it.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
