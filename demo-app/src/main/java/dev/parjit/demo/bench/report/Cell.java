package dev.parjit.demo.bench.report;

/**
 * One workload × runner entry of the results: a measurement, or why there is none.
 *
 * @param measurement the runner's numbers, or null
 * @param status {@code ok}, or {@code n/a}, {@code not built}, {@code failed}, {@code MISMATCH}
 * @param detail the failure or mismatch explained (empty otherwise)
 */
public record Cell(Measurement measurement, String status, String detail) {
  /** Status of a measured cell whose answer matches. */
  public static final String OK = "ok";
  /** Status of a cell whose answer differs from the baseline's. */
  public static final String MISMATCH = "MISMATCH";
  /** Status of a run that failed. */
  public static final String FAILED = "failed";

  /** A measured cell. */
  public static Cell of(Measurement m) {
    return new Cell(m, OK, "");
  }

  /** A cell without numbers ({@code n/a}, {@code not built}, {@code failed}). */
  public static Cell skipped(String status, String detail) {
    return new Cell(null, status, detail);
  }

  /** Whether the run failed or gave a different answer. */
  public boolean bad() {
    return status.equals(FAILED) || status.equals(MISMATCH);
  }
}
