package dev.parjit.agent.worker;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Defines, on a worker, classes the driver shipped as bytes (see {@code spawn.ShippedClasses}).
 * Delegates to the system loader first, as the driver's loaders do; a class is defined at its
 * first use, so this worker's agent compiles it like any class it loads. Serves the bytes as
 * {@code .class} resources too: the analysis reads the application's helper classes that way.
 */
final class ShippedClassLoader extends ClassLoader {

  static {
    registerAsParallelCapable();
  }

  private final Map<String, byte[]> bytes;

  ShippedClassLoader(Map<String, byte[]> bytes) {
    super("parjit-shipped", ClassLoader.getSystemClassLoader());
    this.bytes = new ConcurrentHashMap<>(bytes);
  }

  /** Adds classes not defined yet (a class already defined is replaced by a new loader instead). */
  void add(String name, byte[] b) {
    bytes.put(name, b);
  }

  /** Whether {@code name} was defined here already, so a new version needs a new loader. */
  boolean defined(String name) {
    synchronized (getClassLoadingLock(name)) {
      return findLoadedClass(name) != null;
    }
  }

  Map<String, byte[]> all() {
    return Map.copyOf(bytes);
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    byte[] b = bytes.get(name);
    if (b == null) {
      throw new ClassNotFoundException(name);
    }
    return defineClass(name, b, 0, b.length);
  }

  @Override
  public InputStream getResourceAsStream(String name) {
    if (name.endsWith(".class")) {
      byte[] b = bytes.get(name.substring(0, name.length() - ".class".length()).replace('/', '.'));
      if (b != null) {
        return new ByteArrayInputStream(b);
      }
    }
    return super.getResourceAsStream(name);
  }
}
