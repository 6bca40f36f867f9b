package dev.nabla.nn.recurrent;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nabla.nn.ModuleException;
import org.junit.jupiter.api.Test;

class RecurrentErrorsTest {
    private final Recurrent lstm = Kind.LSTM.create(RecurrentConfig.of(3, 4).withNumLayers(2), 1);

    @Test
    void rejectsAnInputOfTheWrongRankNamingTheExpectedShapes() {
        assertThatThrownBy(() -> lstm.call(Kind.randn(1, 5, 2, 3, 1)))
                .isInstanceOf(ModuleException.class)
                .hasMessage("forward of LSTM: LSTM: input of shape [5, 2, 3, 1] has rank 4, expected [T, N, 3]"
                        + " or unbatched [T, 3]");
        Recurrent gru = Kind.GRU.create(RecurrentConfig.of(3, 4).withBatchFirst(true), 1);
        assertThatThrownBy(() -> gru.call(Kind.randn(1, 3)))
                .hasMessageEndingWith("GRU: input of shape [3] has rank 1, expected [T, N, 3]"
                        + " (batchFirst: [N, T, 3]) or unbatched [T, 3]");
    }

    @Test
    void rejectsAWrongFeatureSize() {
        assertThatThrownBy(() -> lstm.call(Kind.randn(1, 5, 2, 7)))
                .isInstanceOf(ModuleException.class)
                .hasMessageEndingWith("LSTM: input of shape [5, 2, 7] has 7 features in its last axis, the layer"
                        + " expects inputSize=3");
    }

    @Test
    void rejectsAnEmptySequence() {
        Recurrent rnn = Kind.RNN_TANH.create(RecurrentConfig.of(3, 4).withBatchFirst(true), 1);
        assertThatThrownBy(() -> rnn.call(Kind.randn(1, 2, 0, 3)))
                .hasMessageEndingWith("RNN: input of shape [2, 0, 3] has no time steps (T=0); give at least one");
    }

    @Test
    void rejectsAnInitialStateThatDoesNotFitTheInput() {
        assertThatThrownBy(() -> ((LSTM) lstm).run(Kind.randn(1, 5, 2, 3), Kind.randn(2, 1, 2, 4), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("LSTM: h0 of shape [1, 2, 4] does not fit input of shape [5, 2, 3]: expected [2, 2, 4]"
                        + " = [numLayers * directions, N, hiddenSize]");
        assertThatThrownBy(() -> ((LSTM) lstm).run(Kind.randn(1, 5, 2, 3), null, Kind.randn(2, 2, 3, 4)))
                .hasMessage("LSTM: c0 of shape [2, 3, 4] does not fit input of shape [5, 2, 3]: expected [2, 2, 4]"
                        + " = [numLayers * directions, N, hiddenSize]");
        GRU gru = (GRU) Kind.GRU.create(RecurrentConfig.of(3, 4).withBidirectional(true), 1);
        assertThatThrownBy(() -> gru.run(Kind.randn(1, 5, 3), Kind.randn(2, 2, 1, 4)))
                .hasMessage("GRU: h0 of shape [2, 1, 4] does not fit input of shape [5, 3]: expected [2, 4]"
                        + " = [numLayers * directions, hiddenSize]");
    }

    @Test
    void rejectsInvalidSettings() {
        assertThatThrownBy(() -> RecurrentConfig.of(3, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("recurrent layer: inputSize, hiddenSize and numLayers must be positive, got inputSize=3"
                        + " hiddenSize=0 numLayers=1");
        assertThatThrownBy(() -> RecurrentConfig.of(3, 4).withNumLayers(0))
                .hasMessageContaining("numLayers=0");
        assertThatThrownBy(() -> RecurrentConfig.of(3, 4).withDropout(1.5))
                .hasMessage("recurrent layer: dropout=1.5 must be a probability in [0, 1] (of zeroing an element)");
        assertThatThrownBy(() -> RecurrentConfig.of(3, 4).withDropout(Double.NaN))
                .hasMessageContaining("dropout=NaN");
    }
}
