package dev.parjit.agent.worker;

import dev.parjit.agent.spawn.Messages;
import dev.parjit.mpi.Communicator;
import dev.parjit.runtime.BlockDistribution;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * This worker's copies of array arguments kept between calls (its chunk of a scattered one, or the
 * whole array), by the driver's id: a call then names them instead of sending them. The driver
 * decides what is kept, in which form, and tells the workers what to forget. A chunk kept for an
 * argument the call writes is the very array the call writes into, so it stays current.
 */
final class ResidentStore {

  private final Map<Long, Object> kept = new HashMap<>();

  /**
   * The arguments as they travel otherwise: resident ones replaced by their chunk or array. Every
   * worker resolves the same arguments in the same order, so the gathers of
   * {@link Messages.ResidentReshape} meet.
   */
  Object[] resolve(Object[] args, Communicator comm) {
    Object[] out = args;
    for (int k = 0; k < args.length; k++) {
      Object payload = null;
      if (args[k] instanceof Messages.Resident r) {
        kept.put(r.id(), r.payload());
        payload = r.payload();
      } else if (args[k] instanceof Messages.ResidentRef ref) {
        payload = held(ref.id());
      } else if (args[k] instanceof Messages.ResidentReshape reshape) {
        Object held = held(reshape.id());
        payload = reshape.whole() ? wholeOf(held, comm) : blockOf(held, comm.size(), comm.rank());
        if (reshape.whole() || reshape.keep()) {
          kept.put(reshape.id(), payload);
        }
      }
      if (payload != null) {
        out = out == args ? args.clone() : out;
        out[k] = payload;
      }
    }
    return out;
  }

  private Object held(long id) {
    Object payload = kept.get(id);
    if (payload == null) {
      throw new IllegalStateException("resident argument #" + id + " is not kept on this worker");
    }
    return payload;
  }

  /** This rank's block of a whole array, as a scattered argument arrives. */
  static Messages.Chunk blockOf(Object held, int size, int rank) {
    if (held instanceof Messages.Chunk) {
      throw new IllegalStateException("a resident argument kept as blocks was asked for as a block of a whole array");
    }
    int n = java.lang.reflect.Array.getLength(held);
    int start = (int) BlockDistribution.start(n, size, rank);
    int count = BlockDistribution.count(n, size, rank);
    Object block;
    if (held instanceof Object[] rows) {
      block = Arrays.copyOfRange(rows, start, start + count);
    } else {
      block = java.lang.reflect.Array.newInstance(held.getClass().getComponentType(), count);
      System.arraycopy(held, start, block, 0, count);
    }
    return new Messages.Chunk(block, n, start);
  }

  /** The whole array, gathered from every worker's block of it. */
  static Object wholeOf(Object held, Communicator comm) {
    if (!(held instanceof Messages.Chunk chunk)) {
      throw new IllegalStateException("a resident argument kept whole was asked to be gathered from blocks");
    }
    Object whole;
    if (chunk.array() instanceof double[] d) {
      whole = comm.allgatherv(d);
    } else if (chunk.array() instanceof long[] l) {
      whole = comm.allgatherv(l);
    } else if (chunk.array() instanceof int[] i) {
      whole = comm.allgatherv(i);
    } else if (chunk.array() instanceof byte[] b) {
      whole = comm.allgatherv(b);
    } else {
      throw new IllegalStateException("resident blocks of " + chunk.array().getClass().getSimpleName()
          + " cannot be gathered on the workers");
    }
    if (java.lang.reflect.Array.getLength(whole) != chunk.globalLength()) {
      throw new IllegalStateException("gathered " + java.lang.reflect.Array.getLength(whole) + " items of a resident"
          + " argument of " + chunk.globalLength());
    }
    return whole;
  }

  void drop(long[] ids) {
    for (long id : ids) {
      kept.remove(id);
    }
  }

  int size() {
    return kept.size();
  }
}
