package dev.parjit.agent.spawn;

import java.lang.reflect.Array;

/**
 * Copies the workers' rows of a multi-dimensional array back into the caller's own row objects: the
 * sequential program updates the rows it holds (a reference to {@code m[0]} kept by the caller sees
 * the writes), so the driver writes contents, never replaces rows. A reply whose rows do not have
 * the caller's shape (lengths, {@code null} rows) cannot be written back that way; the driver then
 * runs the method itself.
 */
final class RowCopy {

  private RowCopy() { }

  /** Whether {@code rows}, placed at {@code at} in {@code target}, has the shape of the rows it would update. */
  static boolean fits(Object target, Object rows, int at) {
    if (!(target instanceof Object[] t) || !(rows instanceof Object[] r) || at < 0 || at + r.length > t.length) {
      return false;
    }
    for (int k = 0; k < r.length; k++) {
      if (!sameShape(t[at + k], r[k])) {
        return false;
      }
    }
    return true;
  }

  private static boolean sameShape(Object mine, Object theirs) {
    if (mine == null || theirs == null) {
      return mine == theirs;
    }
    if (mine.getClass() != theirs.getClass() || Array.getLength(mine) != Array.getLength(theirs)) {
      return false;
    }
    if (mine instanceof Object[] m) {
      Object[] t = (Object[]) theirs;
      for (int k = 0; k < m.length; k++) {
        if (!sameShape(m[k], t[k])) {
          return false;
        }
      }
    }
    return true;
  }

  /** Copies the contents of {@code rows} into the rows of {@code target} from index {@code at} (shapes checked by {@link #fits}). */
  static void copyInto(Object target, Object rows, int at) {
    Object[] t = (Object[]) target;
    Object[] r = (Object[]) rows;
    for (int k = 0; k < r.length; k++) {
      copyContents(t[at + k], r[k]);
    }
  }

  private static void copyContents(Object mine, Object theirs) {
    if (mine == null) {
      return;
    }
    if (mine instanceof Object[] m) {
      Object[] t = (Object[]) theirs;
      for (int k = 0; k < m.length; k++) {
        copyContents(m[k], t[k]);
      }
    } else {
      System.arraycopy(theirs, 0, mine, 0, Array.getLength(mine));
    }
  }
}
