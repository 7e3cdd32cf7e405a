package dev.parjit.agent.spawn;

import dev.parjit.mpi.launch.HostFile;
import dev.parjit.mpi.launch.Placement;
import java.util.Locale;

/**
 * When, and on how many threads, the driver compares resident arguments with its copies
 * ({@link ResidentInputs}), from the processors it shares with its workers.
 *
 * <p>A comparison deferred until the workers run the call (speculation) hides its time only on a
 * processor that no worker on this machine uses. When the local workers take every processor, the
 * deferred comparison runs on theirs: it delays them by its whole CPU time anyway, preempts them in
 * the middle of their loops, streams memory while they compute, and the call carries two more messages
 * (the output held back, then the verdict). Then each comparison is made before the call is sent, cut
 * over every processor, while the workers wait for the call. A deferred comparison is cut over the
 * free processors only, so that its helper threads do not take a worker's processor either.
 *
 * @param speculate        whether an argument that matched before may be compared while the workers run
 * @param slicesBeforeSend threads for a comparison made before the call is sent
 * @param slicesDeferred   threads for a comparison deferred while the workers run
 */
record ResidentCheckPlan(boolean speculate, int slicesBeforeSend, int slicesDeferred) {

  /**
   * {@code -Dparjit.speculativeResidentCheck=true|false|auto}: {@code true} always defers comparisons
   * that may be deferred, {@code false} never does, {@code auto} (the default) defers them when the
   * driver has a processor that no local worker uses (so does any other value).
   */
  static final String PROPERTY = "parjit.speculativeResidentCheck";

  /** The plan for {@code placement}'s workers on a driver with {@code processors} processors. */
  static ResidentCheckPlan of(String setting, int processors, Placement placement) {
    int local = (int) placement.hosts().stream().filter(HostFile.Host::local).count();
    return of(setting, processors, local);
  }

  /** The plan for {@code localWorkers} workers on this machine and a driver with {@code processors} processors. */
  static ResidentCheckPlan of(String setting, int processors, int localWorkers) {
    int all = Math.max(1, Math.min(SlicedComparison.MAX_SLICES, processors));
    int free = Math.max(0, processors - localWorkers);
    boolean speculate = switch (setting == null ? "auto" : setting.trim().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> free > 0;
    };
    return new ResidentCheckPlan(speculate, all, Math.max(1, Math.min(SlicedComparison.MAX_SLICES, free)));
  }
}
