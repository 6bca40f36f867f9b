package dev.nabla.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import dev.nabla.autodiff.GradCheck;
import dev.nabla.autodiff.Tensor;
import dev.nabla.tensor.DType;
import dev.nabla.tensor.Device;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.random.Rng;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchNormTest {
    private static final double EPS = 1e-5;

    private static Tensor randn(long seed, int... dims) {
        return Tensor.randn(new Rng(seed), Shape.of(dims), DType.F64, Device.REFERENCE);
    }

    private static BatchNorm1d bn1d(int c, Double momentum, boolean affine, boolean track) {
        return new BatchNorm1d(c, EPS, momentum, affine, track, DType.F64, Device.REFERENCE);
    }

    /** Per-channel mean and biased variance of an [N, C] matrix, by hand. */
    private static double[][] columnStats(double[] x, int n, int c) {
        double[][] s = new double[2][c];
        for (int j = 0; j < c; j++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += x[i * c + j];
            }
            double mean = sum / n;
            double sq = 0;
            for (int i = 0; i < n; i++) {
                sq += (x[i * c + j] - mean) * (x[i * c + j] - mean);
            }
            s[0][j] = mean;
            s[1][j] = sq / n;
        }
        return s;
    }

    @Test
    void trainingNormalisesWithBatchStatisticsAndUpdatesTheRunningOnes() {
        BatchNorm1d bn = bn1d(3, 0.1, true, true);
        Tensor x = randn(1, 5, 3).mul(2.0).add(1.5);
        double[] xv = x.toDoubleArray();
        double[][] stats = columnStats(xv, 5, 3);
        double[] y = bn.call(x).toDoubleArray();
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 3; j++) {
                assertThat(y[i * 3 + j]).isCloseTo((xv[i * 3 + j] - stats[0][j]) / Math.sqrt(stats[1][j] + EPS),
                        offset(1e-12));
            }
        }
        double[] rm = bn.runningMean().toDoubleArray();
        double[] rv = bn.runningVar().toDoubleArray();
        for (int j = 0; j < 3; j++) {
            assertThat(rm[j]).isCloseTo(0.1 * stats[0][j], offset(1e-12));
            assertThat(rv[j]).isCloseTo(0.9 + 0.1 * stats[1][j] * 5 / 4, offset(1e-12)); // unbiased
        }
        assertThat(bn.numBatchesTracked().item()).isEqualTo(1.0);
        assertThat(bn.runningMean().requiresGrad()).isFalse();
        assertThat(bn.runningMean().creatorName()).isNull();
    }

    @Test
    void evaluationUsesTheRunningStatisticsAndLeavesThemAlone() {
        BatchNorm1d bn = bn1d(2, 0.1, true, true);
        bn.runningMean().copyFrom(Tensor.fromArray(new double[] {1, -2}, Shape.of(2), DType.F64, Device.REFERENCE));
        bn.runningVar().copyFrom(Tensor.fromArray(new double[] {4, 0.25}, Shape.of(2), DType.F64, Device.REFERENCE));
        try (var s = dev.nabla.autodiff.GradMode.disable()) {
            bn.weight().copyFrom(Tensor.fromArray(new double[] {2, 3}, Shape.of(2), DType.F64, Device.REFERENCE));
            bn.bias().copyFrom(Tensor.fromArray(new double[] {0.5, -1}, Shape.of(2), DType.F64, Device.REFERENCE));
        }
        bn.eval();
        Tensor x = Tensor.fromArray(new double[] {3, 0}, Shape.of(1, 2), DType.F64, Device.REFERENCE);
        double[] y = bn.call(x).toDoubleArray(); // batch 1 is fine in eval mode
        assertThat(y[0]).isCloseTo((3 - 1) / Math.sqrt(4 + EPS) * 2 + 0.5, offset(1e-12));
        assertThat(y[1]).isCloseTo((0 + 2) / Math.sqrt(0.25 + EPS) * 3 - 1, offset(1e-12));
        assertThat(bn.runningMean().toDoubleArray()).containsExactly(1, -2);
        assertThat(bn.numBatchesTracked().item()).isZero();
    }

    @Test
    void nullMomentumKeepsACumulativeAverage() {
        BatchNorm1d bn = bn1d(2, null, false, true);
        Tensor a = randn(2, 4, 2);
        Tensor b = randn(3, 6, 2).add(3.0);
        bn.call(a);
        bn.call(b);
        double[] ma = a.mean(0, false).toDoubleArray();
        double[] mb = b.mean(0, false).toDoubleArray();
        double[] va = a.var(0, false).toDoubleArray();
        double[] vb = b.var(0, false).toDoubleArray();
        for (int j = 0; j < 2; j++) {
            assertThat(bn.runningMean().toDoubleArray()[j]).isCloseTo((ma[j] + mb[j]) / 2, offset(1e-12));
            assertThat(bn.runningVar().toDoubleArray()[j]).isCloseTo((va[j] + vb[j]) / 2, offset(1e-12));
        }
        assertThat(bn.numBatchesTracked().item()).isEqualTo(2.0);
        assertThat(bn).hasToString("BatchNorm1d(2, eps=1e-05, momentum=None, affine=False, track_running_stats=True)");
    }

    @Test
    void withoutRunningStatisticsEvaluationAlsoUsesTheBatch() {
        BatchNorm1d bn = bn1d(3, 0.1, false, false);
        assertThat(bn.stateDict()).isEmpty();
        Tensor x = randn(4, 6, 3, 2);
        double[] train = bn.call(x).toDoubleArray();
        bn.eval();
        assertThat(bn.call(x).toDoubleArray()).containsExactly(train);
        assertThat(bn.runningMean()).isNull();
        assertThatThrownBy(() -> bn.call(randn(5, 1, 3))).hasMessageContaining("expected more than 1 value per channel");
    }

    @Test
    void oneAndTwoDimensionalShareTheComputation() {
        BatchNorm1d one = bn1d(3, 0.1, true, true);
        BatchNorm2d two = new BatchNorm2d(3, EPS, 0.1, true, true, DType.F64, Device.REFERENCE);
        Tensor x = randn(6, 2, 3, 4, 5);
        double[] y2 = two.call(x).toDoubleArray();
        double[] y1 = one.call(x.reshape(2, 3, 20)).toDoubleArray();
        assertThat(y2).containsExactly(y1);
        assertThat(two.runningVar().toDoubleArray()).containsExactly(one.runningVar().toDoubleArray());
    }

    @Test
    void stateDictKeysAreTorchs() {
        Module net = new Sequential(new BatchNorm2d(4));
        assertThat(net.stateDict().keySet()).containsExactly("0.weight", "0.bias", "0.running_mean", "0.running_var",
                "0.num_batches_tracked");
        assertThat(net.stateDict().get("0.num_batches_tracked").shape()).isEqualTo(Shape.scalar());
        assertThat(net.namedParameters().keySet()).containsExactly("0.weight", "0.bias");
        assertThat(new BatchNorm2d(4)).hasToString(
                "BatchNorm2d(4, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)");
    }

    @Test
    void trainingGradientsPassGradCheck() {
        BatchNorm2d bn = new BatchNorm2d(2, EPS, 0.1, true, true, DType.F64, Device.REFERENCE);
        try (var s = dev.nabla.autodiff.GradMode.disable()) {
            bn.weight().copyFrom(randn(7, 2));
            bn.bias().copyFrom(randn(8, 2));
        }
        Tensor x = randn(9, 3, 2, 2, 3).requiresGrad(true);
        Tensor w = randn(10, 3, 2, 2, 3);
        GradCheck.verify(in -> bn.call(in.get(0)).mul(w), List.of(x, bn.weight(), bn.bias()));
    }

    @Test
    void rejectsWrongRanksChannelsAndSingleValuesPerChannel() {
        assertThatThrownBy(() -> new BatchNorm2d(3).call(Tensor.zeros(2, 3, 4)))
                .isInstanceOf(ModuleException.class)
                .hasMessage("forward of BatchNorm2d: batchNorm: input of shape [2, 3, 4] does not fit [N, C, H, W]"
                        + " with C=3: wrong rank 3");
        assertThatThrownBy(() -> new BatchNorm1d(3).call(Tensor.zeros(2, 4)))
                .hasMessageEndingWith("does not fit [N, C] or [N, C, L] with C=3: its axis 1 has 4 channels");
        assertThatThrownBy(() -> new BatchNorm1d(3).call(Tensor.zeros(1, 3)))
                .hasMessageContaining("batchNorm: expected more than 1 value per channel when training, got input of"
                        + " shape [1, 3]");
        assertThat(new BatchNorm1d(3).call(Tensor.zeros(1, 3, 2)).shape()).isEqualTo(Shape.of(1, 3, 2));
        assertThatThrownBy(() -> new BatchNorm1d(0)).hasMessage("BatchNorm1d: numFeatures must be positive, got 0");
        assertThatThrownBy(() -> bn1d(2, 1.5, true, true)).hasMessageContaining("momentum must be in [0, 1]");
        assertThatThrownBy(() -> bn1d(2, Double.NaN, true, true)).hasMessageContaining("got NaN");
        assertThatThrownBy(() -> new BatchNorm1d(2, -1, 0.1, true, true, DType.F32, Device.REFERENCE))
                .hasMessage("BatchNorm1d: eps must be finite and >= 0, got -1.0");
    }
}
