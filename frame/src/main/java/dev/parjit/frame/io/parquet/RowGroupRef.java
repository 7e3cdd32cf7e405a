package dev.parjit.frame.io.parquet;

import java.nio.file.Path;

/**
 * One row group of a {@link ParquetDataset}: the unit of work handed to ranks.
 *
 * @param file the part file holding the group
 * @param index the group's index inside {@code file}
 * @param rowCount rows in the group
 * @param firstRow the global index of the group's first row in the dataset (part files in name
 *     order, groups in file order)
 */
public record RowGroupRef(Path file, int index, long rowCount, long firstRow) {}
