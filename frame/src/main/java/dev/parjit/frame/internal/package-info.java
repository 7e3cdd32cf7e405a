/**
 * Internal, not API: what the frame classes do for Parjit's own layers (file readers, the
 * distributed operations, spawn mode's lazy results) and keep out of their public surface. Entry
 * point: {@link dev.parjit.frame.internal.FrameInternals}; {@link
 * dev.parjit.frame.internal.RemoteFrame} is where a lazy frame's rows live (implemented by
 * lazy-collect). May change without notice.
 */
package dev.parjit.frame.internal;
