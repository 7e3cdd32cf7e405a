package dev.parjit.agent.trace;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Each thread's scheduler counters from {@code /proc/self/task}: voluntary and involuntary context
 * switches, processor time and time waiting for a processor. Between two readings they count how often
 * each thread blocked and was woken (a hand-off between threads costs a wake-up), which does not depend
 * on how loaded the machine is, unlike the time a call takes.
 */
final class ThreadCounters {

  private ThreadCounters() { }

  /** Thread name and id to {voluntary, involuntary, run ns, wait ns}; empty where /proc is absent. */
  static Map<String, long[]> read() {
    Map<String, long[]> out = new TreeMap<>();
    try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
      for (Path t : (Iterable<Path>) tasks::iterator) {
        try {
          String name = Files.readString(t.resolve("comm")).trim() + "#" + t.getFileName();
          long[] c = new long[4];
          for (String line : Files.readAllLines(t.resolve("status"))) {
            if (line.startsWith("voluntary_ctxt_switches:")) {
              c[0] = Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
            } else if (line.startsWith("nonvoluntary_ctxt_switches:")) {
              c[1] = Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
            }
          }
          String[] sched = Files.readString(t.resolve("schedstat")).trim().split(" ");
          c[2] = Long.parseLong(sched[0]);
          c[3] = Long.parseLong(sched[1]);
          out.put(name, c);
        } catch (IOException | RuntimeException e) {
          // the thread ended meanwhile
        }
      }
    } catch (IOException | RuntimeException e) {
      return out;
    }
    return out;
  }

  /** Per thread, what changed from {@code from} to {@code to} (threads started since count from zero). */
  static void write(Path file, Map<String, long[]> from, Map<String, long[]> to) throws IOException {
    try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file))) {
      w.println("thread\tvoluntary\tinvoluntary\trunNs\twaitNs");
      for (Map.Entry<String, long[]> e : to.entrySet()) {
        long[] a = from.getOrDefault(e.getKey(), new long[4]);
        long[] b = e.getValue();
        if (b[0] == a[0] && b[1] == a[1]) {
          continue;
        }
        w.println(e.getKey() + "\t" + (b[0] - a[0]) + "\t" + (b[1] - a[1]) + "\t" + (b[2] - a[2]) + "\t" + (b[3] - a[3]));
      }
    }
  }
}
