package dev.nabla.nn;

/**
 * A shape, dtype or device error raised inside a module's {@code forward}, with the path of the
 * module where it happened, e.g. {@code forward of features.1 (Linear): matmul: a[8, 18] @ ...}.
 */
public final class ModuleException extends IllegalArgumentException {
    private final String path;
    private final String detail;

    ModuleException(String path, String detail, IllegalArgumentException cause) {
        super("forward of " + path + ": " + detail, cause);
        this.path = path;
        this.detail = detail;
    }

    /** The dotted path of the failing module below the module that was called, with its type. */
    public String path() {
        return path;
    }

    /** This exception with {@code parent} put in front of the path. */
    ModuleException under(String parent) {
        return new ModuleException(parent + "." + path, detail, (IllegalArgumentException) getCause());
    }
}
