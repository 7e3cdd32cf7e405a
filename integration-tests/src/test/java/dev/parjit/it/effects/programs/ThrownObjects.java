package dev.parjit.it.effects.programs;

import dev.parjit.Jit;
import dev.parjit.it.effects.Data;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;
import java.util.MissingResourceException;

/**
 * Parallel loops that throw JDK exceptions a caller may look into: one with a cause, one made from
 * a cause alone, an {@code AssertionError} (whose message goes through its {@code (Object)}
 * constructor) and one without a message. In SPMD mode the ranks that did not fail rebuild the
 * failure: they once dropped the cause, and could not rebuild the {@code AssertionError} at all, so
 * the failing rank caught it while the others escaped with a wrapper and waited in other collectives.
 */
public final class ThrownObjects implements EffectsProgram {

  @Jit
  static double withCause(double[] a) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      if (a[i] > 76) {
        throw new IllegalStateException("above 76 at " + i, new ArithmeticException("inner " + i));
      }
      s += a[i];
    }
    return s;
  }

  @Jit
  static double causeOnly(double[] a) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      if (a[i] > 77) {
        throw new RuntimeException(new IllegalArgumentException("value at " + i));
      }
      s += a[i];
    }
    return s;
  }

  @Jit
  static double asserted(double[] a) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      if (a[i] < -38) {
        throw new AssertionError("below -38 at " + i);
      }
      s += a[i];
    }
    return s;
  }

  @Jit
  static double noMessage(double[] a) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      if (a[i] > 80) {
        throw new IllegalStateException();
      }
      s += a[i];
    }
    return s;
  }

  /**
   * A JDK exception with fields of its own and no {@code (String)} constructor: it reaches the other
   * ranks serialized, where it once became a wrapper they could not catch.
   */
  @Jit
  static double missingEntry(double[] a) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      if (a[i] > 79) {
        throw new MissingResourceException("no entry for row " + i, "Rows", "row" + i);
      }
      s += a[i];
    }
    return s;
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    double[] a = Data.doubles(n, 71);
    try {
      s.put("withCause", withCause(a));
    } catch (IllegalStateException e) {
      put(s, "withCauseThrown", e);
    }
    try {
      s.put("causeOnly", causeOnly(a));
    } catch (RuntimeException e) {
      put(s, "causeOnlyThrown", e);
    }
    try {
      s.put("asserted", asserted(a));
    } catch (AssertionError e) {
      put(s, "assertedThrown", e);
    }
    try {
      s.put("noMessage", noMessage(a));
    } catch (IllegalStateException e) {
      put(s, "noMessageThrown", e);
    }
    try {
      s.put("missingEntry", missingEntry(a));
    } catch (MissingResourceException e) {
      put(s, "missingEntryThrown", e);
      s.put("missingEntryKey", e.getClassName() + "/" + e.getKey());
    }
    s.put("a", a);
  }

  /** The exception as a caller sees it: type, message (null told apart from "null"), the whole cause chain. */
  private static void put(State s, String key, Throwable e) {
    StringBuilder sb = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      sb.append(t == e ? "" : " caused by ").append(t.getClass().getName())
          .append(t.getMessage() == null ? " (no message)" : ": [" + t.getMessage() + "]");
    }
    s.put(key, sb + " suppressed=" + e.getSuppressed().length);
  }
}
