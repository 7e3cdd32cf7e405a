package dev.parjit.analysis.plan;

/**
 * Why a variable (or loop) was made {@link Distribution#REP} or left sequential: shown in
 * diagnostics as {@code Setting distribution of variable 'm' to REP: <reason> (C.java:14)}.
 *
 * @param subject the variable's source name, or {@code "loop #id"}
 * @param reason  a sentence fragment naming the cause
 * @param line    the source line, or -1 when unknown
 * @param loop    whether the subject is a loop rather than a variable
 */
public record RepDecision(String subject, String reason, int line, boolean loop) {

  /** A variable's decision. */
  public RepDecision(String subject, String reason, int line) {
    this(subject, reason, line, false);
  }

  /** Loop {@code id}'s decision to stay sequential. */
  public static RepDecision loop(int id, String reason, int line) {
    return new RepDecision("loop #" + id, reason, line, true);
  }
}
