package dev.parjit.analysis.effects;

import java.util.List;
import java.util.Set;

/**
 * What a method does to memory its caller can observe, as far as spawn mode needs to know: which
 * effects the workers can reproduce on the driver, and which they cannot.
 *
 * @param writtenParams  parameters (declaration index) whose array elements the method may write:
 *                       the driver copies the workers' result back into the caller's arrays
 * @param returnedParam  the parameter every return hands back (the caller must get that very
 *                       object), or {@code -1}
 * @param returnsFresh   whether every returned reference is allocated by the method (or is null)
 * @param staticReads    static fields the method (or its helpers) reads whose values the driver
 *                       ships at each call, as {@code owner.name:descriptor} (internal owner name)
 * @param fieldReads     fields of the receiver ({@code this}) the method (or its helpers called on
 *                       {@code this}) reads, shipped at each call like statics, same form
 * @param unmodelled     effects the workers cannot reproduce, each with its source line: any one
 *                       keeps the method on the driver
 */
public record MethodEffects(Set<Integer> writtenParams, int returnedParam, boolean returnsFresh,
    List<String> staticReads, List<String> fieldReads, List<Unmodelled> unmodelled) {

  /** An effect Parjit cannot reproduce from the workers, with its line ({@code -1} unknown). */
  public record Unmodelled(String reason, int line) {
    @Override
    public String toString() {
      return line < 0 ? reason : reason + " at line " + line;
    }
  }

  public MethodEffects {
    writtenParams = Set.copyOf(writtenParams);
    staticReads = List.copyOf(staticReads);
    fieldReads = List.copyOf(fieldReads);
    unmodelled = List.copyOf(unmodelled);
  }

  /** Whether the workers can reproduce everything the method does. */
  public boolean allModelled() {
    return unmodelled.isEmpty();
  }

  /** The first unmodelled effect, as the one-line reason a method stays on the driver. */
  public String firstReason() {
    return unmodelled.isEmpty() ? null : unmodelled.get(0).toString();
  }
}
