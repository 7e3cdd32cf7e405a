package dev.parjit.agent.worker;

import dev.parjit.agent.spawn.Messages;
import java.util.HashMap;
import java.util.Map;

/**
 * This worker's copies of read-only array arguments kept between calls (its chunk of a scattered
 * one, or the whole array), by the driver's id: a call then names them instead of sending them.
 * The driver decides what is kept and tells the workers what to forget.
 */
final class ResidentStore {

  private final Map<Long, Object> kept = new HashMap<>();

  /** The arguments as they travel otherwise: resident ones replaced by their chunk or array. */
  Object[] resolve(Object[] args) {
    Object[] out = args;
    for (int k = 0; k < args.length; k++) {
      Object payload = null;
      if (args[k] instanceof Messages.Resident r) {
        kept.put(r.id(), r.payload());
        payload = r.payload();
      } else if (args[k] instanceof Messages.ResidentRef ref) {
        payload = kept.get(ref.id());
        if (payload == null) {
          throw new IllegalStateException("resident argument #" + ref.id() + " is not kept on this worker");
        }
      }
      if (payload != null) {
        out = out == args ? args.clone() : out;
        out[k] = payload;
      }
    }
    return out;
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
