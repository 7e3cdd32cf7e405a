package dev.parjit.agent.spawn;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Whether a call's arrays alias: the same array passed twice ({@code f(a, a)}), as a row of
 * another argument, one row object twice in a matrix, or also held by a static the method reads. The workers receive copies, which
 * cannot share memory the way the caller's arrays do, so such a call of a method that writes into
 * its arguments runs on the driver (aliases only read are harmless).
 */
final class Aliasing {

  private Aliasing() { }

  /** Whether a method writing these parameters can observe aliasing at all. */
  static boolean writesAny(boolean[] writtenParams) {
    for (boolean w : writtenParams) {
      if (w) {
        return true;
      }
    }
    return false;
  }

  /** A description of the first array reachable twice, or {@code null}. */
  static String find(Object[] args, Object[] fieldValues) {
    Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (int k = 0; k < args.length; k++) {
      if (!addAll(Collections.newSetFromMap(new IdentityHashMap<>()), args[k])) {
        return "argument " + k + " holds one row object twice";
      }
      if (!addAll(seen, args[k])) {
        return "argument " + k + " shares an array with another argument";
      }
    }
    for (Object s : fieldValues) {
      if (!addAll(seen, s)) {
        return "an argument is also held by a field or static the method reads";
      }
    }
    return null;
  }

  /** Adds the array and, for arrays of arrays, every row; {@code false} when one was seen. */
  private static boolean addAll(Set<Object> seen, Object value) {
    if (value == null || !value.getClass().isArray()) {
      return true;
    }
    if (!seen.add(value)) {
      return false;
    }
    if (value instanceof Object[] rows) {
      for (Object row : rows) {
        if (!addAll(seen, row)) {
          return false;
        }
      }
    }
    return true;
  }
}
