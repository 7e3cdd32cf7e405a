package dev.parjit.agent.spawn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The driver ships what its workers' class path lacks, each version once per set of workers. */
class ShippedClassesTest {

  @Test
  void theSystemLoaderAndItsParentsShipNothing() {
    assertFalse(ShippedClasses.shipsFrom(null));
    assertFalse(ShippedClasses.shipsFrom(ClassLoader.getSystemClassLoader()));
    assertFalse(ShippedClasses.shipsFrom(ClassLoader.getPlatformClassLoader()));
    assertTrue(ShippedClasses.shipsFrom(new URLClassLoader(new URL[0])));
  }

  @Test
  void eachVersionIsSentOnceAndANewOneAgain() throws Exception {
    try (URLClassLoader snippets = new URLClassLoader(new URL[0], ClassLoader.getSystemClassLoader())) {
      ShippedClasses.record(snippets, "REPL/$JShell$11", new byte[] {1});
      ShippedClasses.record(snippets, "REPL/$JShell$12", new byte[] {2});
      // An owner defined by that loader: a proxy class is the simplest class a test can make there.
      Class<?> owner = java.lang.reflect.Proxy.getProxyClass(snippets, Runnable.class);
      Map<String, Long> sent = new HashMap<>();
      List<String> first = ShippedClasses.unsent(owner, sent).stream().map(ShippedClasses.Version::name).toList();
      assertEquals(List.of("REPL.$JShell$11", "REPL.$JShell$12"), first);
      assertEquals(List.of(), ShippedClasses.unsent(owner, sent), "already sent");
      ShippedClasses.record(snippets, "REPL/$JShell$11", new byte[] {3}); // redefined
      List<ShippedClasses.Version> again = ShippedClasses.unsent(owner, sent);
      assertEquals(1, again.size());
      assertEquals("REPL.$JShell$11", again.get(0).name());
      assertEquals(3, again.get(0).bytes()[0]);
      assertEquals(List.of(), ShippedClasses.unsent(String.class, new HashMap<>()), "a JDK class's loader ships nothing");
    }
  }
}
