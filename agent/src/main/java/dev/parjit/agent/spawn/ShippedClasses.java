package dev.parjit.agent.spawn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The driver's copy of the classes its workers cannot load from their class path: everything
 * defined by a class loader other than the system (application) loader and its ancestors, such
 * as JShell's snippet classes or classes an application generates at run time. The workers are
 * started with the driver's {@code java.class.path} only, so the bytes the driver's
 * {@code ClassFileTransformer} saw (before any rewriting: each worker's agent compiles them for
 * its own role) are shipped with the first call that needs them, and again after a redefinition
 * (JShell redefines a snippet's class in place when a method is replaced with the same
 * signature).
 *
 * <p>Each recorded version gets a serial number, so the dispatcher knows what a set of workers
 * has already received. Loaders are held weakly: a discarded loader's classes are forgotten.
 */
public final class ShippedClasses {

  /** A class's bytes as defined (or redefined), with the serial of this version. */
  public record Version(String name, byte[] bytes, long serial) { }

  private static final AtomicLong SERIALS = new AtomicLong();
  private static final Map<ClassLoader, Map<String, Version>> BY_LOADER = new WeakHashMap<>();

  private ShippedClasses() { }

  /**
   * Whether classes of {@code loader} must travel as bytes: not the bootstrap, platform or system
   * loader (the workers share those through the JDK and the class path).
   */
  public static boolean shipsFrom(ClassLoader loader) {
    if (loader == null) {
      return false;
    }
    for (ClassLoader l = ClassLoader.getSystemClassLoader(); l != null; l = l.getParent()) {
      if (l == loader) {
        return false;
      }
    }
    return true;
  }

  /** Records a class as its loader defines or redefines it ({@code internalName} with slashes). */
  public static void record(ClassLoader loader, String internalName, byte[] bytes) {
    Version v = new Version(internalName.replace('/', '.'), bytes.clone(), SERIALS.incrementAndGet());
    synchronized (BY_LOADER) {
      BY_LOADER.computeIfAbsent(loader, l -> new LinkedHashMap<>()).put(v.name(), v);
    }
  }

  /**
   * The recorded classes of {@code owner}'s loader and of its ancestors below the system loader,
   * that {@code sent} does not hold yet in this version; {@code sent} (class name to serial) is
   * updated to include them.
   */
  public static List<Version> unsent(Class<?> owner, Map<String, Long> sent) {
    List<Version> out = new ArrayList<>();
    if (owner == null) {
      return out;
    }
    synchronized (BY_LOADER) {
      for (ClassLoader l = owner.getClassLoader(); shipsFrom(l); l = l.getParent()) {
        for (Version v : BY_LOADER.getOrDefault(l, Map.of()).values()) {
          Long had = sent.get(v.name());
          if (had == null || had != v.serial()) {
            out.add(v);
            sent.put(v.name(), v.serial());
          }
        }
      }
    }
    return out;
  }
}
