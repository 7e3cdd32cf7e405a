/**
 * The compile cache: rewritten classes stored on disk under a SHA-256 key of their inputs, so a
 * later run skips the analysis. Entry point: {@code CompileCache} (used by the agent's
 * {@code JitTransformer}); {@code CacheTool} is {@code bin/parjit cache}. Format:
 * {@code EntryCodec}; files and atomic writes: {@code CacheStore}.
 */
package dev.parjit.agent.cache;
