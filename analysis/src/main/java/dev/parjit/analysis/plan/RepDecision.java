package dev.parjit.analysis.plan;

/**
 * Why a variable (or loop) was made {@link Distribution#REP} or left sequential: shown in
 * diagnostics as {@code Setting distribution of variable 'm' to REP: <reason> (C.java:14)}.
 *
 * @param subject  the variable's source name, or {@code "loop #id"}
 * @param sentence a sentence fragment naming the cause, without a line
 * @param line     the source line of the subject (its allocation, its loop), or -1 when unknown
 * @param loop     whether the subject is a loop rather than a variable
 * @param at       the source line of the use that decided, or -1 when none is named
 */
public record RepDecision(String subject, String sentence, int line, boolean loop, int at) {

  /** A variable's decision that names no deciding line. */
  public RepDecision(String subject, String sentence, int line) {
    this(subject, sentence, line, false, -1);
  }

  /** Loop {@code id}'s decision to stay sequential, decided at line {@code at} (or -1). */
  public static RepDecision loop(int id, String sentence, int at, int line) {
    return new RepDecision("loop #" + id, sentence, line, true, at);
  }

  /** The sentence, then {@code " at line N"} when the deciding line is known. */
  public String reason() {
    return at < 0 ? sentence : sentence + " at line " + at;
  }

  /** The line diagnostics show: the deciding use's when known, else the subject's. */
  public int shownLine() {
    return at >= 0 ? at : line;
  }
}
