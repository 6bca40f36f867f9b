package dev.nabla.nn.init;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import dev.nabla.autodiff.Tensor;
import dev.nabla.tensor.DType;
import dev.nabla.tensor.Device;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.random.Rng;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class InitTest {
    private static Tensor empty(int... dims) {
        return Tensor.zeros(Shape.of(dims), DType.F64, Device.REFERENCE);
    }

    /** Mean and standard deviation of the elements. */
    private static double[] moments(Tensor t) {
        double[] v = t.toDoubleArray();
        double mean = Arrays.stream(v).average().orElseThrow();
        double var = Arrays.stream(v).map(x -> (x - mean) * (x - mean)).average().orElseThrow();
        return new double[] {mean, Math.sqrt(var)};
    }

    private static void assertWithin(Tensor t, double bound) {
        double[] v = t.toDoubleArray();
        assertThat(Arrays.stream(v).allMatch(x -> x >= -bound && x < bound)).as("all in [-%s, %s)", bound, bound)
                .isTrue();
        assertThat(Arrays.stream(v).max().orElseThrow()).as("reaches near the bound").isGreaterThan(0.99 * bound);
    }

    @Test
    void gainsAreTorchs() {
        assertThat(Init.calculateGain(Nonlinearity.LINEAR)).isEqualTo(1);
        assertThat(Init.calculateGain(Nonlinearity.CONV2D)).isEqualTo(1);
        assertThat(Init.calculateGain(Nonlinearity.SIGMOID)).isEqualTo(1);
        assertThat(Init.calculateGain(Nonlinearity.TANH)).isEqualTo(5.0 / 3);
        assertThat(Init.calculateGain(Nonlinearity.RELU)).isEqualTo(Math.sqrt(2));
        assertThat(Init.calculateGain(Nonlinearity.LEAKY_RELU)).isEqualTo(Math.sqrt(2 / (1 + 0.01 * 0.01)));
        assertThat(Init.calculateGain(Nonlinearity.LEAKY_RELU, Math.sqrt(5))).isCloseTo(Math.sqrt(1.0 / 3),
                offset(1e-15));
        assertThat(Init.calculateGain(Nonlinearity.SELU)).isEqualTo(0.75);
    }

    @Test
    void fansOfLinearAndConvolutionWeights() {
        assertThat(Fans.of(Shape.of(20, 30))).isEqualTo(new Fans(30, 20));
        assertThat(Fans.of(Shape.of(16, 8, 3, 5))).isEqualTo(new Fans(8 * 15, 16 * 15));
        assertThat(Fans.of(Shape.of(16, 8, 3, 5)).get(FanMode.FAN_OUT)).isEqualTo(240);
        assertThatThrownBy(() -> Fans.of(Shape.of(5))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("fans: a weight of shape [5] has fewer than 2 axes; fan-in and fan-out need [out, in] or"
                        + " [out, in, kernel...]");
    }

    @Test
    void xavierUniformAndNormal() {
        Tensor w = empty(300, 500);
        double bound = 2.0 * Math.sqrt(6.0 / 800);
        assertThat(Init.xavierUniform(w, 2.0, new Rng(1))).isSameAs(w);
        assertWithin(w, bound);
        assertThat(moments(w)[1]).isCloseTo(bound / Math.sqrt(3), offset(0.01 * bound));
        double[] m = moments(Init.xavierNormal(empty(300, 500), 1.0, new Rng(2)));
        assertThat(m[0]).isCloseTo(0, offset(5 * Math.sqrt(2.0 / 800) / Math.sqrt(150_000)));
        assertThat(m[1]).isCloseTo(Math.sqrt(2.0 / 800), offset(0.01 * Math.sqrt(2.0 / 800)));
    }

    @Test
    void kaimingUniformAndNormalOnAConvolutionWeight() {
        Tensor w = empty(64, 32, 3, 3); // fan in 288, fan out 576
        Init.kaimingUniform(w, 0, FanMode.FAN_IN, Nonlinearity.RELU, new Rng(3));
        double bound = Math.sqrt(3.0) * Math.sqrt(2.0) / Math.sqrt(288);
        assertWithin(w, bound);
        assertThat(moments(w)[0]).isCloseTo(0, offset(5 * bound / Math.sqrt(3) / Math.sqrt(w.numel())));
        double[] m = moments(Init.kaimingNormal(empty(64, 32, 3, 3), 0.2, FanMode.FAN_OUT, Nonlinearity.LEAKY_RELU,
                new Rng(4)));
        double std = Math.sqrt(2 / (1 + 0.04)) / Math.sqrt(576);
        assertThat(m[1]).isCloseTo(std, offset(0.01 * std));
    }

    @Test
    void uniformNormalAndConstants() {
        Tensor u = Init.uniform(empty(100_000), -1, 3, new Rng(5));
        double[] v = u.toDoubleArray();
        assertThat(Arrays.stream(v).allMatch(x -> x >= -1 && x < 3)).isTrue();
        assertThat(moments(u)[0]).isCloseTo(1, offset(0.02));
        double[] m = moments(Init.normal(empty(100_000), 2, 0.5, new Rng(6)));
        assertThat(m[0]).isCloseTo(2, offset(0.01));
        assertThat(m[1]).isCloseTo(0.5, offset(0.01));
        assertThat(Init.constant(empty(2, 3), 2.5).toDoubleArray()).containsOnly(2.5);
        assertThat(Init.ones(empty(4)).toDoubleArray()).containsOnly(1.0);
        assertThat(Init.zeros(Init.ones(empty(4))).toDoubleArray()).containsOnly(0.0);
        assertThatThrownBy(() -> Init.uniform(empty(2), 1, 0, new Rng(1))).hasMessage(
                "uniform: need low <= high, got low=1.0 high=0.0");
        assertThatThrownBy(() -> Init.normal(empty(2), 0, -1, new Rng(1))).hasMessage("normal: std must be >= 0, got -1.0");
    }

    @Test
    void theSameSeedGivesTheSameValuesAndParametersCanBeInitialisedInPlace() {
        Tensor a = Init.kaimingUniform(empty(7, 5), Math.sqrt(5), FanMode.FAN_IN, Nonlinearity.LEAKY_RELU, new Rng(9));
        Tensor b = Init.kaimingUniform(empty(7, 5), Math.sqrt(5), FanMode.FAN_IN, Nonlinearity.LEAKY_RELU, new Rng(9));
        assertThat(a.toDoubleArray()).containsExactly(b.toDoubleArray());
        Tensor c = Init.kaimingUniform(empty(7, 5), Math.sqrt(5), FanMode.FAN_IN, Nonlinearity.LEAKY_RELU, new Rng(10));
        assertThat(c.toDoubleArray()).isNotEqualTo(a.toDoubleArray());
        Tensor param = empty(3, 2).requiresGrad(true); // grad mode is on: Init steps outside the graph itself
        Init.xavierNormal(param, 1, new Rng(1));
        assertThat(param.isLeaf()).isTrue();
        assertThat(param.requiresGrad()).isTrue();
        assertThat(param.toDoubleArray()).doesNotContain(0.0);
        Tensor f32 = Init.normal(Tensor.zeros(Shape.of(3), DType.F32, Device.REFERENCE), 0, 1, new Rng(1));
        assertThat(f32.dtype()).isEqualTo(DType.F32);
    }
}
