package dev.nabla.data.download;

import java.io.IOException;
import java.util.List;

/**
 * A file could not be fetched from any mirror. The message lists each mirror's failure; the
 * failures themselves are the suppressed exceptions, in mirror order.
 */
public final class DownloadException extends IOException {
    private static final long serialVersionUID = 1L;

    DownloadException(String name, List<IOException> failures) {
        super(message(name, failures));
        failures.forEach(this::addSuppressed);
    }

    private static String message(String name, List<IOException> failures) {
        StringBuilder s = new StringBuilder("download: " + name + " could not be fetched from any of "
                + failures.size() + " mirror" + (failures.size() == 1 ? "" : "s") + ":");
        for (IOException e : failures) {
            s.append("\n  ").append(e.getMessage());
        }
        return s.toString();
    }
}
