package dev.parjit.runtime;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Which distributed arrays each running compiled method allocated, so they leave the chunk registry
 * when the method returns. The registry holds arrays weakly, but a weak reference still keeps G1 from
 * reclaiming a large (humongous) array early: forgetting a finished call's arrays lets the heap stay
 * as small as in the sequential run. A method that throws skips its exit: its arrays simply stay
 * registered (weakly) as before, and the scope below stays correct.
 */
final class CallScopes {

  private static final ThreadLocal<Deque<List<Object>>> SCOPES = ThreadLocal.withInitial(ArrayDeque::new);

  private CallScopes() { }

  static void begin() {
    SCOPES.get().push(new ArrayList<>());
  }

  static void allocated(Object array) {
    List<Object> top = SCOPES.get().peek();
    if (top != null) {
      top.add(array);
    }
  }

  static void end(Object returned) {
    Deque<List<Object>> scopes = SCOPES.get();
    List<Object> mine = scopes.poll();
    if (mine == null || mine.isEmpty()) {
      return;
    }
    Set<Object> drop = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Object a : mine) {
      if (a != returned) {
        drop.add(a);
      }
    }
    DistributedArrays.forget(drop);
    if (returned != null && drop.size() < mine.size() && scopes.peek() != null) {
      scopes.peek().add(returned); // the caller now owns the returned chunk
    }
  }
}
