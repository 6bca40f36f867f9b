package dev.nabla.optim;

import dev.nabla.autodiff.Tensor;

/**
 * One parameter's update within one {@link Optimizer#step()}, as a {@link StepListener} sees it.
 * All tensors have the parameter's shape and dtype and are snapshots the optimizer never writes.
 *
 * @param group  the index of the parameter's group in {@link Optimizer#paramGroups()}
 * @param index  the parameter's index over all groups, as state dicts number it
 * @param param  the parameter itself (live: it changes at the next step)
 * @param before its value before this step
 * @param after  its value after this step, including any {@link Proximal} step
 * @param grad   the gradient the optimizer read ({@code param.grad()}, before weight decay)
 * @param update {@code after - before}
 * @param state  its state after this step; {@link ParamState#step()} counts this step
 */
public record ParamUpdate(int group, int index, Tensor param, Tensor before, Tensor after, Tensor grad, Tensor update,
                          ParamState state) {
}
