package dev.parjit.analysis;

import java.util.List;
import org.objectweb.asm.tree.AbstractInsnNode;

/**
 * Why a pass keeps a loop sequential or an array REP: the rule that decided, its arguments and the
 * source line of the instruction that decided it. Passes decide on {@link #rule()}; {@link #text()}
 * is the one place that renders what users read.
 *
 * @param rule the rule that declined
 * @param args the rule's arguments (names, offsets, sentences of the named rule classes)
 * @param line the source line shown as {@code " at line N"}, or -1 for none
 */
public record Decline(DeclineRule rule, List<Object> args, int line) {

  /** Without arguments, at {@code where}'s line. */
  static Decline at(DeclineRule rule, AbstractInsnNode where, Object... args) {
    return new Decline(rule, List.of(args), LineTable.line(where));
  }

  /** Without a line. */
  static Decline of(DeclineRule rule, Object... args) {
    return new Decline(rule, List.of(args), -1);
  }

  /** The rule's sentence, without the line. */
  public String sentence() {
    return rule.render(args.toArray());
  }

  /** The rule's sentence, then {@code " at line N"} when the line is known. */
  public String text() {
    return sentence() + (line < 0 ? "" : " at line " + line);
  }

  @Override
  public String toString() {
    return rule + ": " + text();
  }
}
