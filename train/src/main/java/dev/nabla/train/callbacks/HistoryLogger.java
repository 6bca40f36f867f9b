package dev.nabla.train.callbacks;

import dev.nabla.train.AtomicFiles;
import dev.nabla.train.Callback;
import dev.nabla.train.FitContext;
import dev.nabla.train.History;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Writes the whole {@link History} to a file after every epoch, atomically, as CSV
 * ({@link History#toCsv()}) or JSON ({@link History#toJson()}); a resumed fit rewrites it with
 * the epochs before the checkpoint included.
 */
public final class HistoryLogger implements Callback {
    /** The file format. */
    public enum Format {
        /** {@code epoch,loss,...} and one line per epoch. */
        CSV,
        /** One object of arrays, one per name. */
        JSON
    }

    private final Path path;
    private final Format format;

    /**
     * @param path   the file to write; parent directories are created
     * @param format CSV or JSON
     */
    public HistoryLogger(Path path, Format format) {
        this.path = Objects.requireNonNull(path, "path");
        this.format = Objects.requireNonNull(format, "format");
    }

    /** A CSV logger writing {@code path}. */
    public static HistoryLogger csv(Path path) {
        return new HistoryLogger(path, Format.CSV);
    }

    /** A JSON logger writing {@code path}. */
    public static HistoryLogger json(Path path) {
        return new HistoryLogger(path, Format.JSON);
    }

    /**
     * @throws UncheckedIOException if the file cannot be written
     */
    @Override
    public void onEpochEnd(FitContext context, Map<String, Double> logs) {
        History history = context.history();
        try {
            AtomicFiles.writeString(path, format == Format.CSV ? history.toCsv() : history.toJson());
        } catch (IOException e) {
            throw new UncheckedIOException("HistoryLogger: cannot write " + path + ": " + e.getMessage(), e);
        }
    }

    /** For example {@code HistoryLogger(CSV, out/history.csv)}. */
    @Override
    public String toString() {
        return "HistoryLogger(" + format + ", " + path + ")";
    }
}
