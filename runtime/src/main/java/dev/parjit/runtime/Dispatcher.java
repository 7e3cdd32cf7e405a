package dev.parjit.runtime;

/** Runs a {@code @Jit} call somewhere else (on the spawned workers). Installed by the agent. */
public interface Dispatcher {

  /**
   * Runs the method named by {@code methodKey} ({@code pkg.Class.name(desc)}) with {@code args}
   * (primitives boxed) and returns its result (boxed; {@code null} for void).
   */
  Object invoke(String methodKey, Object[] args);

  /**
   * As {@link #invoke(String, Object[])}, knowing the class whose stub calls (for its statics). May
   * return {@link Dispatch#runHere()}: the stub then runs the original code on the driver.
   */
  default Object invoke(Class<?> owner, String methodKey, Object[] args) {
    return invoke(methodKey, args);
  }

  /**
   * As {@link #invoke(Class, String, Object[])} for an instance method ({@code receiver} non-null);
   * a dispatcher that cannot ship receivers answers {@link Dispatch#runHere()}.
   */
  default Object invoke(Class<?> owner, String methodKey, Object receiver, Object[] args) {
    return receiver == null ? invoke(owner, methodKey, args) : Dispatch.runHere();
  }
}
