package dev.parjit.analysis.plan;

/**
 * A row of row-major 2-D data in a 1-D array that a parallel loop over rows {@code i} reads at the same
 * place in every iteration: {@code a[r * k + c]}, {@code r} a local holding one value for the whole
 * method (an LU pivot row). The loop starts at {@code r + 1} or later and counts up, so it never writes
 * row {@code r}: each rank fetches the row's elements from the rank that owns them before the loop
 * ({@code Halo.exchangeRow}). The rewrite checks {@code 0 <= r < rows} and {@code r < k} there (the
 * columns the loop reads at {@code r} or from {@code r + c} lie inside the row only then) and fails the
 * call otherwise, which spawn mode answers by running the original code on the driver.
 *
 * @param rowSlot the local holding {@code r}
 * @param width   the width {@code k} of the array's rows
 */
public record FixedRow(int rowSlot, RowWidth width) { }
