package dev.nabla.autodiff.ops;

import dev.nabla.autodiff.Graph;
import dev.nabla.autodiff.Op;
import dev.nabla.autodiff.Tensor;
import dev.nabla.tensor.spi.UnaryOp;

/** The elementwise functions of {@link UnaryOp}, each with its derivative. */
public record Unary(UnaryOp op, Tensor x, Tensor out) implements Op {
    private static final double TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);

    public static Tensor apply(UnaryOp op, Tensor x) {
        Tensor out = Kernels.unary(op, x);
        return Graph.record(out, new Unary(op, x, out), x);
    }

    @Override
    public Tensor[] backward(Tensor grad) {
        Tensor g = switch (op) {
            case NEG -> grad.neg();
            case ABS -> grad.mul(x.sign());
            case SIGN -> grad.zerosLike();
            case EXP -> grad.mul(out);
            case LOG -> grad.div(x);
            case SQRT -> grad.div(out.mul(2.0));
            case TANH -> grad.mul(out.mul(out).neg().add(1.0));
            case SIGMOID -> grad.mul(out.mul(out.neg().add(1.0)));
            case ERF -> grad.mul(x.mul(x).neg().exp().mul(TWO_OVER_SQRT_PI));
            case RELU -> reluGradient(out, grad);
        };
        return new Tensor[] {g};
    }

    /** The gradient through a ReLU whose output was {@code out}: {@code grad} where out is non-zero, else 0. */
    static Tensor reluGradient(Tensor out, Tensor grad) {
        // the output is non-zero exactly where x > 0 or x is NaN, where PyTorch passes the gradient too
        return Tensor.where(out, grad, Kernels.zeroLike(grad));
    }

    private static final String[] NAMES = java.util.Arrays.stream(UnaryOp.values())
            .map(o -> o.name().toLowerCase(java.util.Locale.ROOT)).toArray(String[]::new);

    @Override
    public String name() {
        return NAMES[op.ordinal()];
    }
}
