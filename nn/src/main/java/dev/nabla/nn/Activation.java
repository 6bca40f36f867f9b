package dev.nabla.nn;

import dev.nabla.autodiff.Tensor;
import java.util.function.UnaryOperator;

/** Elementwise activations as modules, for use in {@link Sequential}. */
public final class Activation extends Module {
    private final String type;
    private final UnaryOperator<Tensor> fn;

    private Activation(String type, UnaryOperator<Tensor> fn) {
        this.type = type;
        this.fn = fn;
    }

    /** {@code max(x, 0)}. */
    public static Activation relu() {
        return new Activation("ReLU", Tensor::relu);
    }

    public static Activation tanh() {
        return new Activation("Tanh", Tensor::tanh);
    }

    public static Activation sigmoid() {
        return new Activation("Sigmoid", Tensor::sigmoid);
    }

    @Override
    protected Tensor forward(Tensor x) {
        return fn.apply(x);
    }

    @Override
    protected String typeName() {
        return type;
    }
}
