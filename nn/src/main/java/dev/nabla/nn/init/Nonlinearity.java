package dev.nabla.nn.init;

/**
 * The nonlinearities of PyTorch's {@code torch.nn.init.calculate_gain}, with their recommended
 * gains: the factor by which an initialisation scales the standard deviation so that the
 * activations keep their variance through the layer.
 */
public enum Nonlinearity {
    LINEAR, CONV1D, CONV2D, CONV3D, CONV_TRANSPOSE1D, CONV_TRANSPOSE2D, CONV_TRANSPOSE3D,
    SIGMOID, TANH, RELU,
    /** Takes the negative slope as its parameter (default 0.01). */
    LEAKY_RELU,
    SELU
}
