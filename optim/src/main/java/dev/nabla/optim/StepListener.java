package dev.nabla.optim;

/**
 * Sees every step of an optimizer it is added to ({@link Optimizer#addListener}): once per updated
 * parameter, then once when the step ends. Called on the stepping thread with grad mode off; the
 * tensors it receives are never written again by the optimizer, so it may keep them.
 */
@FunctionalInterface
public interface StepListener {
    /** Called after each parameter's update (parameters without a gradient are skipped, as in PyTorch). */
    void onUpdate(ParamUpdate update);

    /** Called once after all parameters of a step were updated. */
    default void onStepEnd(Optimizer<?> optimizer) {
    }
}
