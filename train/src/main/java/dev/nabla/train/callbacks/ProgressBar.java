package dev.nabla.train.callbacks;

import dev.nabla.train.BatchEnd;
import dev.nabla.train.Callback;
import dev.nabla.train.FitContext;
import dev.nabla.train.Formats;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Shows a fit's progress. On a terminal, a bar redrawn in place at most ten times a second:
 * <pre>
 * epoch 2/10 [=========&gt;          ] 235/469  18412 samples/s  ETA 0:07  loss 0.2345
 * </pre>
 * and, on every output, one line per epoch with its duration, throughput and values:
 * <pre>
 * epoch 2/10  469/469  3.3 s  18203 samples/s  loss 0.2231  accuracy 0.9354  val_loss 0.2011  val_accuracy 0.9401
 * </pre>
 * When the output is not a terminal (a log file, a pipe) only the epoch lines are written.
 */
public final class ProgressBar implements Callback {
    private static final int WIDTH = 30;
    private static final long REFRESH_NANOS = 100_000_000L;
    private final PrintWriter out;
    private final boolean terminal;
    private final LongSupplier clock;
    private long epochStart;
    private int firstBatch;
    private long samples;
    private long lastDraw;
    private boolean drawn;

    /** On standard output, with the bar when it is a terminal ({@code System.console() != null}). */
    public ProgressBar() {
        this(System.out, System.console() != null, System::nanoTime);
    }

    /**
     * @param out      where to write
     * @param terminal whether {@code out} is a terminal, which can redraw a line with {@code '\r'}
     * @param clock    nanoseconds, such as {@code System::nanoTime}
     */
    public ProgressBar(PrintStream out, boolean terminal, LongSupplier clock) {
        this(new PrintWriter(Objects.requireNonNull(out, "out")), terminal, clock);
    }

    /**
     * @param out      where to write (flushed after every line or redraw)
     * @param terminal whether {@code out} is a terminal, which can redraw a line with {@code '\r'}
     * @param clock    nanoseconds, such as {@code System::nanoTime}
     */
    public ProgressBar(PrintWriter out, boolean terminal, LongSupplier clock) {
        this.out = Objects.requireNonNull(out, "out");
        this.terminal = terminal;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void onEpochStart(FitContext context) {
        epochStart = clock.getAsLong();
        firstBatch = context.batch();
        samples = 0;
        lastDraw = Long.MIN_VALUE;
        drawn = false;
    }

    @Override
    public void onBatchEnd(FitContext context, BatchEnd batch) {
        samples += batch.size();
        long now = clock.getAsLong();
        boolean last = context.batch() == context.batchesPerEpoch();
        if (!terminal || !last && lastDraw != Long.MIN_VALUE && now - lastDraw < REFRESH_NANOS) {
            return;
        }
        lastDraw = now;
        drawn = true;
        double seconds = seconds(now);
        int done = context.batch() - firstBatch;
        double eta = done == 0 ? 0 : seconds / done * (context.batchesPerEpoch() - context.batch());
        out.print("\r" + epochLabel(context) + " " + bar(context.batch(), context.batchesPerEpoch()) + " "
                + context.batch() + "/" + context.batchesPerEpoch() + "  " + rate(seconds) + "  ETA "
                + clockTime(eta) + "  loss " + Formats.metric(batch.runningLoss()) + "\u001b[K");
        out.flush();
    }

    @Override
    public void onEpochEnd(FitContext context, Map<String, Double> logs) {
        double seconds = seconds(clock.getAsLong());
        StringBuilder line = new StringBuilder(drawn ? "\r" : "").append(epochLabel(context)).append("  ")
                .append(context.batch()).append('/').append(context.batchesPerEpoch())
                .append(String.format(Locale.ROOT, "  %.1f s  ", seconds)).append(rate(seconds));
        logs.forEach((k, v) -> line.append("  ").append(k).append(' ').append(Formats.metric(v)));
        out.println(line.append(drawn ? "\u001b[K" : ""));
        out.flush();
    }

    private double seconds(long now) {
        return (now - epochStart) / 1e9;
    }

    private static String epochLabel(FitContext context) {
        return "epoch " + (context.epoch() + 1) + "/" + context.epochs();
    }

    private String rate(double seconds) {
        return seconds > 0 ? String.format(Locale.ROOT, "%.0f samples/s", samples / seconds) : "- samples/s";
    }

    /** {@code [=====>    ]} for {@code done} of {@code total}. */
    static String bar(int done, int total) {
        int filled = total == 0 ? WIDTH : (int) ((long) done * WIDTH / total);
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < WIDTH; i++) {
            sb.append(i < filled ? '=' : i == filled ? '>' : ' ');
        }
        return sb.append(']').toString();
    }

    /** {@code m:ss}, or {@code h:mm:ss} from an hour on. */
    static String clockTime(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
