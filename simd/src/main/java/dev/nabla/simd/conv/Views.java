package dev.nabla.simd.conv;

import dev.nabla.tensor.View;

/** Element addresses in 4-D views without {@link View#indexOf}'s argument array, in per-element loops. */
final class Views {
    private Views() {
    }

    /** The buffer index of element {@code [a, b, c, d]} of the rank-4 view {@code v}. */
    static int at(View v, int a, int b, int c, int d) {
        return v.offset() + a * v.stride(0) + b * v.stride(1) + c * v.stride(2) + d * v.stride(3);
    }
}
