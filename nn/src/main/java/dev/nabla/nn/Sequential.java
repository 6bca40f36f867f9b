package dev.nabla.nn;

import dev.nabla.autodiff.Tensor;
import java.util.List;

/**
 * Modules applied one after the other, registered as {@code "0"}, {@code "1"}, ...
 *
 * <p>A {@link Linear} followed directly by a {@linkplain Activation#relu() ReLU} runs as one
 * product that applies the ReLU as it adds the bias ({@link dev.nabla.autodiff.functional.LinearAlgebra#addmmRelu}):
 * the same bits and gradients as the two modules, without the layer's output as a separate tensor
 * or a second pass over it. While a {@link Summary} is taken, every module is called on its own.
 */
public final class Sequential extends Module {
    public Sequential(Module... modules) {
        for (int i = 0; i < modules.length; i++) {
            registerModule(Integer.toString(i), modules[i]);
        }
    }

    @Override
    protected Tensor forward(Tensor x) {
        List<Module> modules = children();
        boolean fuse = !CallRecorder.recording();
        Tensor y = x;
        for (int i = 0; i < modules.size(); i++) {
            Module m = modules.get(i);
            if (fuse && m instanceof Linear linear && i + 1 < modules.size() && Activation.isRelu(modules.get(i + 1))) {
                y = linear.callThenRelu(y);
                i++;
            } else {
                y = m.call(y);
            }
        }
        return y;
    }
}
