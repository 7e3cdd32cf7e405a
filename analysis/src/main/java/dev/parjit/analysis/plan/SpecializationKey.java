package dev.parjit.analysis.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Type;

/**
 * How each argument of one call arrives on the workers, one letter per declared parameter: the
 * key of a method's table of specializations (Bodo's dispatcher keys on argument types; Parjit's
 * on argument distributions).
 *
 * <ul>
 *   <li>{@code B} 1D_Block: an array the driver scattered in blocks, or a whole frame each rank
 *       cuts to its block on entry;
 *   <li>{@code V} 1D_Var: a lazy result (or another distributed value) already split over ranks,
 *       of any chunk lengths: nothing moves;
 *   <li>{@code R} REP: the whole value on every rank;
 *   <li>{@code -} a parameter that is not distributable data (scalars, strings, other objects).
 * </ul>
 *
 * @param code one letter per declared parameter
 */
public record SpecializationKey(String code) {

  public static final char BLOCK = 'B';
  public static final char VAR = 'V';
  public static final char REP = 'R';
  public static final char OTHER = '-';

  public SpecializationKey {
    for (int k = 0; k < code.length(); k++) {
      char c = code.charAt(k);
      if (c != BLOCK && c != VAR && c != REP && c != OTHER) {
        throw new IllegalArgumentException("not a specialization key: " + code);
      }
    }
  }

  /** Whether parameters of this type take part in the key (primitive arrays, frames). */
  public static boolean distributable(Type t) {
    if (t.getSort() == Type.ARRAY) {
      return ArrayShapes.isDistributable(t);
    }
    return t.getSort() == Type.OBJECT && (t.getInternalName().equals("dev/parjit/frame/DataFrame")
        || t.getInternalName().equals("dev/parjit/frame/Series"));
  }

  /** Whether parameters of this type are frames. */
  public static boolean isFrame(Type t) {
    return t.getSort() == Type.OBJECT && distributable(t);
  }

  /**
   * The key the in-place (default) compilation was made for, from which of its parameters it keeps
   * distributed: such arrays arrive in blocks, such frames as lazy results; the rest whole.
   */
  public static SpecializationKey defaultFor(String desc, boolean[] distributedParams) {
    Type[] args = Type.getArgumentTypes(desc);
    StringBuilder b = new StringBuilder();
    for (int k = 0; k < args.length; k++) {
      boolean distributed = distributedParams != null && k < distributedParams.length && distributedParams[k];
      b.append(!distributable(args[k]) ? OTHER : !distributed ? REP : isFrame(args[k]) ? VAR : BLOCK);
    }
    return new SpecializationKey(b.toString());
  }

  /** The analysis seeds: parameter index to the distribution its argument arrives in. */
  public Map<Integer, Distribution> seeds() {
    Map<Integer, Distribution> out = new LinkedHashMap<>();
    for (int k = 0; k < code.length(); k++) {
      Distribution d = distribution(code.charAt(k));
      if (d != null) {
        out.put(k, d);
      }
    }
    return out;
  }

  /** {@code (x: 1D_Block, df: 1D_Var)}: the distributable parameters by name. */
  public String describe(List<String> parameterNames) {
    StringBuilder b = new StringBuilder("(");
    for (int k = 0; k < code.length(); k++) {
      Distribution d = distribution(code.charAt(k));
      if (d == null) {
        continue;
      }
      if (b.length() > 1) {
        b.append(", ");
      }
      b.append(k < parameterNames.size() ? parameterNames.get(k) : "arg" + k).append(": ").append(d.label());
    }
    return b.append(')').toString();
  }

  private static Distribution distribution(char c) {
    switch (c) {
      case BLOCK: return Distribution.ONE_D_BLOCK;
      case VAR: return Distribution.ONE_D_VAR;
      case REP: return Distribution.REP;
      default: return null;
    }
  }

  @Override
  public String toString() {
    return code;
  }
}
