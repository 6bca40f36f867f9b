/**
 * The user-facing {@link dev.nabla.autodiff.Tensor} and reverse-mode automatic differentiation:
 * ops record themselves in a graph ({@link dev.nabla.autodiff.Graph}) as they run, and
 * {@code backward()} walks it in reverse. {@link dev.nabla.autodiff.GradMode} turns recording off
 * per thread; {@link dev.nabla.autodiff.GradCheck} verifies gradients numerically.
 */
package dev.nabla.autodiff;
