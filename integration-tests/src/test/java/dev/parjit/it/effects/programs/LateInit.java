package dev.parjit.it.effects.programs;

import dev.parjit.Jit;
import dev.parjit.it.effects.Data;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/**
 * Kernels reading statics of classes the program has not initialized yet. The sequential run
 * initializes such a class where the loop first reads the static: never for an empty loop, and a
 * failing initializer throws {@code ExceptionInInitializerError} there, then {@code
 * NoClassDefFoundError} at every later use. The spawn driver read the statics to ship them with the
 * call, which initialized the class at the call (an initializer's count showed it for an empty loop)
 * and swallowed the first failure, so the caller met {@code NoClassDefFoundError} first.
 */
public final class LateInit implements EffectsProgram {

  /** How many times {@link Rates}' initializer ran (in this process). */
  static int ratesInitialized;

  /** Whether {@link Broken}'s initializer fails (the program arms it before the first call). */
  static boolean armed;

  static final class Rates {
    static double factor;

    static {
      ratesInitialized++;
      factor = 1.5 + ratesInitialized;
    }
  }

  static final class Broken {
    static double offset;

    static {
      if (armed) {
        throw new IllegalStateException("no offset configured");
      }
      offset = 1;
    }
  }

  /**
   * Prints when initialized (on rank 0 only: SPMD ranks each run the program). In spawn mode the
   * driver initializes it, then each worker did again when the static arrived with a call, only to
   * overwrite the value its initializer computed, and its line came back once per worker; now the
   * workers initialize such classes with their output held back.
   */
  static final class Noisy {
    static double weight;

    static {
      if (dev.parjit.Parjit.getRank() == 0) {
        System.out.println("OUT LateInit Noisy initialized");
      }
      weight = 0.75;
    }
  }

  @Jit
  static double weighByNoisy(double[] a) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * Noisy.weight;
    }
    return s;
  }

  @Jit
  static double weighByRate(double[] a) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * Rates.factor;
    }
    return s;
  }

  @Jit
  static double shiftByBroken(double[] a) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] + Broken.offset;
    }
    return s;
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    armed = true;
    double[] a = Data.doubles(n, 57);
    s.put("weight", weighByRate(a));
    s.put("noisy", weighByNoisy(a));
    s.put("noisy again", weighByNoisy(a));
    if (n == 0) {
      // An empty loop never reads Rates.factor, so its class stays uninitialized. (For n > 0 in SPMD mode a
      // rank whose block is empty initializes it only later, a known difference the README lists.)
      s.put("ratesInitialized", ratesInitialized);
    }
    for (int k = 0; k < 2; k++) {
      try {
        s.put("shifted " + k, shiftByBroken(a));
      } catch (LinkageError e) {
        // the thread's name that the JDK puts in the cause's message is the caller's in every mode
        s.put("shifted " + k + " thrown", e.getClass().getName() + ": " + e.getMessage()
            + (e.getCause() == null ? "" : " cause " + e.getCause().getClass().getName()));
      }
    }
    s.put("a", a);
  }
}
