package dev.nabla.train;

import dev.nabla.autodiff.Tensor;
import dev.nabla.tensor.DType;
import dev.nabla.tensor.Device;
import dev.nabla.tensor.Shape;
import java.util.Map;

/**
 * Numbers as the tensors of a state dict ({@link Callback#stateDict()}, checkpoints): F64 on
 * the reference device, rank 0 for one number and rank 1 for several, so that they survive a
 * safetensors file exactly.
 */
public final class StateTensors {
    private StateTensors() {
    }

    /** A rank-0 F64 tensor holding {@code value}. */
    public static Tensor scalar(double value) {
        return Tensor.scalar(value, DType.F64, Device.REFERENCE);
    }

    /** A rank-1 F64 tensor holding {@code values}. */
    public static Tensor vector(double[] values) {
        return Tensor.fromArray(values.clone(), Shape.of(values.length), DType.F64, Device.REFERENCE);
    }

    /**
     * The number stored under {@code key}.
     *
     * @param op the operation named in errors, e.g. {@code "EarlyStopping.loadStateDict"}
     * @throws IllegalArgumentException if {@code key} is missing or not a single number
     */
    public static double scalar(String op, Map<String, Tensor> state, String key) {
        Tensor t = require(op, state, key);
        if (t.numel() != 1) {
            throw new IllegalArgumentException(op + ": '" + key + "' must hold one number, got shape " + t.shape());
        }
        return t.item();
    }

    /**
     * The numbers stored under {@code key}.
     *
     * @throws IllegalArgumentException if {@code key} is missing or does not hold {@code length} numbers
     */
    public static double[] vector(String op, Map<String, Tensor> state, String key, int length) {
        Tensor t = require(op, state, key);
        if (t.rank() != 1 || t.numel() != length) {
            throw new IllegalArgumentException(op + ": '" + key + "' must hold " + length + " numbers [" + length
                    + "], got shape " + t.shape());
        }
        return t.toDoubleArray();
    }

    private static Tensor require(String op, Map<String, Tensor> state, String key) {
        Tensor t = state.get(key);
        if (t == null) {
            throw new IllegalArgumentException(op + ": the state has no '" + key + "' (keys: " + state.keySet()
                    + "); was it written by another kind of callback?");
        }
        return t;
    }
}
