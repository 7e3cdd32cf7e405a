package dev.parjit.frame;

import dev.parjit.frame.kernel.Factorizer;
import dev.parjit.frame.kernel.GroupAggregator;
import dev.parjit.frame.kernel.SortedRuns;
import dev.parjit.frame.kernel.Sorting;
import dev.parjit.frame.kernel.Vectors;
import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.arrow.vector.FieldVector;

/**
 * Rows of a {@link DataFrame} grouped by key columns ({@code df.groupBy("k").agg(Agg.sum("x"))}).
 * Results are frames with the key columns first, then one column per aggregate (pandas
 * {@code as_index=False}), one row per distinct key, sorted by key ascending (pandas
 * {@code sort=True}); rows with a missing key are dropped ({@code dropna=True}). Output names:
 * see {@link Agg}. The all-column shortcuts ({@link #sum()}, {@link #mean()}, ...) aggregate every
 * non-key column the function applies to: numeric ones (and timestamps for min/max), every column
 * for count; string columns are skipped as with pandas {@code numeric_only=True}.
 *
 * <p>Distributed use: each rank computes {@link #partials(Agg...)} on its rows, the partial frames
 * are concatenated (after a shuffle or an allgather; they are small, one row per local group),
 * and {@link #combinePartials} gives the same frame as {@code agg} on all rows.
 */
public final class GroupBy {
  private final DataFrame df;
  private final String[] keys;

  GroupBy(DataFrame df, String[] keys) {
    if (keys.length == 0) throw new IllegalArgumentException("groupBy needs at least one key column");
    Set<String> seen = new HashSet<>();
    for (String k : keys) {
      if (!df.hasColumn(k)) df.column(k); // the usual error; a present column stays undecoded
      if (!seen.add(k)) throw new IllegalArgumentException("groupBy key '" + k + "' given twice");
    }
    this.df = df;
    this.keys = keys.clone();
  }

  /** The key column names. */
  public List<String> keys() {
    return List.of(keys);
  }

  /** The aggregations the all-column shortcut for {@code kind} performs (one per eligible non-key column). */
  public Agg[] defaultAggs(Agg.Kind kind) {
    Set<String> keySet = new HashSet<>(Arrays.asList(keys));
    List<Agg> out = new ArrayList<>();
    for (String c : df.columns()) {
      if (keySet.contains(c)) continue;
      DType t = df.dtype(c);
      boolean ok = kind == Agg.Kind.COUNT || t.isNumeric() || (t == DType.TIMESTAMP && (kind == Agg.Kind.MIN || kind == Agg.Kind.MAX));
      if (ok) out.add(Agg.of(kind, c));
    }
    return out.toArray(new Agg[0]);
  }

  /** Sum of every numeric non-key column per group. */
  public DataFrame sum() {
    return agg(defaultAggs(Agg.Kind.SUM));
  }

  /** Mean of every numeric non-key column per group. */
  public DataFrame mean() {
    return agg(defaultAggs(Agg.Kind.MEAN));
  }

  /** Non-missing count of every non-key column per group. */
  public DataFrame count() {
    return agg(defaultAggs(Agg.Kind.COUNT));
  }

  /** Minimum of every numeric or timestamp non-key column per group. */
  public DataFrame min() {
    return agg(defaultAggs(Agg.Kind.MIN));
  }

  /** Maximum of every numeric or timestamp non-key column per group. */
  public DataFrame max() {
    return agg(defaultAggs(Agg.Kind.MAX));
  }

  /** Sample standard deviation of every numeric non-key column per group. */
  public DataFrame std() {
    return agg(defaultAggs(Agg.Kind.STD));
  }

  /** Sample variance of every numeric non-key column per group. */
  public DataFrame var() {
    return agg(defaultAggs(Agg.Kind.VAR));
  }

  /** The aggregated frame: keys, then one column per aggregation (no aggregations: the distinct keys). */
  public DataFrame agg(Agg... aggs) {
    return run(aggs, true);
  }

  /**
   * Per-group partial state: the key columns, then for each aggregation its partial columns
   * named {@code <output>$<suffix>} ({@link GroupAggregator#partialSuffixes}), one row per group
   * present in this frame, sorted by key.
   */
  DataFrame partials(Agg... aggs) {
    return run(aggs, false);
  }

  /**
   * Combines a frame of concatenated {@link #partials} (from any number of pieces of the data,
   * computed with the same keys and aggregations) into the final result, equal to {@code agg}
   * over all the pieces' rows (floating sums up to rounding).
   */
  static DataFrame combinePartials(DataFrame partials, String[] keys, Agg... aggs) {
    String[] out = checkNames(keys, aggs);
    try {
      List<FieldVector> keyVecs = partials.vectors(keys);
      // Partials laid end to end in rank order are a few runs sorted by key: merged, their groups
      // are numbered in key order (no hash table, no sort); other partials are hashed and sorted.
      Factorizer.Codes merged = SortedRuns.codes(keyVecs);
      Factorizer.Codes codes = merged != null ? merged : Factorizer.factorize(keyVecs);
      List<List<FieldVector>> inputs = new ArrayList<>();
      for (int a = 0; a < aggs.length; a++) {
        List<FieldVector> parts = new ArrayList<>();
        for (String suffix : GroupAggregator.partialSuffixes(aggs[a].kind())) {
          String name = GroupAggregator.partialName(out[a], suffix);
          if (!partials.hasColumn(name)) {
            throw new IllegalArgumentException("partials lack column '" + name + "' for " + aggs[a]
                + " (were they made by partials() with the same aggregations?); columns are " + partials.columns());
          }
          parts.add(partials.column(name).arrowVector());
        }
        inputs.add(parts);
      }
      return assemble(keys, keyVecs, codes, merged != null, aggs, out, true,
          (a, c) -> GroupAggregator.merge(aggs[a].kind(), inputs.get(a), c.codes, c.groups, out[a]));
    } finally {
      Reference.reachabilityFence(partials);
    }
  }

