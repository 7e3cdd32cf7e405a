package dev.parjit.transforms;

/**
 * A {@code @Jit} method whose body the driver replaced by a call to the dispatcher.
 *
 * @param methodKey         {@code pkg.Class.name(desc)}
 * @param distributedParams per declared parameter: scattered (1D) rather than sent whole
 * @param distributedReturn whether the result comes back in chunks
 */
public record DispatchStub(String methodKey, boolean[] distributedParams, boolean distributedReturn) {
}
