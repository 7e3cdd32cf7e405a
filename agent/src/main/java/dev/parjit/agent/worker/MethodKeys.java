package dev.parjit.agent.worker;

import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resolves method keys ({@code pkg.Class.name(desc)}) to methods, once each, through the system
 * loader or, for classes the driver shipped as bytes, the worker's {@link ShippedClasses}.
 */
final class MethodKeys {

  private final Map<String, Method> cache = new ConcurrentHashMap<>();
  private final ShippedClasses shipped;

  MethodKeys(ShippedClasses shipped) {
    this.shipped = shipped;
  }

  /** Forgets every resolved method (their classes were replaced by new versions). */
  void clear() {
    cache.clear();
  }

  Method resolve(String key) throws ReflectiveOperationException {
    Method m = cache.get(key);
    if (m == null) {
      m = lookup(key, shipped.loader());
      cache.put(key, m);
    }
    return m;
  }

  private static Method lookup(String key, ClassLoader loader) throws ReflectiveOperationException {
    int paren = key.indexOf('(');
    int dot = key.lastIndexOf('.', paren);
    if (paren < 0 || dot < 0) {
      throw new NoSuchMethodException("not a method key: " + key);
    }
    String className = key.substring(0, dot);
    String name = key.substring(dot + 1, paren);
    String desc = key.substring(paren);
    Class<?> owner = QuietInitialization.forName(className, loader);
    // The lazy entry point, when this worker's agent added one, keeps distributed frames here.
    for (String candidate : new String[] {name + "$parjitLazy", name}) {
      Method m = find(owner, candidate, desc);
      if (m != null) {
        return m;
      }
    }
    throw new NoSuchMethodException(key);
  }

  private static Method find(Class<?> owner, String name, String desc) {
    for (Method m : owner.getDeclaredMethods()) {
      if (m.getName().equals(name)
          && MethodType.methodType(m.getReturnType(), m.getParameterTypes()).toMethodDescriptorString().equals(desc)) {
        m.setAccessible(true);
        return m;
      }
    }
    return null;
  }
}
