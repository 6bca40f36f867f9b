package dev.nabla.nn.recurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.nabla.autodiff.Tensor;
import dev.nabla.tensor.DType;
import dev.nabla.tensor.Device;
import dev.nabla.tensor.Shape;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RecurrentSemanticsTest {
    private static final double EXACT = 1e-12;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void matchesTheCellEquationsWrittenOut(Kind kind) {
        int steps = 4;
        int in = 3;
        int hidden = 5;
        Recurrent layer = kind.create(RecurrentConfig.of(in, hidden), 1);
        Tensor x = Kind.randn(2, steps, 1, in);
        Tensor h0 = Kind.randn(3, 1, 1, hidden);
        Tensor c0 = Kind.randn(4, 1, 1, hidden);

        RecurrentOutput out = Kind.run(layer, x, h0, c0);

        Map<String, Tensor> p = layer.stateDict();
        double[][] params = {p.get("weight_ih_l0").toDoubleArray(), p.get("weight_hh_l0").toDoubleArray(),
            p.get("bias_ih_l0").toDoubleArray(), p.get("bias_hh_l0").toDoubleArray()};
        double[][] xs = new double[steps][];
        for (int t = 0; t < steps; t++) {
            xs[t] = x.narrow(0, t, 1).toDoubleArray();
        }
        ReferenceCell.Steps expected = ReferenceCell.run(kind, xs, h0.toDoubleArray(), c0.toDoubleArray(), params);
        for (int t = 0; t < steps; t++) {
            assertThat(out.output().narrow(0, t, 1).toDoubleArray()).as("step " + t)
                    .containsExactly(expected.h()[t], within(EXACT));
        }
        assertThat(out.hN().toDoubleArray()).containsExactly(expected.h()[steps - 1], within(EXACT));
        if (kind.hasCellState()) {
            assertThat(out.cN().toDoubleArray()).containsExactly(expected.c(), within(EXACT));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theReverseDirectionIsTheLayerRunOnTheFlippedSequence(Kind kind) {
        Recurrent both = kind.create(RecurrentConfig.of(3, 4).withBidirectional(true), 1);
        Recurrent forward = kind.create(RecurrentConfig.of(3, 4), 2);
        Recurrent backward = kind.create(RecurrentConfig.of(3, 4), 3);
        forward.loadStateDict(renamed(both.stateDict(), "_l0", "_l0"), true);
        backward.loadStateDict(renamed(both.stateDict(), "_l0_reverse", "_l0"), true);
        Tensor x = Kind.randn(4, 6, 2, 3);

        RecurrentOutput out = Kind.run(both, x, null, null);

        assertThat(out.output().narrow(2, 0, 4).toDoubleArray())
                .containsExactly(forward.call(x).toDoubleArray(), within(EXACT));
        RecurrentOutput reversed = Kind.run(backward, x.flip(0), null, null);
        assertThat(out.output().narrow(2, 4, 4).toDoubleArray())
                .containsExactly(reversed.output().flip(0).toDoubleArray(), within(EXACT));
        assertThat(out.hN().narrow(0, 1, 1).toDoubleArray())
                .containsExactly(reversed.hN().toDoubleArray(), within(EXACT));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aSecondLayerReadsTheFirstLayersOutputWithoutDropoutInEvalMode(Kind kind) {
        Recurrent stacked = kind.create(RecurrentConfig.of(3, 4).withNumLayers(2).withDropout(0.5), 1);
        stacked.eval();
        Recurrent first = kind.create(RecurrentConfig.of(3, 4), 2);
        Recurrent second = kind.create(RecurrentConfig.of(4, 4), 3);
        first.loadStateDict(renamed(stacked.stateDict(), "_l0", "_l0"), true);
        second.loadStateDict(renamed(stacked.stateDict(), "_l1", "_l0"), true);
        Tensor x = Kind.randn(4, 5, 2, 3);

        RecurrentOutput out = Kind.run(stacked, x, null, null);

        Tensor hidden = first.call(x);
        assertThat(out.output().toDoubleArray()).containsExactly(second.call(hidden).toDoubleArray(), within(EXACT));
        assertThat(out.hN().narrow(0, 0, 1).toDoubleArray())
                .containsExactly(hidden.narrow(0, 4, 1).toDoubleArray(), within(EXACT));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void batchFirstIsTheTimeFirstLayerOnTransposedInput(Kind kind) {
        Recurrent timeFirst = kind.create(RecurrentConfig.of(3, 4), 1);
        Recurrent batchFirst = kind.create(RecurrentConfig.of(3, 4).withBatchFirst(true), 2);
        batchFirst.loadStateDict(timeFirst.stateDict(), true);
        Tensor x = Kind.randn(4, 2, 5, 3);
        Tensor h0 = Kind.randn(5, 1, 2, 4);

        RecurrentOutput out = Kind.run(batchFirst, x, h0, h0);
        RecurrentOutput expected = Kind.run(timeFirst, x.transpose(0, 1), h0, h0);

        assertThat(out.output().toDoubleArray())
                .containsExactly(expected.output().transpose(0, 1).toDoubleArray(), within(EXACT));
        assertThat(out.hN().toDoubleArray()).containsExactly(expected.hN().toDoubleArray(), within(EXACT));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void unbatchedInputIsABatchOfOneWithoutTheBatchAxis(Kind kind) {
        Recurrent layer = kind.create(RecurrentConfig.of(3, 4).withNumLayers(2).withBidirectional(true), 1);
        Tensor x = Kind.randn(4, 5, 3);
        Tensor h0 = Kind.randn(5, 4, 4);
        Tensor c0 = Kind.randn(6, 4, 4);

        RecurrentOutput out = Kind.run(layer, x, h0, c0);
        RecurrentOutput batch = Kind.run(layer, x.unsqueeze(1), h0.unsqueeze(1), c0.unsqueeze(1));

        assertThat(out.output().toDoubleArray()).containsExactly(batch.output().toDoubleArray(), within(EXACT));
        assertThat(out.hN().toDoubleArray()).containsExactly(batch.hN().toDoubleArray(), within(EXACT));
        if (kind.hasCellState()) {
            assertThat(out.cN().toDoubleArray()).containsExactly(batch.cN().toDoubleArray(), within(EXACT));
        }
    }

    @Test
    void withoutBiasTheZeroSequenceFromZeroStateStaysZero() {
        for (Kind kind : Kind.values()) {
            Recurrent layer = kind.create(RecurrentConfig.of(3, 4).withBias(false), 1);
            Tensor out = layer.call(Tensor.zeros(Shape.of(5, 2, 3), DType.F64, Device.REFERENCE));
            assertThat(out.toDoubleArray()).as(kind.name()).containsOnly(0.0);
        }
    }

    @Test
    void dropoutBetweenLayersActsOnlyInTrainingMode() {
        RecurrentConfig config = RecurrentConfig.of(3, 4).withNumLayers(2).withDropout(0.5);
        Tensor x = Kind.randn(4, 5, 2, 3);
        Recurrent evalLayer = Kind.LSTM.create(config, 1);
        evalLayer.eval();
        Recurrent noDropout = Kind.LSTM.create(config.withDropout(0), 1);

        assertThat(evalLayer.call(x).toDoubleArray()).containsExactly(noDropout.call(x).toDoubleArray());
        assertThat(Kind.LSTM.create(config, 1).call(x).toDoubleArray())
                .as("training mode with p=0.5").isNotEqualTo(noDropout.call(x).toDoubleArray())
                .as("the same seed draws the same masks").containsExactly(Kind.LSTM.create(config, 1).call(x)
                        .toDoubleArray());
    }

    @Test
    void dropoutOfOneCutsTheSecondLayerOffItsInput() {
        Recurrent layer = Kind.GRU.create(RecurrentConfig.of(3, 4).withNumLayers(2).withDropout(1), 1);
        double[] a = layer.call(Kind.randn(4, 5, 2, 3)).toDoubleArray();
        double[] b = layer.call(Kind.randn(5, 5, 2, 3)).toDoubleArray();
        assertThat(a).containsExactly(b);
    }

    @Test
    void aSingleLayerIgnoresDropoutAsPyTorchDoes() {
        RecurrentConfig config = RecurrentConfig.of(3, 4).withDropout(0.9);
        Tensor x = Kind.randn(4, 5, 2, 3);
        assertThat(Kind.RNN_TANH.create(config, 1).call(x).toDoubleArray())
                .containsExactly(Kind.RNN_TANH.create(config.withDropout(0), 1).call(x).toDoubleArray());
    }

    /** The entries of {@code state} whose key ends with {@code suffix}, renamed to end with {@code replacement}. */
    private static Map<String, Tensor> renamed(Map<String, Tensor> state, String suffix, String replacement) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        state.forEach((k, v) -> {
            if (k.endsWith(suffix)) {
                out.put(k.substring(0, k.length() - suffix.length()) + replacement, v);
            }
        });
        return out;
    }
}
