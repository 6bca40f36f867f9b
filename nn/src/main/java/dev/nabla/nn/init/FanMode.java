package dev.nabla.nn.init;

/** Which fan the Kaiming initialisations preserve: the forward pass's or the backward pass's. */
public enum FanMode {
    /** Preserves the variance of the activations in the forward pass. */
    FAN_IN,
    /** Preserves the variance of the gradients in the backward pass. */
    FAN_OUT
}
