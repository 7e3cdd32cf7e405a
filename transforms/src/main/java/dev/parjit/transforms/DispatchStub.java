package dev.parjit.transforms;

import java.util.List;

/**
 * A {@code @Jit} method whose body the driver replaced by a call to the dispatcher.
 *
 * @param methodKey         {@code pkg.Class.name(desc)}
 * @param distributedParams per declared parameter: scattered (1D) rather than sent whole
 * @param distributedReturn whether the result comes back in chunks
 * @param writtenParams     per declared parameter: the workers write into its array, which the
 *                          driver copies back into the caller's
 * @param returnedParam     the parameter every return hands back ({@code -1}: none)
 * @param staticReads       static fields whose values the driver ships with each call
 *                          ({@code owner.name:descriptor})
 * @param fieldReads        fields of the receiver an instance method reads, shipped likewise
 */
public record DispatchStub(String methodKey, boolean[] distributedParams, boolean distributedReturn,
    boolean[] writtenParams, int returnedParam, List<String> staticReads, List<String> fieldReads) {

  /** A method without effects to reproduce (worker signatures). */
  public DispatchStub(String methodKey, boolean[] distributedParams, boolean distributedReturn) {
    this(methodKey, distributedParams, distributedReturn, new boolean[distributedParams.length], -1, List.of(),
        List.of());
  }

  public DispatchStub {
    staticReads = List.copyOf(staticReads);
    fieldReads = List.copyOf(fieldReads);
  }
}
