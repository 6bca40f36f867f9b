package dev.nabla.tests.golden.layers;

import dev.nabla.autodiff.functional.ConvOptions;
import dev.nabla.autodiff.functional.Size2;
import dev.nabla.nn.AdaptiveAvgPool2d;
import dev.nabla.nn.AvgPool2d;
import dev.nabla.nn.Conv2d;
import dev.nabla.nn.MaxPool2d;
import dev.nabla.tensor.DType;
import dev.nabla.tensor.random.Rng;
import dev.nabla.tensor.spi.Backends;
import dev.nabla.tests.golden.layers.LayerGoldens.Built;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Conv2d and the pooling layers against PyTorch (make_conv_goldens.py), on the default device, so
 * they also check that device's window kernels (im2col, col2im, pooling).
 */
class ConvGoldenTest {
    @TestFactory
    Stream<DynamicNode> goldens() {
        return LayerGoldens.tests("conv", (c, dtype) -> switch (c.kind()) {
            case "Conv2d" -> Built.of(conv(c, dtype));
            case "MaxPool2d" -> Built.of(new MaxPool2d(size(c, "kernel"), size(c, "stride"), size(c, "padding"),
                    size(c, "dilation"), c.flag("ceilMode")));
            case "AvgPool2d" -> Built.of(new AvgPool2d(size(c, "kernel"), size(c, "stride"), size(c, "padding"),
                    c.flag("ceilMode"), c.flag("countIncludePad")));
            case "AdaptiveAvgPool2d" -> Built.of(new AdaptiveAvgPool2d(size(c, "output")));
            default -> throw new IllegalArgumentException("unknown kind " + c.kind());
        });
    }

    private static Conv2d conv(LayerCase c, DType dtype) {
        Size2 stride = size(c, "stride");
        Size2 dilation = size(c, "dilation");
        ConvOptions options = ConvOptions.DEFAULT.stride(stride.h(), stride.w()).dilation(dilation.h(), dilation.w())
                .groups(c.integer("groups"));
        if (c.has("paddingMode")) {
            options = options.padding(c.text("paddingMode"));
        } else {
            Size2 padding = size(c, "padding");
            options = options.padding(padding.h(), padding.w());
        }
        return new Conv2d(c.integer("in"), c.integer("out"), size(c, "kernel"), options, c.flag("bias"), new Rng(0),
                dtype, Backends.defaultDevice());
    }

    private static Size2 size(LayerCase c, String key) {
        int[] hw = c.integers(key);
        return Size2.of(hw[0], hw[1]);
    }
}
