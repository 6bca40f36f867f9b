package dev.nabla.cli;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;

/** The options that name a data set and say how to read it, shared by the commands that read one. */
final class DataOptions {
    private static final Pattern SIZE = Pattern.compile("(\\d{1,5})[xX](\\d{1,5})");

    @Option(names = "--data", defaultValue = "digits", paramLabel = "SOURCE",
            description = "digits (built in), mnist:DIR, fashion:DIR, cifar10:DIR (the standard files), csv:FILE "
                    + "(a header line, one sample per row) or images:DIR (one folder per class); "
                    + "default: ${DEFAULT-VALUE}.")
    String data;

    @Option(names = "--download", description = "Fetch the mnist, fashion or cifar10 files into DIR first (verified; "
            + "nothing is fetched if they are there).")
    boolean download;

    @Option(names = "--size", paramLabel = "HxW", description = "Resize images:DIR pictures to this size.")
    String size;

    @Option(names = "--label-column", paramLabel = "NAME|INDEX",
            description = "csv:FILE: the label column, by header name or index (default: the last).")
    String labelColumn;

    /** The data source named by {@code --data}. */
    DataSource source() {
        return DataSource.parse(data);
    }

    /**
     * How to read it; pictures are resized to {@code --size}, else to {@code side x side}.
     *
     * @throws IllegalArgumentException if {@code --size} is not {@code HxW} with positive sizes
     */
    DataSource.Reading reading(int side) {
        if (size == null) {
            return new DataSource.Reading(side, side, labelColumn, download);
        }
        Matcher m = SIZE.matcher(size.trim());
        if (!m.matches() || Integer.parseInt(m.group(1)) < 1 || Integer.parseInt(m.group(2)) < 1) {
            throw new IllegalArgumentException("--size: expected HxW such as 96x96, got '" + size + "'");
        }
        return new DataSource.Reading(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), labelColumn,
                download);
    }
}
