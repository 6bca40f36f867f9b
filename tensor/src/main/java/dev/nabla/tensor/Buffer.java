package dev.nabla.tensor;

/**
 * Memory owned by one backend: {@code size()} elements of {@code dtype()}. Only the backend that
 * allocated a buffer can read, write or compute with it; tensors reach it through a {@link View}.
 */
public interface Buffer {
    DType dtype();

    /** Number of elements. */
    int size();
}
