package dev.nabla.optim.schedule;

import dev.nabla.optim.Optimizer;
import dev.nabla.optim.ParamGroup;
import java.util.List;

/** Argument checks shared by the schedulers, with messages of the form {@code "StepLR: stepSize 0 must be >= 1"}. */
final class Checks {
    private Checks() {
    }

    static int atLeast(String op, String what, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(op + ": " + what + " " + value + " must be >= " + min);
        }
        return value;
    }

    static double positive(String op, String what, double value) {
        if (!(value > 0 && value < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(op + ": " + what + " " + value + " must be a finite number > 0");
        }
        return value;
    }

    static double nonNegative(String op, String what, double value) {
        if (!(value >= 0 && value < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(op + ": " + what + " " + value + " must be a finite number >= 0");
        }
        return value;
    }

    /** A multiplicative factor in {@code (0, 1]}. */
    static double factor(String op, String what, double value) {
        if (!(value > 0 && value <= 1)) {
            throw new IllegalArgumentException(op + ": " + what + " " + value + " must lie in (0, 1]");
        }
        return value;
    }

    /**
     * The optimizer's param groups, which must still be the {@code expected} number the scheduler
     * was made for.
     *
     * @throws IllegalStateException if a group was added since
     */
    static List<? extends ParamGroup<?>> groups(String op, Optimizer<?> optimizer, int expected) {
        List<? extends ParamGroup<?>> groups = optimizer.paramGroups();
        if (groups.size() != expected) {
            throw new IllegalStateException(op + ": the optimizer has " + groups.size() + " param groups but this"
                    + " scheduler was made for " + expected + "; make the scheduler after adding every param group");
        }
        return groups;
    }

    /**
     * The one optimizer of {@code schedulers}.
     *
     * @throws IllegalArgumentException if there are no schedulers or they belong to different optimizers
     */
    static Optimizer<?> sameOptimizer(String op, List<? extends LRScheduler> schedulers) {
        if (schedulers == null || schedulers.isEmpty()) {
            throw new IllegalArgumentException(op + ": no schedulers; pass at least one");
        }
        Optimizer<?> optimizer = schedulers.get(0).optimizer();
        for (int i = 1; i < schedulers.size(); i++) {
            if (schedulers.get(i).optimizer() != optimizer) {
                throw new IllegalArgumentException(op + ": scheduler " + i + " (" + schedulers.get(i).name()
                        + ") belongs to another optimizer than scheduler 0 (" + schedulers.get(0).name()
                        + "); all must set the learning rates of one optimizer");
            }
        }
        return optimizer;
    }

    /** The current learning rate of each group. */
    static double[] lrs(Optimizer<?> optimizer) {
        return optimizer.paramGroups().stream().mapToDouble(ParamGroup::lr).toArray();
    }
}
