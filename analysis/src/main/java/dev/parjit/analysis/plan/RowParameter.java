package dev.parjit.analysis.plan;

/**
 * A 1D array parameter indexed as rows ({@code a[k * i + c]}): each rank's chunk is re-split into blocks
 * of whole rows of {@code width} where the method starts; when the method may write it, the rows go
 * back into the chunk before it returns (the chunk is what the caller's array is written back from).
 *
 * @param slot    the parameter's local
 * @param width   the width {@code k}: a constant or another parameter
 * @param written whether the method stores into it or passes it to other code
 */
public record RowParameter(int slot, RowWidth width, boolean written) {
}
