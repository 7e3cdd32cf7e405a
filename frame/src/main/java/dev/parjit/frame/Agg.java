package dev.parjit.frame;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One named aggregation for {@link GroupBy#agg}: {@code Agg.sum("x")}, {@code Agg.mean("x")}, ...
 *
 * <p>Output column names (pandas named aggregation, made automatic): an explicit {@link #as}
 * name wins; otherwise a column aggregated once keeps its own name ({@code x}), and a column
 * aggregated several times gets one column per aggregate named {@code x_sum}, {@code x_mean},
 * {@code x_min}, {@code x_max}, {@code x_count}, {@code x_std}, {@code x_var}.
 */
public final class Agg {
  /** The aggregate functions; sample std/var use ddof = 1 as pandas. */
  public enum Kind {
    /** Sum. */
    SUM,
    /** Mean. */
    MEAN,
    /** Minimum. */
    MIN,
    /** Maximum. */
    MAX,
    /** Non-missing count. */
    COUNT,
    /** Sample standard deviation. */
    STD,
    /** Sample variance. */
    VAR;

    /** Lower-case name used in {@code x_mean}-style output names. */
    public String suffix() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private final Kind kind;
  private final String column;
  private final String alias;

  private Agg(Kind kind, String column, String alias) {
    this.kind = Objects.requireNonNull(kind, "kind");
    this.column = Objects.requireNonNull(column, "column");
    this.alias = alias;
  }

  /** An aggregation of {@code column} by {@code kind}. */
  public static Agg of(Kind kind, String column) {
    return new Agg(kind, column, null);
  }

  /** Sum of non-missing values (0 for an all-missing group). */
  public static Agg sum(String column) {
    return of(Kind.SUM, column);
  }

  /** Mean of non-missing values (NaN for an all-missing group). */
  public static Agg mean(String column) {
    return of(Kind.MEAN, column);
  }

  /** Minimum (null for an all-missing group). */
  public static Agg min(String column) {
    return of(Kind.MIN, column);
  }

  /** Maximum (null for an all-missing group). */
  public static Agg max(String column) {
    return of(Kind.MAX, column);
  }

  /** Number of non-missing values. */
  public static Agg count(String column) {
    return of(Kind.COUNT, column);
  }

  /** Sample standard deviation. */
  public static Agg std(String column) {
    return of(Kind.STD, column);
  }

  /** Sample variance. */
  public static Agg var(String column) {
    return of(Kind.VAR, column);
  }

  /** The same aggregation with an explicit output column name. */
  public Agg as(String outputName) {
    return new Agg(kind, column, Objects.requireNonNull(outputName, "outputName"));
  }

  /** The aggregate function. */
  public Kind kind() {
    return kind;
  }

  /** The input column. */
  public String column() {
    return column;
  }

  /** The explicit output name, or null. */
  public String alias() {
    return alias;
  }

  /** Output column names for these aggregations, by the rule in the class comment. */
  public static String[] outputNames(Agg... aggs) {
    Map<String, Integer> uses = new HashMap<>();
    for (Agg a : aggs) uses.merge(a.column, 1, Integer::sum);
    String[] out = new String[aggs.length];
    for (int i = 0; i < aggs.length; i++) {
      Agg a = aggs[i];
      out[i] = a.alias != null ? a.alias : uses.get(a.column) > 1 ? a.column + "_" + a.kind.suffix() : a.column;
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Agg && ((Agg) o).kind == kind && ((Agg) o).column.equals(column) && Objects.equals(((Agg) o).alias, alias);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, column, alias);
  }

  @Override
  public String toString() {
    return "Agg." + kind.suffix() + "(" + column + ")" + (alias == null ? "" : ".as(" + alias + ")");
  }
}
