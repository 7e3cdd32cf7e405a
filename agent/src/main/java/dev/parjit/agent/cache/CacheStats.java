package dev.parjit.agent.cache;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What the compiler did in this JVM: how many classes it analysed and how the compile cache
 * answered. Tests and benchmarks read it (through {@link CompileCache#stats()}, by reflection from
 * the application, since the agent jar is on the system class path) to prove that a warm run
 * analysed nothing.
 *
 * @param analyses classes analysed and rewritten ({@code ClassRewriter.rewrite} calls), cached or not
 * @param hits     classes taken from the cache without analysis
 * @param misses   cacheable classes that had no usable entry
 * @param stores   entries written
 * @param rejected entries found but not trusted (corrupt, truncated, other format or inputs)
 */
public record CacheStats(long analyses, long hits, long misses, long stores, long rejected) {

  private static final AtomicLong ANALYSES = new AtomicLong();
  private static final AtomicLong HITS = new AtomicLong();
  private static final AtomicLong MISSES = new AtomicLong();
  private static final AtomicLong STORES = new AtomicLong();
  private static final AtomicLong REJECTED = new AtomicLong();

  static void analysed() {
    ANALYSES.incrementAndGet();
  }

  static void hit() {
    HITS.incrementAndGet();
  }

  static void missed() {
    MISSES.incrementAndGet();
  }

  static void stored() {
    STORES.incrementAndGet();
  }

  static void rejectedEntry() {
    REJECTED.incrementAndGet();
  }

  /** The counters now. */
  static CacheStats now() {
    return new CacheStats(ANALYSES.get(), HITS.get(), MISSES.get(), STORES.get(), REJECTED.get());
  }

  @Override
  public String toString() {
    return "analyses=" + analyses + " hits=" + hits + " misses=" + misses + " stores=" + stores
        + " rejected=" + rejected;
  }
}
