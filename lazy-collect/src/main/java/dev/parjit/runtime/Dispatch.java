package dev.parjit.runtime;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the driver's dispatch stubs call. The stubs are static code in application classes, so
 * this holder is static too: the agent installs the real {@link Dispatcher} at start-up and
 * registers each stubbed method's parameter and return distributions.
 */
public final class Dispatch {

  /** Which parameters are scattered (1D) and whether the return value is distributed. */
  public record Signature(boolean[] distributedParams, boolean distributedReturn) { }

  private static final Map<String, Signature> SIGNATURES = new ConcurrentHashMap<>();
  private static volatile Dispatcher dispatcher;

  private Dispatch() { }

  /** Called by dispatch stubs. */
  public static Object invoke(String methodKey, Object[] args) {
    Dispatcher d = dispatcher;
    if (d == null) {
      throw new IllegalStateException("no Parjit dispatcher is installed to run " + methodKey
          + ": the class was rewritten for spawn mode but the agent did not start");
    }
    return d.invoke(methodKey, args);
  }

  public static void install(Dispatcher d) {
    dispatcher = d;
  }

  public static void register(String methodKey, boolean[] distributedParams, boolean distributedReturn) {
    SIGNATURES.put(methodKey, new Signature(distributedParams.clone(), distributedReturn));
  }

  /** The registered signature, or {@code null}. */
  public static Signature signature(String methodKey) {
    return SIGNATURES.get(methodKey);
  }
}
