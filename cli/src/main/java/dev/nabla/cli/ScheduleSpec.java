package dev.nabla.cli;

import dev.nabla.optim.Optimizer;
import dev.nabla.optim.schedule.CosineAnnealingLR;
import dev.nabla.optim.schedule.ExponentialLR;
import dev.nabla.optim.schedule.MultiStepLR;
import dev.nabla.optim.schedule.OneCycleLR;
import dev.nabla.optim.schedule.ReduceLROnPlateau;
import dev.nabla.optim.schedule.StepLR;
import dev.nabla.train.callbacks.LearningRateScheduler;
import dev.nabla.train.callbacks.LearningRateScheduler.Interval;
import java.util.Arrays;

/**
 * A learning-rate schedule as {@code --schedule} names it: {@code NAME} or
 * {@code NAME:ARG,ARG,...}.
 *
 * <table>
 *   <caption>the forms</caption>
 *   <tr><td>{@code none}</td><td>a constant rate</td></tr>
 *   <tr><td>{@code step:STEP[,GAMMA]}</td><td>{@link StepLR}: times GAMMA (default 0.1) every STEP epochs</td></tr>
 *   <tr><td>{@code multistep:GAMMA,E1,E2,...}</td><td>{@link MultiStepLR}: times GAMMA at epochs E1, E2, ...</td></tr>
 *   <tr><td>{@code exponential:GAMMA}</td><td>{@link ExponentialLR}: times GAMMA every epoch</td></tr>
 *   <tr><td>{@code cosine[:MIN]}</td><td>{@link CosineAnnealingLR} over the run's epochs down to MIN (default 0)</td></tr>
 *   <tr><td>{@code onecycle:MAX}</td><td>{@link OneCycleLR} up to MAX and down again, stepped every batch</td></tr>
 *   <tr><td>{@code plateau[:FACTOR[,PATIENCE]]}</td><td>{@link ReduceLROnPlateau} on the validation loss
 *   (the training loss without validation): times FACTOR (default 0.1) after PATIENCE (default 10) epochs
 *   without improvement</td></tr>
 * </table>
 *
 * @param name the schedule's name
 * @param args its numbers, possibly none
 */
record ScheduleSpec(String name, double[] args) {
    /** The accepted forms, for messages. */
    static final String FORMS = "none, step:STEP[,GAMMA], multistep:GAMMA,E1,E2,..., exponential:GAMMA, cosine[:MIN], "
            + "onecycle:MAX or plateau[:FACTOR[,PATIENCE]]";

    /**
     * Parses {@code spec}.
     *
     * @throws IllegalArgumentException naming the spec and the forms if it is none of them
     */
    static ScheduleSpec parse(String spec) {
        int colon = spec.indexOf(':');
        String name = colon < 0 ? spec : spec.substring(0, colon);
        double[] args;
        try {
            args = colon < 0 ? new double[0]
                    : Arrays.stream(spec.substring(colon + 1).split(",", -1)).mapToDouble(Double::parseDouble).toArray();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--schedule: '" + spec + "' has an argument that is not a number; "
                    + "expected " + FORMS);
        }
        ScheduleSpec parsed = new ScheduleSpec(name, args);
        int[] arity = switch (name) {
            case "none" -> new int[] {0, 0};
            case "step" -> new int[] {1, 2};
            case "multistep" -> new int[] {2, Integer.MAX_VALUE};
            case "exponential", "onecycle" -> new int[] {1, 1};
            case "cosine" -> new int[] {0, 1};
            case "plateau" -> new int[] {0, 2};
            default -> throw new IllegalArgumentException("--schedule: unknown schedule '" + name + "'; expected "
                    + FORMS);
        };
        if (args.length < arity[0] || args.length > arity[1]) {
            throw new IllegalArgumentException("--schedule: '" + spec + "' has " + args.length + " argument"
                    + (args.length == 1 ? "" : "s") + "; expected " + FORMS);
        }
        return parsed;
    }

    /**
     * The callback stepping this schedule for a run of {@code epochs} epochs of
     * {@code batchesPerEpoch} batches; null for {@code none}.
     *
     * @param monitor the value {@code plateau} watches
     * @throws IllegalArgumentException if a number is out of the schedule's range
     */
    LearningRateScheduler create(Optimizer<?> optimizer, int epochs, int batchesPerEpoch, String monitor) {
        return switch (name) {
            case "none" -> null;
            case "step" -> LearningRateScheduler.of(new StepLR(optimizer, count(0), args.length > 1 ? args[1] : 0.1),
                    Interval.EPOCH);
            case "multistep" -> LearningRateScheduler.of(new MultiStepLR(optimizer, milestones(), args[0]),
                    Interval.EPOCH);
            case "exponential" -> LearningRateScheduler.of(new ExponentialLR(optimizer, args[0]), Interval.EPOCH);
            case "cosine" -> LearningRateScheduler.of(new CosineAnnealingLR(optimizer, epochs,
                    args.length > 0 ? args[0] : 0), Interval.EPOCH);
            case "onecycle" -> LearningRateScheduler.of(new OneCycleLR(optimizer, args[0], epochs * batchesPerEpoch),
                    Interval.BATCH);
            default -> LearningRateScheduler.onPlateau(new ReduceLROnPlateau(optimizer,
                    ReduceLROnPlateau.Options.defaults().withFactor(args.length > 0 ? args[0] : 0.1)
                            .withPatience(args.length > 1 ? count(1) : 10)), monitor);
        };
    }

    private int count(int i) {
        if (args[i] != Math.rint(args[i]) || args[i] < 0 || args[i] > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("--schedule " + name + ": " + args[i] + " must be a whole number >= 0");
        }
        return (int) args[i];
    }

    private int[] milestones() {
        int[] epochs = new int[args.length - 1];
        for (int i = 1; i < args.length; i++) {
            epochs[i - 1] = count(i);
        }
        return epochs;
    }

    @Override
    public String toString() {
        return args.length == 0 ? name : name + ":" + String.join(",", Arrays.stream(args)
                .mapToObj(a -> a == Math.rint(a) ? Long.toString((long) a) : Double.toString(a)).toList());
    }
}
