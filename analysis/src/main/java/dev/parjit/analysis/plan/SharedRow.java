package dev.parjit.analysis.plan;

/**
 * A fixed row {@code c[row]} of a replicated array that a parallel loop writes at its own index
 * ({@code c[0][i] = e}): each rank writes its block of the row on its own copy, and after the loop
 * the ranks exchange those blocks so every copy holds the whole row.
 *
 * @param holderSlot  the local variable holding {@code c} (never assigned in the loop)
 * @param row         the constant row index
 * @param elementType the element descriptor of the store ({@code B} also for {@code boolean[]} rows)
 */
public record SharedRow(int holderSlot, int row, String elementType) { }
