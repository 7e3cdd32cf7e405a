package dev.parjit.runtime;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.HashMap;
import java.util.Map;

/**
 * A map from objects, compared by identity, to values, holding its keys weakly. The JDK's
 * {@code WeakHashMap} compares keys with {@code equals}: for frames, whose {@code equals} compares
 * contents, that would hash every row on each lookup and merge equal-looking chunks. Cleared keys
 * are dropped as the garbage collector reports them. Thread-safe.
 */
final class WeakIdentityMap<V> {

  private static final class Key extends WeakReference<Object> {
    private final int hash;

    Key(Object referent, ReferenceQueue<Object> queue) {
      super(referent, queue);
      this.hash = System.identityHashCode(referent);
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object o) {
      if (this == o) {
        return true;
      }
      Object mine = get();
      return o instanceof Key k && mine != null && mine == k.get();
    }
  }

  /** A throw-away key for lookups: same hash and identity as a stored key of the same object. */
  private static final class Probe extends WeakReference<Object> {
    private final int hash;

    Probe(Object referent) {
      super(referent);
      this.hash = System.identityHashCode(referent);
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.get() == get() && get() != null;
    }
  }

  private final Map<Object, V> map = new HashMap<>();
  private final ReferenceQueue<Object> queue = new ReferenceQueue<>();

  synchronized void put(Object key, V value) {
    expunge();
    map.remove(new Probe(key));
    map.put(new Key(key, queue), value);
  }

  synchronized V get(Object key) {
    expunge();
    return map.get(new Probe(key));
  }

  synchronized void clear() {
    map.keySet().forEach(k -> ((WeakReference<?>) k).clear());
    map.clear();
  }

  /**
   * Drops the entries whose key matches, clearing the weak references too: a large array that
   * is still weakly referenced cannot be reclaimed early by G1 (eager reclaim of humongous objects).
   */
  synchronized void removeKeysIf(java.util.function.Predicate<Object> test) {
    if (map.isEmpty()) {
      return; // every call without arrays asks: no iterator, no lambda for the JIT to compile
    }
    map.keySet().removeIf(k -> {
      Object referent = ((WeakReference<?>) k).get();
      boolean drop = referent == null || test.test(referent);
      if (drop) {
        ((WeakReference<?>) k).clear();
      }
      return drop;
    });
  }

  synchronized int size() {
    expunge();
    return map.size();
  }

  /** The live entries, keys strongly held (tests). */
  synchronized Map<Object, V> snapshot() {
    Map<Object, V> out = new java.util.IdentityHashMap<>();
    map.forEach((k, v) -> {
      Object referent = ((WeakReference<?>) k).get();
      if (referent != null) {
        out.put(referent, v);
      }
    });
    return out;
  }

  private void expunge() {
    for (Object dead; (dead = queue.poll()) != null; ) {
      map.remove(dead);
    }
  }
}