  private DataFrame run(Agg[] aggs, boolean finish) {
    String[] out = checkNames(keys, aggs);
    for (Agg a : aggs) GroupAggregator.checkInput(a.kind(), df.dtype(a.column()), a.column());
    DataFrame streamed = StreamingGroupBy.tryRun(df, keys, aggs, out, finish);
    if (streamed != null) return streamed;
    try {
      List<FieldVector> keyVecs = df.vectors(keys);
      Factorizer.Codes codes = Factorizer.factorize(keyVecs);
      return assemble(keys, keyVecs, codes, false, aggs, out, finish,
          (a, c) -> GroupAggregator.partial(aggs[a].kind(), df.column(aggs[a].column()).arrowVector(), c.codes, c.groups, out[a]));
    } finally {
      Reference.reachabilityFence(this);
      Reference.reachabilityFence(df);
    }
  }

  /** Partial columns of aggregation {@code a} for the coded rows. */
  private interface PartialSource {
    List<FieldVector> parts(int a, Factorizer.Codes codes);
  }

  /**
   * Key columns of each group, then each aggregation finished (or left partial), sorted by key
   * ({@code sorted}: the codes already number the groups in key order).
   */
  private static DataFrame assemble(String[] keys, List<FieldVector> keyVecs, Factorizer.Codes codes, boolean sorted,
      Agg[] aggs, String[] out, boolean finish, PartialSource source) {
    int[] first = codes.firstRows();
    List<FieldVector> groupKeys = new ArrayList<>();
    try {
      for (int k = 0; k < keys.length; k++) {
        groupKeys.add(Vectors.take(keyVecs.get(k), keys[k], first));
      }
    } catch (RuntimeException | Error e) {
      groupKeys.forEach(FieldVector::close);
      throw e;
    }
    Agg.Kind[] kinds = new Agg.Kind[aggs.length];
    for (int a = 0; a < aggs.length; a++) {
      kinds[a] = aggs[a].kind();
    }
    return assembleGroups(keys, groupKeys, kinds, out, finish, sorted, a -> source.parts(a, codes));
  }

  /**
   * The result frame from one row per group: key columns, then each aggregation finished (or left
   * partial), sorted by key. Takes ownership of {@code groupKeys} and of the vectors {@code parts}
   * gives for aggregation {@code a}.
   */
  static DataFrame assembleGroups(String[] keys, List<FieldVector> groupKeys, Agg.Kind[] kinds, String[] out,
      boolean finish, java.util.function.IntFunction<List<FieldVector>> partsOf) {
    return assembleGroups(keys, groupKeys, kinds, out, finish, false, partsOf);
  }

  /**
   * {@link #assembleGroups}, told whether the groups already come in key order ({@code sorted}: a
   * streamed group-by whose keys were addressed directly lists them in order for free), in which case
   * the vectors become the result's columns as they are, with no sort and no copy.
   */
  static DataFrame assembleGroups(String[] keys, List<FieldVector> groupKeys, Agg.Kind[] kinds, String[] out,
      boolean finish, boolean sorted, java.util.function.IntFunction<List<FieldVector>> partsOf) {
    List<FieldVector> scratch = new ArrayList<>();
    List<FieldVector> unowned = new ArrayList<>(groupKeys); // closed on failure until a Series owns them
    List<Series> result = new ArrayList<>();
    try {
      int[] order = sorted ? null : Sorting.argsort(groupKeys, true);
      if (!sorted) {
        scratch.addAll(groupKeys);
        unowned.clear();
      }
      for (int k = 0; k < keys.length; k++) {
        result.add(Series.own(sorted ? groupKeys.get(k) : Vectors.take(groupKeys.get(k), keys[k], order), keys[k], null));
        if (sorted) unowned.remove(groupKeys.get(k));
      }
      for (int a = 0; a < kinds.length; a++) {
        List<FieldVector> parts = partsOf.apply(a);
        if (finish) {
          scratch.addAll(parts);
          FieldVector f = GroupAggregator.finish(kinds[a], parts, out[a]);
          if (sorted) {
            unowned.add(f);
            result.add(Series.own(f, out[a], null));
            unowned.remove(f);
          } else {
            scratch.add(f);
            result.add(Series.own(Vectors.take(f, out[a], order), out[a], null));
          }
        } else if (sorted) {
          unowned.addAll(parts);
          for (FieldVector p : parts) {
            result.add(Series.own(p, p.getName(), null));
            unowned.remove(p);
          }
        } else {
          scratch.addAll(parts);
          for (FieldVector p : parts) result.add(Series.own(Vectors.take(p, p.getName(), order), p.getName(), null));
        }
      }
      return DataFrame.own(result);
    } catch (RuntimeException | Error e) {
      result.forEach(Series::close);
      unowned.forEach(FieldVector::close);
      throw e;
    } finally {
      scratch.forEach(FieldVector::close);
    }
  }

  private static String[] checkNames(String[] keys, Agg[] aggs) {
    String[] out = Agg.outputNames(aggs);
    Set<String> names = new HashSet<>(Arrays.asList(keys));
    for (int i = 0; i < out.length; i++) {
      if (!names.add(out[i])) {
        throw new IllegalArgumentException("aggregation " + aggs[i] + " would produce column '" + out[i]
            + "' twice (or over a key); give it another name with .as(...)");
      }
    }
    return out;
  }
}
