package dev.parjit.analysis.plan;

/**
 * Why a variable (or loop) was made {@link Distribution#REP} or left sequential: shown in
 * diagnostics as {@code Setting distribution of variable 'm' to REP: <reason> (C.java:14)}.
 *
 * @param subject the variable's source name, or {@code "loop #id"}
 * @param reason  a sentence fragment naming the cause
 * @param line    the source line, or -1 when unknown
 */
public record RepDecision(String subject, String reason, int line) {
}
