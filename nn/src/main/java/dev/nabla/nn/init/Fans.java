package dev.nabla.nn.init;

import dev.nabla.tensor.Shape;

/**
 * The fan-in and fan-out of a weight, as PyTorch's {@code _calculate_fan_in_and_fan_out}: for a
 * Linear weight {@code [out, in]}, fanIn = in and fanOut = out; for a convolution weight
 * {@code [out, in/groups, kh, kw, ...]}, both are multiplied by the receptive field
 * {@code kh * kw * ...}.
 *
 * @param fanIn  inputs feeding each output
 * @param fanOut outputs fed by each input
 */
public record Fans(long fanIn, long fanOut) {
    /**
     * The fans of a weight of {@code shape}.
     *
     * @throws IllegalArgumentException for a shape of fewer than 2 axes
     */
    public static Fans of(Shape shape) {
        if (shape.rank() < 2) {
            throw new IllegalArgumentException("fans: a weight of shape " + shape + " has fewer than 2 axes; fan-in"
                    + " and fan-out need [out, in] or [out, in, kernel...]");
        }
        long receptive = 1;
        for (int d = 2; d < shape.rank(); d++) {
            receptive *= shape.dim(d);
        }
        return new Fans((long) shape.dim(1) * receptive, (long) shape.dim(0) * receptive);
    }

    /** fanIn or fanOut. */
    public long get(FanMode mode) {
        return mode == FanMode.FAN_IN ? fanIn : fanOut;
    }
}
