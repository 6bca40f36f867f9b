package dev.nabla.nn.recurrent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nabla.autodiff.Tensor;
import dev.nabla.tensor.Shape;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RecurrentShapesTest {
    private static final int T = 5;
    private static final int N = 3;
    private static final int IN = 2;
    private static final int HIDDEN = 4;

    static Stream<Arguments> everyCombination() {
        List<Arguments> cases = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            for (int layers = 1; layers <= 2; layers++) {
                for (int flags = 0; flags < 32; flags++) {
                    cases.add(Arguments.of(kind, layers, (flags & 1) != 0, (flags & 2) != 0, (flags & 4) != 0,
                            (flags & 8) != 0, (flags & 16) != 0));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} layers={1} bias={2} batchFirst={3} bidirectional={4} batched={5} h0={6}")
    @MethodSource("everyCombination")
    void outputAndFinalStatesHavePyTorchsShapes(Kind kind, int layers, boolean bias, boolean batchFirst,
                                                boolean bidirectional, boolean batched, boolean givenState) {
        RecurrentConfig config = RecurrentConfig.of(IN, HIDDEN).withNumLayers(layers).withBias(bias)
                .withBatchFirst(batchFirst).withBidirectional(bidirectional);
        Recurrent layer = kind.create(config, 1);
        int directions = bidirectional ? 2 : 1;
        Tensor x = !batched ? Kind.randn(2, T, IN) : batchFirst ? Kind.randn(2, N, T, IN) : Kind.randn(2, T, N, IN);
        Shape stateShape = batched ? Shape.of(layers * directions, N, HIDDEN) : Shape.of(layers * directions, HIDDEN);
        Tensor h0 = givenState ? Kind.randn(3, stateShape.dims()) : null;
        Tensor c0 = givenState ? Kind.randn(4, stateShape.dims()) : null;

        RecurrentOutput out = Kind.run(layer, x, h0, c0);

        Shape expected = !batched ? Shape.of(T, directions * HIDDEN)
                : batchFirst ? Shape.of(N, T, directions * HIDDEN) : Shape.of(T, N, directions * HIDDEN);
        assertThat(out.output().shape()).isEqualTo(expected);
        assertThat(layer.call(x).shape()).isEqualTo(expected);
        assertThat(out.hN().shape()).isEqualTo(stateShape);
        if (kind.hasCellState()) {
            assertThat(out.cN().shape()).isEqualTo(stateShape);
        } else {
            assertThat(out.cN()).isNull();
        }
        assertThat(parameterShapes(layer)).isEqualTo(expectedParameters(kind, layers, bias, bidirectional));
    }

    private static Map<String, Shape> parameterShapes(Recurrent layer) {
        Map<String, Shape> shapes = new LinkedHashMap<>();
        layer.stateDict().forEach((k, v) -> shapes.put(k, v.shape()));
        return shapes;
    }

    /** PyTorch's order: per layer, per direction: weight_ih, weight_hh, bias_ih, bias_hh. */
    private static Map<String, Shape> expectedParameters(Kind kind, int layers, boolean bias, boolean bidirectional) {
        Map<String, Shape> shapes = new LinkedHashMap<>();
        int directions = bidirectional ? 2 : 1;
        for (int k = 0; k < layers; k++) {
            for (int d = 0; d < directions; d++) {
                String suffix = "_l" + k + (d == 1 ? "_reverse" : "");
                int in = k == 0 ? IN : HIDDEN * directions;
                shapes.put("weight_ih" + suffix, Shape.of(kind.gates * HIDDEN, in));
                shapes.put("weight_hh" + suffix, Shape.of(kind.gates * HIDDEN, HIDDEN));
                if (bias) {
                    shapes.put("bias_ih" + suffix, Shape.of(kind.gates * HIDDEN));
                    shapes.put("bias_hh" + suffix, Shape.of(kind.gates * HIDDEN));
                }
            }
        }
        return shapes;
    }
}
