package dev.parjit.agent.cache;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Function;

/** Class bytes from the test class path, by internal name. */
final class TestClasses {

  private TestClasses() { }

  static final Function<String, byte[]> LOOKUP = name -> {
    try (InputStream in = TestClasses.class.getClassLoader().getResourceAsStream(name + ".class")) {
      return in == null ? null : in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  };

  static String name(Class<?> c) {
    return c.getName().replace('.', '/');
  }

  static byte[] bytes(Class<?> c) {
    return LOOKUP.apply(name(c));
  }
}
