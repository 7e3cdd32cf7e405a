package dev.parjit.agent.cache;

/** A cache file that must not be used: corrupt (bad checksum, truncated, garbage) or stale. */
final class EntryFormatException extends Exception {

  private static final long serialVersionUID = 1L;

  private final boolean stale;

  EntryFormatException(String message, boolean stale) {
    super(message);
    this.stale = stale;
  }

  /** Written by another format version: expected after an upgrade, not a sign of damage. */
  boolean stale() {
    return stale;
  }
}
