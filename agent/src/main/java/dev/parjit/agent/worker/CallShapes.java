package dev.parjit.agent.worker;

import dev.parjit.analysis.plan.SpecializationKey;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.objectweb.asm.Type;

/**
 * Per method, what choosing a call's specialization needs from its descriptor: which parameters can
 * carry distributed data, and the key the method was compiled for when its class loaded. Worked out
 * at the method's first call, not at every call: parsing the descriptor and building the default key
 * each time was code the JIT compiled for thousands of calls (a worker spent tens of ms of compiler
 * time on it while a warm program ran), and a call with no array or frame argument now picks its body
 * without allocating.
 */
final class CallShapes {

  /**
   * A method's shape, from the distributed parameters of the compilation it was worked out for
   * ({@code distributedParams}, compared by identity: a class compiled again gives another array).
   */
  record Shape(String descriptor, boolean[] distributedParams, boolean[] distributable, SpecializationKey defaultKey) { }

  private final Map<String, Shape> shapes = new ConcurrentHashMap<>();

  /** Forgets every shape (the classes were replaced by new versions). */
  void clear() {
    shapes.clear();
  }

  /** The shape of {@code methodKey} compiled with {@code distributedParams}. */
  Shape of(String methodKey, boolean[] distributedParams) {
    Shape s = shapes.get(methodKey);
    if (s == null || s.distributedParams() != distributedParams) {
      String desc = methodKey.substring(methodKey.indexOf('('));
      Type[] types = Type.getArgumentTypes(desc);
      boolean[] distributable = new boolean[types.length];
      for (int k = 0; k < types.length; k++) {
        distributable[k] = SpecializationKey.distributable(types[k]);
      }
      s = new Shape(desc, distributedParams, distributable, SpecializationKey.defaultFor(desc, distributedParams));
      shapes.put(methodKey, s);
    }
    return s;
  }
}
