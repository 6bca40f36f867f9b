package dev.nabla.nn;

import dev.nabla.autodiff.Tensor;

/** Modules applied one after the other, registered as {@code "0"}, {@code "1"}, ... */
public final class Sequential extends Module {
    public Sequential(Module... modules) {
        for (int i = 0; i < modules.length; i++) {
            registerModule(Integer.toString(i), modules[i]);
        }
    }

    @Override
    protected Tensor forward(Tensor x) {
        Tensor y = x;
        for (Module m : children()) {
            y = m.call(y);
        }
        return y;
    }
}
