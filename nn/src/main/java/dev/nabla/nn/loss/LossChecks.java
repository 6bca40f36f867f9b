package dev.nabla.nn.loss;

import dev.nabla.autodiff.Tensor;
import dev.nabla.autodiff.ops.Kernels;
import dev.nabla.tensor.Shape;
import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;

/** Argument checks and printing shared by the losses. */
final class LossChecks {
    private LossChecks() {
    }

    /** Input and target of one shape, dtype and device, as every elementwise loss needs. */
    static void requireSameShape(String op, Tensor input, Tensor target) {
        if (!input.shape().equals(target.shape())) {
            throw new IllegalArgumentException(op + ": input " + input.shape() + " and target " + target.shape()
                    + " differ in shape; the target must have the input's shape (losses do not broadcast it:"
                    + " reshape the target to " + input.shape() + ")");
        }
        Kernels.requireCompatible(op, input, target);
    }

    /**
     * An elementwise {@code weight} (null for none) converted to {@code input}'s dtype and device;
     * it must broadcast to the input's shape without growing it.
     */
    static Tensor elementWeight(String op, String name, Tensor weight, Tensor input) {
        if (weight == null) {
            return null;
        }
        Shape joint = Shape.broadcast(op, weight.shape(), input.shape());
        if (!joint.equals(input.shape())) {
            throw new IllegalArgumentException(op + ": " + name + " of shape " + weight.shape()
                    + " broadcasts input " + input.shape() + " up to " + joint + "; it must broadcast to the input's"
                    + " shape (e.g. one value per element or per class of the last axis)");
        }
        return onInputsDevice(weight, input);
    }

    /** Class weights, when given, must be 1-D; their length is checked against the input later. */
    static void requireClassVector(String loss, Tensor weight) {
        if (weight != null && weight.rank() != 1) {
            throw new IllegalArgumentException(loss + ": weight must be 1-D, one value per class, got shape "
                    + weight.shape());
        }
    }

    /** A class weight {@code [C]} (null for none) converted to {@code input}'s dtype and device. */
    static Tensor classWeight(String op, Tensor weight, int classes, Tensor input) {
        if (weight == null) {
            return null;
        }
        if (weight.rank() != 1 || weight.dim(0) != classes) {
            throw new IllegalArgumentException(op + ": weight of shape " + weight.shape() + " must hold one value per"
                    + " class, shape [" + classes + "], for input " + input.shape() + " with " + classes
                    + " classes on axis " + (input.rank() == 1 ? 0 : 1));
        }
        return onInputsDevice(weight, input);
    }

    private static Tensor onInputsDevice(Tensor t, Tensor input) {
        return t.to(input.device()).to(input.dtype());
    }

    /**
     * PyTorch's class name followed by the settings that differ from the defaults, e.g.
     * {@code CrossEntropyLoss(reduction=SUM, labelSmoothing=0.1)}; {@code null} entries are left out.
     */
    static String repr(String torchName, String... settings) {
        return Arrays.stream(settings).filter(Objects::nonNull).collect(Collectors.joining(", ", torchName + "(", ")"));
    }

    /** {@code "reduction=" + reduction}, or null for the default. */
    static String reduction(Object reduction, Object defaultValue) {
        return reduction == defaultValue ? null : "reduction=" + reduction;
    }

    /** {@code name=Tensor[dims]}, or null when there is no tensor. */
    static String tensor(String name, Tensor t) {
        return t == null ? null : name + "=Tensor" + t.shape();
    }
}
