package dev.nabla.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import dev.nabla.autodiff.GradCheck;
import dev.nabla.autodiff.Tensor;
import dev.nabla.tensor.DType;
import dev.nabla.tensor.Device;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.reference.Erf;
import dev.nabla.tensor.random.Rng;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class ActivationTest {
    private static final double[] POINTS = {-3, -1.2, -0.4, -1e-3, 0.3, 0.9, 2.5, 30};

    static List<Arguments> elementwise() {
        double c = Math.sqrt(2 / Math.PI);
        return List.of(
                Arguments.of(Activation.relu(), "ReLU()", (DoubleUnaryOperator) x -> Math.max(x, 0)),
                Arguments.of(Activation.leakyRelu(), "LeakyReLU(negative_slope=0.01)",
                        (DoubleUnaryOperator) x -> x > 0 ? x : 0.01 * x),
                Arguments.of(Activation.leakyRelu(0.2), "LeakyReLU(negative_slope=0.2)",
                        (DoubleUnaryOperator) x -> x > 0 ? x : 0.2 * x),
                Arguments.of(Activation.elu(), "ELU(alpha=1.0)", (DoubleUnaryOperator) x -> x > 0 ? x : Math.expm1(x)),
                Arguments.of(Activation.elu(0.5), "ELU(alpha=0.5)",
                        (DoubleUnaryOperator) x -> x > 0 ? x : 0.5 * Math.expm1(x)),
                Arguments.of(Activation.gelu(), "GELU(approximate='none')",
                        (DoubleUnaryOperator) x -> 0.5 * x * (1 + Erf.erf(x / Math.sqrt(2)))),
                Arguments.of(Activation.gelu("tanh"), "GELU(approximate='tanh')",
                        (DoubleUnaryOperator) x -> 0.5 * x * (1 + Math.tanh(c * (x + 0.044715 * x * x * x)))),
                Arguments.of(Activation.silu(), "SiLU()", (DoubleUnaryOperator) x -> x / (1 + Math.exp(-x))),
                Arguments.of(Activation.sigmoid(), "Sigmoid()", (DoubleUnaryOperator) x -> 1 / (1 + Math.exp(-x))),
                Arguments.of(Activation.tanh(), "Tanh()", (DoubleUnaryOperator) Math::tanh));
    }

    private static Tensor points() {
        return Tensor.fromArray(POINTS, Shape.of(2, 4), DType.F64, Device.REFERENCE);
    }

    @ParameterizedTest
    @MethodSource("elementwise")
    void computesTheFunctionAndPrintsItsPyTorchName(Activation a, String printed, DoubleUnaryOperator f) {
        double[] y = a.call(points()).toDoubleArray();
        for (int i = 0; i < POINTS.length; i++) {
            assertThat(y[i]).as("%s(%s)", printed, POINTS[i]).isCloseTo(f.applyAsDouble(POINTS[i]), offset(1e-12));
        }
        assertThat(a).hasToString(printed);
    }

    @ParameterizedTest
    @MethodSource("elementwise")
    void gradientsPassGradCheck(Activation a, String printed, DoubleUnaryOperator f) {
        Tensor x = points().requiresGrad(true);
        GradCheck.verify(in -> a.call(in.get(0)), List.of(x));
    }

    @Test
    void kinksTakePyTorchsGradient() {
        Tensor x = Tensor.zeros(Shape.of(1), DType.F64, Device.REFERENCE).requiresGrad(true);
        Activation.leakyRelu(0.2).call(x).sum().backward();
        assertThat(x.grad().item()).isEqualTo(0.2);
        x.zeroGrad();
        Activation.elu(0.5).call(x).sum().backward();
        assertThat(x.grad().item()).isEqualTo(0.5);
        Tensor big = Tensor.full(1000, Shape.of(1), DType.F64, Device.REFERENCE).requiresGrad(true);
        Activation.elu().call(big).sum().backward(); // exp(1000) must not turn the gradient into NaN
        assertThat(big.grad().item()).isEqualTo(1.0);
    }

    @Test
    void softmaxAndLogSoftmaxAlongTheirDim() {
        Tensor x = Tensor.randn(new Rng(1), Shape.of(2, 3, 4), DType.F64, Device.REFERENCE);
        assertThat(Activation.softmax(1).call(x).toDoubleArray()).containsExactly(x.softmax(1).toDoubleArray());
        assertThat(Activation.logSoftmax(-1).call(x).toDoubleArray()).containsExactly(x.logSoftmax(-1).toDoubleArray());
        assertThat(Activation.softmax(1)).hasToString("Softmax(dim=1)");
        assertThat(Activation.logSoftmax(-1)).hasToString("LogSoftmax(dim=-1)");
    }

    @Test
    void rejectsAnUnknownGeluApproximation() {
        assertThatThrownBy(() -> Activation.gelu("fast")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("GELU: approximate must be 'none' or 'tanh', got 'fast'");
    }
}
