package dev.parjit.mpi.launch;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Which host each rank runs on: ranks fill the hosts' slots in file order (rank 0 on the first
 * host), as {@code mpirun --map-by slot} does. More ranks than slots is an error unless
 * oversubscribing, which then deals the extra ranks over the slots again in the same order.
 *
 * @param hostFile where the hosts came from
 * @param hosts    the host of each rank, in rank order
 */
public record Placement(HostFile hostFile, List<HostFile.Host> hosts) {

  public Placement {
    hosts = List.copyOf(hosts);
  }

  /** Places {@code ranks} ranks; a clear exception when they do not fit and {@code oversubscribe} is off. */
  public static Placement of(HostFile hostFile, int ranks, boolean oversubscribe) {
    if (ranks < 1) {
      throw new IllegalArgumentException("the number of ranks must be at least 1, got " + ranks);
    }
    int slots = hostFile.totalSlots();
    if (ranks > slots && !oversubscribe) {
      String each = hostFile.hosts().stream().map(h -> h.name() + ": " + h.slots()).collect(Collectors.joining(", "));
      throw new IllegalArgumentException(ranks + " ranks asked for but " + hostFile.source() + " offers " + slots
          + " slot" + (slots == 1 ? "" : "s") + " (" + each + "); give fewer ranks, more slots, or --oversubscribe");
    }
    List<HostFile.Host> bySlot = new ArrayList<>();
    for (HostFile.Host h : hostFile.hosts()) {
      for (int s = 0; s < h.slots(); s++) {
        bySlot.add(h);
      }
    }
    List<HostFile.Host> placed = new ArrayList<>(ranks);
    for (int r = 0; r < ranks; r++) {
      placed.add(bySlot.get(r % bySlot.size()));
    }
    return new Placement(hostFile, placed);
  }

  public int ranks() {
    return hosts.size();
  }

  /** The host of {@code rank}. */
  public HostFile.Host host(int rank) {
    return hosts.get(rank);
  }

  /** Whether every rank runs on this machine. */
  public boolean allLocal() {
    return hosts.stream().distinct().allMatch(HostFile.Host::local);
  }

  /** The first host that is not this machine, or {@code null}. */
  public String firstRemoteHost() {
    return hosts.stream().distinct().filter(h -> !h.local()).map(HostFile.Host::name).findFirst().orElse(null);
  }
}
