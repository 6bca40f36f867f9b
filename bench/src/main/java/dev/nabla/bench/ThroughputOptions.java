package dev.nabla.bench;

import dev.nabla.bench.harness.Stopwatch;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of {@link TrainingThroughput}:
 * {@code [CASE...] [--warmup SECONDS] [--warmup-calls N] [--reps N] [--min-rep SECONDS] [--json FILE] [--list]}.
 *
 * @param cases                the cases to run, in order; all of them when none is named
 * @param warmupSeconds        how long each case runs before it is timed
 * @param warmupCalls          the least number of calls (steps, or epochs of a {@code fit} case) before
 *                             timing: a long step's first calls run interpreted Vector API code
 * @param repetitions          timed repetitions per case
 * @param minRepetitionSeconds the least duration of one repetition (the steps per repetition are
 *                             doubled until one lasts this long)
 * @param json                 where to write the results as a JSON array, or null
 * @param list                 print the case names instead of running them
 */
public record ThroughputOptions(List<ThroughputCase> cases, double warmupSeconds, int warmupCalls, int repetitions,
        double minRepetitionSeconds, Path json, boolean list) {

    /** How to call it, for error messages. */
    public static final String USAGE = "usage: TrainingThroughput [CASE...] [--warmup SECONDS (5)]"
            + " [--warmup-calls N (10)] [--reps N (7)]"
            + " [--min-rep SECONDS (1)] [--json FILE] [--list]";

    /**
     * @throws IllegalArgumentException if a duration is negative or not finite, or a count is below 1
     */
    public ThroughputOptions {
        cases = List.copyOf(cases);
        if (!(warmupSeconds >= 0) || Double.isInfinite(warmupSeconds)) {
            throw new IllegalArgumentException("throughput: --warmup must be a finite number of seconds >= 0, got "
                    + warmupSeconds);
        }
        if (!(minRepetitionSeconds >= 0) || Double.isInfinite(minRepetitionSeconds)) {
            throw new IllegalArgumentException("throughput: --min-rep must be a finite number of seconds >= 0, got "
                    + minRepetitionSeconds);
        }
        if (warmupCalls < 1) {
            throw new IllegalArgumentException("throughput: --warmup-calls must be at least 1, got " + warmupCalls);
        }
        if (repetitions < 1) {
            throw new IllegalArgumentException("throughput: --reps must be at least 1, got " + repetitions);
        }
    }

    /**
     * Parses the arguments; unnamed cases mean all of {@link ThroughputCase#all()}.
     *
     * @throws IllegalArgumentException for an unknown option or case, a missing or malformed value
     */
    public static ThroughputOptions parse(String... args) {
        List<ThroughputCase> cases = new ArrayList<>();
        double warmup = 5;
        int warmupCalls = 10;
        int reps = 7;
        double minRep = 1;
        Path json = null;
        boolean list = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--warmup" -> warmup = number(arg, value(args, ++i, arg));
                case "--warmup-calls" -> warmupCalls = whole(arg, value(args, ++i, arg));
                case "--reps" -> reps = whole(arg, value(args, ++i, arg));
                case "--min-rep" -> minRep = number(arg, value(args, ++i, arg));
                case "--json" -> json = Path.of(value(args, ++i, arg));
                case "--list" -> list = true;
                default -> {
                    if (arg.startsWith("-")) {
                        throw new IllegalArgumentException("throughput: unknown option '" + arg + "'; " + USAGE);
                    }
                    cases.add(ThroughputCase.byName(arg));
                }
            }
        }
        return new ThroughputOptions(cases.isEmpty() ? ThroughputCase.all() : cases, warmup, warmupCalls, reps,
                minRep, json, list);
    }

    /** The stopwatch these options describe. */
    public Stopwatch stopwatch() {
        return new Stopwatch(Math.round(warmupSeconds * 1e9), warmupCalls, repetitions,
                Math.round(minRepetitionSeconds * 1e9));
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException("throughput: " + option + " needs a value; " + USAGE);
        }
        return args[i];
    }

    private static double number(String option, String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("throughput: " + option + " expects a number of seconds, got '"
                    + text + "'", e);
        }
    }

    private static int whole(String option, String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("throughput: " + option + " expects a whole number, got '" + text
                    + "'", e);
        }
    }
}
