package dev.parjit.agent.worker;

import java.util.HashMap;
import java.util.Map;

/**
 * A worker's view of the classes the driver shipped as bytes: one {@link ShippedClassLoader}
 * holding the latest version of each. A new version of a class this loader already defined (a
 * JShell snippet redefined on the driver) starts a new loader with every class's latest bytes, so
 * later calls resolve to the new code; the resolved methods and specializations of the old loader
 * are then dropped by whoever {@link #generation()} tells.
 */
final class ShippedClasses {

  private ShippedClassLoader loader;
  private long generation;

  /** Takes a shipment: names and their bytes. */
  synchronized void define(String[] names, byte[][] bytes) {
    boolean replaces = false;
    for (String n : names) {
      replaces |= loader != null && loader.defined(n);
    }
    if (loader == null || replaces) {
      Map<String, byte[]> all = loader == null ? new HashMap<>() : new HashMap<>(loader.all());
      for (int k = 0; k < names.length; k++) {
        all.put(names[k], bytes[k]);
      }
      loader = new ShippedClassLoader(all);
      generation++;
    } else {
      for (int k = 0; k < names.length; k++) {
        loader.add(names[k], bytes[k]);
      }
    }
  }

  /** Where classes named by the driver are looked up: the shipped loader (system loader first), or the system loader. */
  synchronized ClassLoader loader() {
    return loader != null ? loader : ClassLoader.getSystemClassLoader();
  }

  /** Changes whenever classes resolved earlier may be stale. */
  synchronized long generation() {
    return generation;
  }
}
