package dev.parjit.agent.startup;

import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The start-up timeline, at debug level: one line per phase ({@code startup: workers launched at
 * 1234 ms from process start, 2100 ms of CPU}) with the wall clock, so a driver's and its workers'
 * lines (forwarded with {@code [rank N]}) can be laid side by side. The process's CPU time is there
 * because wall times on a shared machine say more about the neighbours than about the phase.
 * Costs nothing when debug is off.
 */
public final class StartupLog {

  private static final Logger LOG = LoggerFactory.getLogger(StartupLog.class);

  /** When this process started (the OS's record, before the JVM booted), or now when unknown. */
  private static final long START_MILLIS = ProcessHandle.current().info().startInstant()
      .map(Instant::toEpochMilli).orElse(System.currentTimeMillis());

  private StartupLog() { }

  /** Logs that {@code phase} is done now. */
  public static void mark(String phase) {
    if (LOG.isDebugEnabled()) {
      long now = System.currentTimeMillis();
      long cpu = ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(-1L);
      LOG.debug("startup: {} at {} ms from process start, {} ms of CPU (epoch ms {})", phase, now - START_MILLIS, cpu, now);
    }
  }

  /**
   * Logs that {@code phase} is done now, with this process's CPU time by kind of thread, its loaded
   * classes and JIT compile time ({@link ThreadCpu}): for the first answer, where a cold start's
   * CPU went.
   */
  public static void markWithThreads(String phase) {
    if (LOG.isDebugEnabled()) {
      mark(phase);
      LOG.debug("startup: CPU by thread at {}: {}", phase, ThreadCpu.summary());
    }
  }

  /** Milliseconds since this process started. */
  public static long sinceStartMillis() {
    return System.currentTimeMillis() - START_MILLIS;
  }
}
