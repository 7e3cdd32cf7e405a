package dev.parjit.demo.bench.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The results: one row per workload, one cell per runner, in insertion order. The first runner is
 * the baseline: ratios are against it and every other answer must match its answer (or, when it
 * has none, the first answer of the row).
 */
public final class ResultTable {
  /** One workload's row. */
  public record Row(String id, String title, double tolerance, Map<String, Cell> cells) { }

  private final List<String> runners;
  private final Map<String, Row> rows = new LinkedHashMap<>();

  /** A table with these runner labels as columns; the first is the baseline. */
  public ResultTable(List<String> runners) {
    if (runners.isEmpty()) {
      throw new IllegalArgumentException("no runners");
    }
    this.runners = List.copyOf(runners);
  }

  /** The column labels. */
  public List<String> runners() {
    return runners;
  }

  /** The rows, in insertion order. */
  public List<Row> rows() {
    return new ArrayList<>(rows.values());
  }

  /** Starts a workload's row; {@code tolerance} is the relative tolerance of its answers. */
  public void addWorkload(String id, String title, double tolerance) {
    rows.put(id, new Row(id, title, tolerance, new LinkedHashMap<>()));
  }

  /**
   * Records a cell. A measured answer is checked against the row's reference: on a mismatch the
   * cell becomes {@link Cell#MISMATCH} (numbers kept) and the difference is described.
   *
   * @return the cell as recorded
   */
  public Cell put(String workload, String runner, Cell cell) {
    if (!runners.contains(runner)) {
      throw new IllegalArgumentException("unknown runner " + runner);
    }
    Row row = rows.get(workload);
    Cell recorded = cell;
    if (cell.measurement() != null) {
      double[] ref = reference(row);
      if (ref != null) {
        double[] got = cell.measurement().result();
        int i = Tolerance.firstMismatch(ref, got, row.tolerance());
        if (i >= 0) {
          recorded = new Cell(cell.measurement(), Cell.MISMATCH, String.format(
              "result element %d differs beyond relative %.0e: expected %s, got %s", i, row.tolerance(),
              Arrays.toString(ref), Arrays.toString(got)));
        }
      }
    }
    row.cells().put(runner, recorded);
    return recorded;
  }

  /** The cell, or null when none was recorded. */
  public Cell cell(String workload, String runner) {
    return rows.get(workload).cells().get(runner);
  }

  /** Speed-up of a cell over the baseline (baseline median / its median), or NaN when either is missing. */
  public double speedup(String workload, String runner) {
    Cell base = cell(workload, runners.get(0));
    Cell c = cell(workload, runner);
    if (base == null || c == null || base.measurement() == null || c.measurement() == null) {
      return Double.NaN;
    }
    return c.measurement().speedupOver(base.measurement());
  }

  /** Whether any run failed or gave a different answer. */
  public boolean anyBad() {
    return rows.values().stream().flatMap(r -> r.cells().values().stream()).anyMatch(Cell::bad);
  }

  private double[] reference(Row row) {
    Cell base = row.cells().get(runners.get(0));
    if (base != null && base.measurement() != null) {
      return base.measurement().result();
    }
    return row.cells().values().stream().filter(c -> c.measurement() != null && !c.bad()).findFirst()
        .map(c -> c.measurement().result()).orElse(null);
  }
}
