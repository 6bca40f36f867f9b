package dev.nabla.nn.recurrent;

import dev.nabla.autodiff.GradCheck;
import dev.nabla.autodiff.Tensor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Backpropagation through time checked against central differences, in F64. */
class RecurrentGradCheckTest {
    @ParameterizedTest
    @EnumSource(Kind.class)
    void gradientsOfInputStatesAndEveryParameterPassGradCheck(Kind kind) {
        Recurrent layer = kind.create(RecurrentConfig.of(2, 3).withNumLayers(2).withBidirectional(true), 1);
        Tensor x = Kind.randn(2, 4, 2, 2).requiresGrad(true);
        Tensor h0 = Kind.randn(3, 4, 2, 3).requiresGrad(true);
        List<Tensor> inputs = new ArrayList<>(List.of(x, h0));
        if (kind.hasCellState()) {
            inputs.add(Kind.randn(4, 4, 2, 3).requiresGrad(true));
        }
        inputs.addAll(layer.parameters());

        GradCheck.verify(in -> {
            RecurrentOutput out = Kind.run(layer, in.get(0), in.get(1), kind.hasCellState() ? in.get(2) : null);
            List<Tensor> parts = new ArrayList<>(List.of(out.output().flatten(), out.hN().flatten()));
            if (out.cN() != null) {
                parts.add(out.cN().flatten());
            }
            return Tensor.cat(parts, 0);
        }, inputs);
    }
}
