package dev.nabla.nn.recurrent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nabla.autodiff.Tensor;
import dev.nabla.tensor.DType;
import dev.nabla.tensor.Device;
import dev.nabla.tensor.random.Rng;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecurrentParametersTest {
    /** The key list of PyTorch 1.13's state_dict() as "key [shape]", in its order. */
    private static List<String> keys(Recurrent layer) {
        List<String> out = new ArrayList<>();
        layer.stateDict().forEach((k, v) -> out.add(k + " " + v.shape()));
        return out;
    }

    @Test
    void bidirectionalTwoLayerLstmHasPyTorchsStateDict() {
        LSTM lstm = new LSTM(RecurrentConfig.of(3, 4).withNumLayers(2).withBidirectional(true), new Rng(1),
                DType.F32, Device.REFERENCE);
        // torch.nn.LSTM(3, 4, num_layers=2, bidirectional=True).state_dict()
        assertThat(keys(lstm)).containsExactly(
                "weight_ih_l0 [16, 3]", "weight_hh_l0 [16, 4]", "bias_ih_l0 [16]", "bias_hh_l0 [16]",
                "weight_ih_l0_reverse [16, 3]", "weight_hh_l0_reverse [16, 4]", "bias_ih_l0_reverse [16]",
                "bias_hh_l0_reverse [16]",
                "weight_ih_l1 [16, 8]", "weight_hh_l1 [16, 4]", "bias_ih_l1 [16]", "bias_hh_l1 [16]",
                "weight_ih_l1_reverse [16, 8]", "weight_hh_l1_reverse [16, 4]", "bias_ih_l1_reverse [16]",
                "bias_hh_l1_reverse [16]");
    }

    @Test
    void gruWithoutBiasHasPyTorchsStateDict() {
        GRU gru = new GRU(RecurrentConfig.of(3, 4).withBias(false), new Rng(1), DType.F32, Device.REFERENCE);
        // torch.nn.GRU(3, 4, bias=False).state_dict()
        assertThat(keys(gru)).containsExactly("weight_ih_l0 [12, 3]", "weight_hh_l0 [12, 4]");
    }

    @Test
    void twoLayerRnnHasPyTorchsStateDict() {
        RNN rnn = new RNN(RecurrentConfig.of(3, 4).withNumLayers(2), RNN.Nonlinearity.TANH, new Rng(1), DType.F32,
                Device.REFERENCE);
        // torch.nn.RNN(3, 4, num_layers=2).state_dict()
        assertThat(keys(rnn)).containsExactly(
                "weight_ih_l0 [4, 3]", "weight_hh_l0 [4, 4]", "bias_ih_l0 [4]", "bias_hh_l0 [4]",
                "weight_ih_l1 [4, 4]", "weight_hh_l1 [4, 4]", "bias_ih_l1 [4]", "bias_hh_l1 [4]");
    }

    @Test
    void everyParameterIsUniformWithinOneOverSqrtHidden() {
        LSTM lstm = new LSTM(RecurrentConfig.of(30, 100).withNumLayers(2), new Rng(3), DType.F64, Device.REFERENCE);
        double bound = 1 / Math.sqrt(100);
        for (Map.Entry<String, Tensor> e : lstm.namedParameters().entrySet()) {
            double[] v = e.getValue().toDoubleArray();
            assertThat(Arrays.stream(v).allMatch(x -> x >= -bound && x < bound)).as(e.getKey()).isTrue();
            double mean = Arrays.stream(v).average().orElseThrow();
            double var = Arrays.stream(v).map(x -> (x - mean) * (x - mean)).average().orElseThrow();
            assertThat(var).as(e.getKey()).isCloseTo(bound * bound / 3,
                    org.assertj.core.data.Percentage.withPercentage(15));
            assertThat(e.getValue().requiresGrad()).isTrue();
        }
    }

    @Test
    void theSameSeedGivesTheSameParametersAndDifferentSeedsDifferentOnes() {
        RecurrentConfig config = RecurrentConfig.of(3, 4);
        double[] a = Kind.GRU.create(config, 5).stateDict().get("weight_hh_l0").toDoubleArray();
        double[] b = Kind.GRU.create(config, 5).stateDict().get("weight_hh_l0").toDoubleArray();
        double[] c = Kind.GRU.create(config, 6).stateDict().get("weight_hh_l0").toDoubleArray();
        assertThat(a).isEqualTo(b).isNotEqualTo(c);
    }

    @Test
    void aStateDictOfTheSameShapesLoadsUnchanged() {
        RecurrentConfig config = RecurrentConfig.of(3, 4).withBidirectional(true);
        Recurrent source = Kind.LSTM.create(config, 1);
        Recurrent target = Kind.LSTM.create(config, 2);
        Map<String, Tensor> state = new LinkedHashMap<>(source.stateDict());
        assertThat(target.loadStateDict(state, true).missingKeys()).isEmpty();
        Tensor x = Kind.randn(9, 6, 2, 3);
        assertThat(target.call(x).toDoubleArray()).containsExactly(source.call(x).toDoubleArray());
    }

    @Test
    void printsTheSettingsThatDifferFromTheDefaultsAsPyTorch() {
        assertThat(Kind.LSTM.create(RecurrentConfig.of(3, 4), 1)).hasToString("LSTM(3, 4)");
        assertThat(Kind.RNN_RELU.create(RecurrentConfig.of(10, 20).withNumLayers(2).withBias(false)
                .withBatchFirst(true).withDropout(0.5).withBidirectional(true), 1))
                .hasToString("RNN(10, 20, num_layers=2, bias=False, batch_first=True, dropout=0.5, bidirectional=True)");
        assertThat(Kind.GRU.create(RecurrentConfig.of(3, 4).withNumLayers(3), 1)).hasToString("GRU(3, 4, num_layers=3)");
    }

    @Test
    void shortConstructorsBuildOneF32Layer() {
        assertThat(new RNN(3, 4).config()).isEqualTo(RecurrentConfig.of(3, 4));
        assertThat(new LSTM(3, 4).namedParameters().get("weight_ih_l0").dtype()).isEqualTo(DType.F32);
        assertThat(new GRU(3, 4).parameterCount()).isEqualTo(12 * 3 + 12 * 4 + 12 + 12);
    }
}
