/**
 * Service interface between the public API and the runtime: {@link dev.parjit.spi.ParallelContexts}
 * is the entry point. User code does not need this package.
 */
package dev.parjit.spi;
