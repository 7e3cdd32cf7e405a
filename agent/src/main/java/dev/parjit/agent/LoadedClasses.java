package dev.parjit.agent;

import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After {@code Parjit.install()} attached the agent to a running JVM: hands the classes loaded
 * before it to the transformer again (retransformation), those with {@code @Jit} methods to be
 * compiled and, on the driver, those of loaders whose classes the workers must receive as bytes.
 * The JVM lets a loaded class change its methods' code but not gain methods, and a dispatch stub
 * adds one (the original body's twin): such a class keeps running sequentially, and one warning
 * names it.
 */
final class LoadedClasses {

  private static final Logger LOG = LoggerFactory.getLogger(LoadedClasses.class);

  private LoadedClasses() { }

  static void recompile(Instrumentation inst, JitTransformer transformer) {
    List<Class<?>> again = new ArrayList<>();
    for (Class<?> c : inst.getAllLoadedClasses()) {
      if (c.isArray() || c.isPrimitive() || c.isHidden() || !inst.isModifiableClass(c)) {
        continue;
      }
      String name = c.getName().replace('.', '/');
      ClassLoader loader = c.getClassLoader();
      if (!ClassFilter.filter(loader, name)) {
        continue;
      }
      if (transformer.shipsClassesOf(loader)) {
        again.add(c); // its bytes are recorded on the way, whether it has @Jit methods or not
        continue;
      }
      byte[] bytes = JitTransformer.resources(loader).apply(name);
      if (bytes != null && transformer.wants(name, bytes)) {
        again.add(c);
      }
    }
    for (Class<?> c : again) {
      try {
        transformer.recompile(inst, c);
      } catch (UnsupportedOperationException | UnmodifiableClassException | LinkageError e) {
        LOG.warn("parjit: {} was loaded before Parjit.install() and cannot be recompiled now (the JVM does not let a "
            + "loaded class gain methods): its @Jit methods run sequentially. Call Parjit.install() before the class "
            + "is first used (not from the class itself), or start the JVM with -javaagent", c.getName());
      }
    }
  }
}
