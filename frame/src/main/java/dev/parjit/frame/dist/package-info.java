/**
 * DataFrames split over ranks: the distributed versions of the frame operations that compiled
 * {@code @Jit} code calls instead of the sequential ones (the frame classes themselves stay purely
 * local). Entry point: {@link dev.parjit.frame.dist.DistributedFrames}.
 */
package dev.parjit.frame.dist;
