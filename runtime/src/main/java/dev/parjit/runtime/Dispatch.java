package dev.parjit.runtime;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the driver's dispatch stubs call. The stubs are static code in application classes, so
 * this holder is static too: the agent installs the real {@link Dispatcher} at start-up and
 * registers each stubbed method's parameter and return distributions.
 */
public final class Dispatch {

  /**
   * How a method travels: which parameters are scattered (1D), whether the return value is
   * distributed, and the effects the driver reproduces — parameters whose arrays the workers write
   * (copied back into the caller's arrays), the parameter every return hands back ({@code -1}
   * none: the caller then gets that very object), and the static fields whose current values are
   * shipped with each call ({@code owner.name:descriptor}, internal owner name), and likewise the
   * receiver's fields an instance method reads.
   */
  public record Signature(boolean[] distributedParams, boolean distributedReturn, boolean[] writtenParams,
      int returnedParam, String[] staticReads, String[] fieldReads) {

    /** A signature without effects to reproduce. */
    public Signature(boolean[] distributedParams, boolean distributedReturn) {
      this(distributedParams, distributedReturn, new boolean[distributedParams.length], -1, new String[0],
          new String[0]);
    }
  }

  /**
   * What a dispatcher returns when this call must run on the driver instead (its original code,
   * in the caller's thread): arguments that alias, or a failure on the workers that the original
   * code reproduces exactly.
   */
  private static final Object RUN_HERE = new Object() {
    @Override
    public String toString() {
      return "Dispatch.RUN_HERE";
    }
  };

  private static final Map<String, Signature> SIGNATURES = new ConcurrentHashMap<>();
  private static volatile Dispatcher dispatcher;

  private Dispatch() { }

  /** Called by dispatch stubs. */
  public static Object invoke(String methodKey, Object[] args) {
    return invoke(null, methodKey, args);
  }

  /**
   * Called by dispatch stubs: the result, or {@link #runHere()} when the stub must run the
   * method's original code itself ({@link #runsHere(Object)}).
   */
  public static Object invoke(Class<?> owner, String methodKey, Object[] args) {
    Dispatcher d = dispatcher;
    if (d == null) {
      // The class was rewritten for spawn mode but no agent started (e.g. loaded by a tool): the
      // original code is the right answer.
      return RUN_HERE;
    }
    return d.invoke(owner, methodKey, null, args);
  }

  /** Called by an instance method's dispatch stub: as above, with the receiver. */
  public static Object invoke(Class<?> owner, String methodKey, Object receiver, Object[] args) {
    Dispatcher d = dispatcher;
    return d == null ? RUN_HERE : d.invoke(owner, methodKey, receiver, args);
  }

  /** The value a dispatcher returns to make the stub run the original code on the driver. */
  public static Object runHere() {
    return RUN_HERE;
  }

  /**
   * Called by a stub when the original code it ran on the driver threw: gives {@code failure} the stack
   * trace the method has without the agent ({@link SequentialFrames}) and returns it for the stub to throw.
   */
  public static Throwable sequentialFailure(Throwable failure) {
    return SequentialFrames.restore(failure);
  }

  /** Whether a dispatcher's result asks the stub to run the original code. */
  public static boolean runsHere(Object result) {
    return result == RUN_HERE;
  }

  public static void install(Dispatcher d) {
    dispatcher = d;
  }

  public static void register(String methodKey, boolean[] distributedParams, boolean distributedReturn) {
    SIGNATURES.put(methodKey, new Signature(distributedParams.clone(), distributedReturn));
  }

  /** Registers a stubbed method with the effects the driver reproduces (see {@link Signature}). */
  public static void register(String methodKey, Signature signature) {
    SIGNATURES.put(methodKey, signature);
  }

  /** The registered signature, or {@code null}. */
  public static Signature signature(String methodKey) {
    return SIGNATURES.get(methodKey);
  }
}
