package dev.nabla.autodiff;

import dev.nabla.tensor.Buffer;

/**
 * A buffer shared by a tensor and all its views, with a version counter that in-place writes
 * bump, so the backward pass can tell when a saved tensor was changed after it was saved.
 */
final class Storage {
    final Buffer buffer;
    private int version;

    Storage(Buffer buffer) {
        this.buffer = buffer;
    }

    int version() {
        return version;
    }

    void bumpVersion() {
        version++;
    }
}
