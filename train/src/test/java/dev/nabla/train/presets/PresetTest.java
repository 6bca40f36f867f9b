package dev.nabla.train.presets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nabla.autodiff.Tensor;
import dev.nabla.nn.Sequential;
import dev.nabla.tensor.DType;
import dev.nabla.tensor.Device;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.random.Rng;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PresetTest {
    private static Sequential create(String name, Shape input, int classes) {
        return Preset.byName(name).create(input, classes, new Rng(1), DType.F32, Device.REFERENCE);
    }

    /** The counts and shapes PyTorch gives for the same models: tests/golden/preset_parameter_counts.py. */
    @ParameterizedTest
    @CsvSource({
        "mlp,       1, 28, 28, 235146",
        "lenet5,    1, 28, 28,  61706",
        "cnn-bn,    1, 28, 28, 421834",
        "small-cnn, 1, 28, 28, 105866",
        "mlp,       3, 32, 32, 820874",
        "lenet5,    3, 32, 32,  83126",
        "cnn-bn,    3, 32, 32, 545290",
        "small-cnn, 3, 32, 32, 136874",
        "mlp,       1,  8,  8,  50826",
        "cnn-bn,    1,  8,  8,  53194",
        "small-cnn, 1,  8,  8,  13706",
    })
    void parameterCountsAndOutputShapesMatchPyTorch(String name, int c, int h, int w, long parameters) {
        Sequential model = create(name, Shape.of(c, h, w), 10);
        assertThat(model.parameterCount()).isEqualTo(parameters);
        Tensor out = model.call(Tensor.zeros(Shape.of(2, c, h, w), DType.F32, Device.REFERENCE));
        assertThat(out.shape()).isEqualTo(Shape.of(2, 10));
    }

    @Test
    void layersFollowTheDescription() {
        assertThat(create("cnn-bn", Shape.of(1, 28, 28), 10).toString()).isEqualTo("""
                Sequential(
                  (0): Conv2d(1, 32, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1))
                  (1): BatchNorm2d(32, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)
                  (2): ReLU()
                  (3): MaxPool2d(kernel_size=2, stride=2, padding=0, dilation=1, ceil_mode=False)
                  (4): Conv2d(32, 64, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1))
                  (5): BatchNorm2d(64, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)
                  (6): ReLU()
                  (7): MaxPool2d(kernel_size=2, stride=2, padding=0, dilation=1, ceil_mode=False)
                  (8): Flatten(start_dim=1, end_dim=-1)
                  (9): Linear(in_features=3136, out_features=128, bias=True)
                  (10): ReLU()
                  (11): Linear(in_features=128, out_features=10, bias=True)
                )""");
    }

    @Test
    void theOutputLayerHasOneOutputPerClassAndTheMlpTakesFeatureVectors() {
        Sequential mlp = create("mlp", Shape.of(64), 3);
        assertThat(mlp.call(Tensor.zeros(Shape.of(5, 64), DType.F32, Device.REFERENCE)).shape())
                .isEqualTo(Shape.of(5, 3));
        assertThat(create("small-cnn", Shape.of(1, 8, 8), 2).call(Tensor.zeros(Shape.of(1, 1, 8, 8), DType.F32,
                Device.REFERENCE)).shape()).isEqualTo(Shape.of(1, 2));
    }

    @Test
    void namesAreTheCommandLinesAndUnknownOnesAreListed() {
        assertThat(Arrays.stream(Preset.values()).map(Preset::id)).containsExactly("mlp", "lenet5", "cnn-bn",
                "small-cnn");
        assertThat(Preset.byName("cnn-bn")).isEqualTo(Preset.CNN_BN);
        assertThat(Preset.LENET5.description()).isNotBlank();
        assertThatThrownBy(() -> Preset.byName("resnet")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("preset: unknown model 'resnet'; choose one of [mlp, lenet5, cnn-bn, small-cnn]");
    }

    @Test
    void inputsThePresetCannotTakeAreClearErrors() {
        assertThatThrownBy(() -> create("lenet5", Shape.of(1, 8, 8), 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("lenet5: input [1, 8, 8] is too small: after layer 3 (conv 16@5x5 pad 0) the feature map"
                        + " would be 0x0; use larger images or a preset for small ones (small-cnn)");
        assertThatThrownBy(() -> create("cnn-bn", Shape.of(784), 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cnn-bn: input [784] must be one image [C, H, W] (without the batch axis),"
                        + " e.g. [1, 28, 28]");
        assertThatThrownBy(() -> create("mlp", Shape.of(1, 28, 28), 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("mlp: needs at least 2 classes, got 1");
        assertThatThrownBy(() -> create("mlp", Shape.of(0, 28), 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("mlp: input shape [0, 28] must be a sample shape with no zero sizes, [C, H, W] or [F]");
    }
}
