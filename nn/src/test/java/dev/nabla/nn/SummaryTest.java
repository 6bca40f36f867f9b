package dev.nabla.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nabla.autodiff.GradMode;
import dev.nabla.autodiff.Tensor;
import dev.nabla.tensor.DType;
import dev.nabla.tensor.Device;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.random.Rng;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryTest {
    private static Linear linear(int in, int out, DType dtype) {
        return new Linear(in, out, true, new Rng(1), dtype, Device.REFERENCE);
    }

    /** Calls one block twice and counts its forward passes in a buffer, as a stateful layer would. */
    private static final class Twice extends Module {
        final Linear block;
        final Tensor calls;
        final List<Boolean> modesSeen = new ArrayList<>();

        Twice(DType dtype) {
            block = registerModule("block", linear(3, 3, dtype));
            calls = registerBuffer("calls", Tensor.zeros(Shape.of(1), dtype, Device.REFERENCE));
        }

        @Override
        protected Tensor forward(Tensor x) {
            modesSeen.add(isTraining());
            calls.copyFrom(calls.add(1));
            return block.call(block.call(x).relu());
        }
    }

    @Test
    void printsEveryCallOfASequentialModelWithTotals() {
        Sequential model = new Sequential(linear(4, 8, DType.F32), Activation.relu(), linear(8, 3, DType.F32),
                Activation.tanh());
        assertThat(Summary.of(model, Shape.of(2, 4))).hasToString(""
                + "Model: Sequential\n"
                + "_______________________________________\n"
                + "Layer (type)    Output Shape    Param #\n"
                + "=======================================\n"
                + "Sequential      [2, 3]                0\n"
                + "0 (Linear)      [2, 8]               40\n"
                + "1 (ReLU)        [2, 8]                0\n"
                + "2 (Linear)      [2, 3]               27\n"
                + "3 (Tanh)        [2, 3]                0\n"
                + "=======================================\n"
                + "Total params: 67\n"
                + "Trainable params: 67\n"
                + "Non-trainable params: 0\n"
                + "Parameter size: 268 bytes\n"
                + "Buffer size: 0 bytes\n"
                + "_______________________________________");
    }

    @Test
    void aModuleCalledTwiceAppearsTwiceAndIsCountedOnce() {
        Twice model = new Twice(DType.F64);
        Summary s = Summary.of(model, Shape.of(5, 3));
        assertThat(s.rows()).containsExactly(
                new Summary.Row("", "Twice", Shape.of(5, 3), 0, false),
                new Summary.Row("block", "Linear", Shape.of(5, 3), 12, false),
                new Summary.Row("block", "Linear", Shape.of(5, 3), 12, true));
        assertThat(s).hasToString(""
                + "Model: Twice\n"
                + "____________________________________________\n"
                + "Layer (type)      Output Shape       Param #\n"
                + "============================================\n"
                + "Twice             [5, 3]                   0\n"
                + "block (Linear)    [5, 3]                  12\n"
                + "block (Linear)    [5, 3]          (repeated)\n"
                + "============================================\n"
                + "Total params: 12\n"
                + "Trainable params: 12\n"
                + "Non-trainable params: 0\n"
                + "Parameter size: 96 bytes\n"
                + "Buffer size: 8 bytes\n"
                + "____________________________________________");
    }

    @Test
    void runsInEvalModeWithoutGradientsAndLeavesModesAndBuffersAsTheyWere() {
        Twice model = new Twice(DType.F32);
        model.block.eval();
        Summary.of(model, Shape.of(2, 3));
        assertThat(model.modesSeen).containsExactly(false);
        assertThat(model.isTraining()).isTrue();
        assertThat(model.block.isTraining()).isFalse();
        assertThat(model.calls.toFloatArray()).containsExactly(0f);
        assertThat(model.parameters()).allMatch(p -> p.grad() == null);
        assertThat(GradMode.isEnabled()).isTrue();
    }

    @Test
    void aRejectedInputNamesTheModuleAndStillRestoresTheModel() {
        Twice model = new Twice(DType.F32);
        assertThatThrownBy(() -> Summary.of(model, Shape.of(2, 4)))
                .isInstanceOf(ModuleException.class)
                .hasMessage("forward of block (Linear): linear: input of shape [2, 4] has 4 features in its last axis,"
                        + " the layer expects 3");
        assertThat(model.isTraining()).isTrue();
        assertThat(model.block.isTraining()).isTrue();
        assertThat(model.calls.toFloatArray()).containsExactly(0f);
    }

    @Test
    void runsOnAGivenTensorAndCountsFrozenParametersAsNonTrainable() {
        Linear layer = linear(256, 256, DType.F32);
        layer.bias().requiresGrad(false);
        Summary s = Summary.of(layer, Tensor.zeros(Shape.of(7, 256), DType.F32, Device.REFERENCE));
        assertThat(s.rows()).containsExactly(new Summary.Row("", "Linear", Shape.of(7, 256), 65_792, false));
        assertThat(s.totalParameters()).isEqualTo(65_792);
        assertThat(s.trainableParameters()).isEqualTo(65_536);
        assertThat(s.nonTrainableParameters()).isEqualTo(256);
        assertThat(s.toString()).contains("Total params: 65,792\n", "Non-trainable params: 256\n",
                "Parameter size: 263,168 bytes (257.00 KiB)\n");
    }

    @Test
    void aModuleOutsideTheModelIsNamedByItsType() {
        Module model = new Module() {
            private final Module unregistered = Activation.sigmoid();

            @Override
            protected Tensor forward(Tensor x) {
                return unregistered.call(x);
            }

            @Override
            protected String typeName() {
                return "Wrapper";
            }
        };
        assertThat(Summary.of(model, Shape.of(1)).rows()).extracting(Summary.Row::path).containsExactly("", "<Sigmoid>");
    }

    @Test
    void summariesDoNotNest() {
        Module model = new Module() {
            @Override
            protected Tensor forward(Tensor x) {
                return Summary.of(Activation.relu(), x).rows().isEmpty() ? x : x.neg();
            }
        };
        assertThatThrownBy(() -> Summary.of(model, Shape.of(1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("summaries cannot nest");
        assertThat(model.call(Tensor.ones(1)).item()).isEqualTo(-1.0);
    }
}
