package dev.nabla.train.callbacks;

import dev.nabla.autodiff.Tensor;
import dev.nabla.train.Callback;
import dev.nabla.train.FitContext;
import dev.nabla.train.StateTensors;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Stops a fit when a monitored value has not improved for {@code patience} epochs, as Keras's
 * {@code EarlyStopping}: an epoch improves on the best so far when its value is lower by more than
 * {@code minDelta} (mode MIN; higher by more than {@code minDelta} for MAX). With
 * {@code restoreBestWeights}, the model ends the fit with the parameters and buffers it had after
 * its best epoch.
 *
 * <pre>{@code
 * trainer.fit(train, validation, 100, new EarlyStopping("val_loss", 5));
 * }</pre>
 */
public final class EarlyStopping implements Callback {
    private static final String OP = "EarlyStopping";
    private static final String WEIGHTS = "best_weights.";
    private final Monitor monitor;
    private final int patience;
    private final boolean restoreBestWeights;
    private double best;
    private int bestEpoch;
    private int wait;
    private int stoppedEpoch;
    private Map<String, Tensor> bestWeights;

    /** Mode AUTO, no minimum delta, restoring the best weights. */
    public EarlyStopping(String monitor, int patience) {
        this(monitor, Mode.AUTO, patience, 0, true);
    }

    /**
     * @param monitor            a name the fit records, e.g. {@code "val_loss"} or {@code "val_accuracy"}
     * @param mode               whether the value should fall or rise
     * @param patience           epochs without improvement tolerated; 0 stops at the first
     * @param minDelta           the least change that counts as an improvement, {@code >= 0}
     * @param restoreBestWeights whether the model ends with its weights of the best epoch
     * @throws IllegalArgumentException if {@code patience < 0} or {@code minDelta} is negative
     */
    public EarlyStopping(String monitor, Mode mode, int patience, double minDelta, boolean restoreBestWeights) {
        this.monitor = new Monitor(OP, monitor, mode, minDelta);
        if (patience < 0) {
            throw new IllegalArgumentException(OP + ": patience must be >= 0, got " + patience);
        }
        this.patience = patience;
        this.restoreBestWeights = restoreBestWeights;
    }

    /**
     * @throws IllegalArgumentException if the fit does not record the monitored name
     */
    @Override
    public void onFitStart(FitContext context) {
        monitor.start(context);
        best = monitor.worst();
        bestEpoch = -1;
        wait = 0;
        stoppedEpoch = -1;
        bestWeights = null;
    }

    @Override
    public void onEpochEnd(FitContext context, Map<String, Double> logs) {
        double current = monitor.valueIn(logs);
        if (monitor.improves(current, best)) {
            best = current;
            bestEpoch = context.epoch();
            wait = 0;
            if (restoreBestWeights) {
                bestWeights = new LinkedHashMap<>();
                context.model().stateDict().forEach((k, v) -> bestWeights.put(k, v.copy()));
            }
            return;
        }
        wait++;
        if (wait >= patience) {
            stoppedEpoch = context.epoch();
            context.requestStop();
        }
    }

    /** Puts back the best epoch's weights, if asked to and the last epoch was not the best. */
    @Override
    public void onFitEnd(FitContext context) {
        if (bestWeights != null && bestEpoch != context.epoch()) {
            context.model().loadStateDict(bestWeights, true);
        }
    }

    /** The best value so far (infinite before the first epoch). */
    public double best() {
        return best;
    }

    /** The epoch of the best value (from 0), or -1. */
    public int bestEpoch() {
        return bestEpoch;
    }

    /** The epoch after which it stopped the fit, or -1 if it did not. */
    public int stoppedEpoch() {
        return stoppedEpoch;
    }

    /** {@code best}, {@code best_epoch}, {@code wait} and the best weights under {@code best_weights.}. */
    @Override
    public Map<String, Tensor> stateDict() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        out.put("best", StateTensors.scalar(best));
        out.put("best_epoch", StateTensors.scalar(bestEpoch));
        out.put("wait", StateTensors.scalar(wait));
        if (bestWeights != null) {
            bestWeights.forEach((k, v) -> out.put(WEIGHTS + k, v));
        }
        return out;
    }

    @Override
    public void loadStateDict(Map<String, Tensor> state) {
        String op = OP + ".loadStateDict";
        double loadedBest = StateTensors.scalar(op, state, "best");
        int loadedBestEpoch = (int) StateTensors.scalar(op, state, "best_epoch");
        int loadedWait = (int) StateTensors.scalar(op, state, "wait");
        Map<String, Tensor> weights = new LinkedHashMap<>();
        state.forEach((k, v) -> {
            if (k.startsWith(WEIGHTS)) {
                weights.put(k.substring(WEIGHTS.length()), v);
            }
        });
        best = loadedBest;
        bestEpoch = loadedBestEpoch;
        wait = loadedWait;
        bestWeights = weights.isEmpty() ? null : weights;
    }

    /** For example {@code EarlyStopping(val_loss, patience=5)}. */
    @Override
    public String toString() {
        return OP + "(" + monitor.name() + ", patience=" + patience + ")";
    }
}
