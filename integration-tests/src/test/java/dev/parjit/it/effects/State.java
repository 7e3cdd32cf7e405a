package dev.parjit.it.effects;

import java.util.Arrays;

/**
 * Prints a program's observable state as {@code STATE <program> <n> <key>=<value>} lines. Arrays
 * are printed whole; keys of float values get a {@code (float)} suffix so the comparison knows to
 * use the float tolerance on them.
 */
public final class State {

  private final String prefix;

  public State(EffectsProgram program, int n) {
    this.prefix = "STATE " + program.name() + " " + n + " ";
  }

  /** Prints one piece of state. */
  public void put(String key, Object value) {
    boolean isFloat = value instanceof float[] || value instanceof Float;
    System.out.println(prefix + key + (isFloat ? "(float)" : "") + "=" + render(value));
  }

  /** Prints the exception the caller caught: its class and message, which must be the sequential ones. */
  public void thrown(Throwable e) {
    put("thrown", e.getClass().getName() + ": " + e.getMessage());
  }

  /** Records that the call returned normally, so a spurious exception elsewhere cannot hide a missing one. */
  public void noException() {
    put("thrown", "none");
  }

  static String render(Object v) {
    if (v instanceof double[] a) {
      return Arrays.toString(a);
    } else if (v instanceof float[] a) {
      return Arrays.toString(a);
    } else if (v instanceof long[] a) {
      return Arrays.toString(a);
    } else if (v instanceof int[] a) {
      return Arrays.toString(a);
    } else if (v instanceof byte[] a) {
      return Arrays.toString(a);
    } else if (v instanceof boolean[] a) {
      return Arrays.toString(a);
    } else if (v instanceof Object[] a) {
      return Arrays.deepToString(a);
    }
    return String.valueOf(v);
  }
}
