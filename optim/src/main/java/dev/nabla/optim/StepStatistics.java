package dev.nabla.optim;

import dev.nabla.autodiff.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A {@link StepListener} that records, for every step of the optimizer it is added to:
 * <ul>
 *   <li>the global gradient norm {@code sqrt(sum over parameters of ||g||^2)}, over the
 *       gradients the optimizer read (after any clipping, before weight decay);</li>
 *   <li>each parameter's update-to-weight ratio {@code ||w_after - w_before|| / ||w_before||}
 *       (L2 norms over the whole tensor; infinite when {@code w_before} is zero and the update
 *       is not, NaN when both are);</li>
 *   <li>each group's effective learning rate: the mean over all elements of the group's updated
 *       parameters of {@link Optimizer#effectiveLr(Tensor)}, the factor by which the step
 *       multiplies the direction it follows. SGD: the learning rate. Adam and AdamW:
 *       {@code lr / (sqrt(v_hat) + eps)}. RMSprop: {@code lr / (sqrt(v) + eps)} (centered:
 *       {@code sqrt(v - mean(g)^2)}). Adagrad: {@code lr_t / (sqrt(sum) + eps)}.</li>
 * </ul>
 *
 * <pre>{@code
 * StepStatistics stats = new StepStatistics();
 * optimizer.addListener(stats);
 * ... optimizer.step() ...
 * System.out.println(stats.last().gradNorm());
 * }</pre>
 *
 * History grows by one record per step until {@link #clear()}.
 */
public final class StepStatistics implements StepListener {
    /**
     * The statistics of one step.
     *
     * @param step           the step's number as this listener counts them, from 1
     * @param gradNorm       the global L2 norm of the gradients
     * @param updateToWeight by parameter index (as in state dicts), for the parameters updated
     * @param effectiveLr    by group index; NaN for a group none of whose parameters was updated
     */
    public record Step(int step, double gradNorm, Map<Integer, Double> updateToWeight, List<Double> effectiveLr) {
        public Step {
            updateToWeight = Collections.unmodifiableMap(new TreeMap<>(updateToWeight));
            effectiveLr = List.copyOf(effectiveLr);
        }
    }

    private final List<Step> history = new ArrayList<>();
    private final Map<Integer, Double> ratios = new TreeMap<>();
    private final List<ParamUpdate> updates = new ArrayList<>();
    private double gradSquares;

    @Override
    public void onUpdate(ParamUpdate update) {
        double g = l2Norm(update.grad());
        gradSquares += g * g;
        ratios.put(update.index(), l2Norm(update.update()) / l2Norm(update.before()));
        updates.add(update);
    }

    @Override
    public void onStepEnd(Optimizer<?> optimizer) {
        int groups = optimizer.paramGroups().size();
        double[] sums = new double[groups];
        long[] counts = new long[groups];
        for (ParamUpdate u : updates) {
            sums[u.group()] += optimizer.effectiveLr(u.param()).sum().item();
            counts[u.group()] += u.param().numel();
        }
        List<Double> effective = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            effective.add(counts[g] == 0 ? Double.NaN : sums[g] / counts[g]);
        }
        history.add(new Step(history.size() + 1, Math.sqrt(gradSquares), ratios, effective));
        gradSquares = 0;
        ratios.clear();
        updates.clear();
    }

    /** Every step recorded so far, oldest first (unmodifiable). */
    public List<Step> history() {
        return Collections.unmodifiableList(history);
    }

    /**
     * The latest step.
     *
     * @throws IllegalStateException before the first step
     */
    public Step last() {
        if (history.isEmpty()) {
            throw new IllegalStateException("StepStatistics: no step recorded yet; add this listener to an optimizer"
                    + " with addListener and call step()");
        }
        return history.get(history.size() - 1);
    }

    /** Forgets the recorded steps; numbering starts again at 1. */
    public void clear() {
        history.clear();
    }

    /** The L2 norm of all elements of {@code t}, any shape, computed in double precision. */
    public static double l2Norm(Tensor t) {
        return Math.sqrt(Arrays.stream(t.toDoubleArray()).map(v -> v * v).sum());
    }
}
