package dev.parjit.runtime;

import java.lang.invoke.CallSite;
import java.lang.invoke.ConstantCallSite;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The bootstrap of calls from one compiled {@code @Jit} method to another of its class: the call
 * site names the callee and how its arguments arrive (a specialization key, see
 * {@code dev.parjit.analysis.plan.SpecializationKey}), and is linked once, to the callee's
 * specialization for that key when a {@link Linker} is installed (spawn-mode workers), else to the
 * callee itself.
 */
public final class Specializations {

  /** Finds or compiles the body of {@code owner.name} for a key; {@code null} to call the method itself. */
  @FunctionalInterface
  public interface Linker {
    MethodHandle link(Class<?> owner, String name, MethodType type, String key) throws ReflectiveOperationException;
  }

  private static volatile Linker linker;

  private Specializations() { }

  /** Installed by a spawn-mode worker. */
  public static void install(Linker l) {
    linker = l;
  }

  /** The bootstrap method named by rewritten call sites (descriptor fixed: the transforms emit it). */
  public static CallSite link(MethodHandles.Lookup caller, String name, MethodType type, Class<?> owner, String key)
      throws ReflectiveOperationException {
    Linker l = linker;
    MethodHandle target = l == null ? null : l.link(owner, name, type, key);
    if (target == null) {
      target = caller.findStatic(owner, name, type);
    }
    return new ConstantCallSite(target.asType(type));
  }
}
