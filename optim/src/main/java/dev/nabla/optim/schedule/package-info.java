/**
 * Learning-rate schedules with PyTorch 1.13's semantics: each scheduler changes the learning rate
 * of every param group of one {@link dev.nabla.optim.Optimizer} when its {@code step()} is called,
 * once per epoch (or per batch for {@link dev.nabla.optim.schedule.OneCycleLR}), after the
 * optimizer's step.
 *
 * <p>Epoch schedulers extend {@link dev.nabla.optim.schedule.LRScheduler}: {@code step()} uses the
 * chainable (recursive) form, which multiplies the group's current learning rate, so several
 * schedulers on one optimizer compose ({@link dev.nabla.optim.schedule.ChainedScheduler});
 * {@code step(epoch)} jumps to an epoch by the closed form. Sequences of schedulers (a warm-up
 * then a decay) are {@link dev.nabla.optim.schedule.SequentialLR};
 * {@link dev.nabla.optim.schedule.ReduceLROnPlateau} follows a metric instead of the epoch.
 * Every scheduler has a flat state dict of F64 tensors, so training resumes exactly. See
 * {@code docs/optim-schedules.md} for the formulas.
 */
package dev.nabla.optim.schedule;
