/**
 * Loss functions with PyTorch 1.13's semantics ({@code torch.nn.functional}), composed from
 * {@link dev.nabla.autodiff.Tensor} operations with no gradient code of their own.
 *
 * <p>Each loss is a small immutable record implementing {@link dev.nabla.nn.loss.Loss}, made with
 * PyTorch's defaults and changed with one method per setting:
 *
 * <pre>{@code
 * Loss criterion = new CrossEntropyLoss().labelSmoothing(0.1).ignoreIndex(0);
 * Tensor loss = criterion.apply(logits, labels);      // logits [N, C], labels [N]
 * }</pre>
 *
 * {@link dev.nabla.nn.loss.Losses} holds the same losses as static functions, named as in
 * {@code torch.nn.functional} ({@code Losses.crossEntropy(logits, labels)}).
 *
 * <p>Where PyTorch lets a NaN in the input flow silently into the loss (every loss here but
 * {@code binaryCrossEntropy}, which rejects it as PyTorch does), so does Nabla: the result and the
 * gradient are NaN. Unlike PyTorch, elementwise losses never broadcast the target against the
 * input: a target of another shape ({@code [N, 1]} for {@code [N]}) is an error rather than a
 * warning.
 */
package dev.nabla.nn.loss;
