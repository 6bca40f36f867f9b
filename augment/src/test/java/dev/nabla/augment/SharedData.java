package dev.nabla.augment;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** The real data sets next to the repository ({@code ../shared/data}, or {@code -Dnabla.shared.data=DIR}), used by tests when present. */
final class SharedData {
    private static final Path ROOT = Path.of(System.getProperty("nabla.shared.data", "../../shared/data"));

    private SharedData() {
    }

    /** {@code ROOT/relative}, or the test is skipped when it does not exist. */
    static Path require(String relative) {
        Path p = ROOT.resolve(relative);
        Assumptions.assumeTrue(Files.exists(p), p + " not present");
        return p;
    }
}
