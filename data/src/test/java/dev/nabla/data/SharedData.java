package dev.nabla.data;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real data sets under {@code ../shared/data} (or {@code -Dnabla.shared.data=DIR}), which tests
 * use when present and skip, through a JUnit assumption, when absent.
 */
final class SharedData {
    private SharedData() {
    }

    /** The shared data folder. */
    static Path root() {
        String configured = System.getProperty("nabla.shared.data");
        if (configured != null) {
            return Path.of(configured);
        }
        // Tests run in the module folder; the shared folder sits next to the checkout.
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/data");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return Path.of("/work/shared/data");
    }

    /** {@code root()/relative}, or the test is skipped if it does not exist. */
    static Path require(String relative) {
        Path p = root().resolve(relative);
        assumeTrue(Files.exists(p), () -> "shared data " + p + " is absent; test skipped");
        return p;
    }
}
