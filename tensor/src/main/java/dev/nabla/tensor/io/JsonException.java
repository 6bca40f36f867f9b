package dev.nabla.tensor.io;

/**
 * Malformed JSON text, or a value that {@link Json#write} cannot represent.
 *
 * <p>The message reads {@code json: <detail> at offset <n>} for parse errors and
 * {@code json: <detail>} for write errors; {@link #detail()} and {@link #offset()} give the parts
 * separately so that callers embedding JSON in a larger file can report their own offsets.
 */
public final class JsonException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String detail;
    private final int offset;

    /** A parse error at character {@code offset} (a UTF-16 index into the parsed string). */
    JsonException(String detail, int offset) {
        super("json: " + detail + " at offset " + offset);
        this.detail = detail;
        this.offset = offset;
    }

    /** A write error, which has no offset. */
    JsonException(String detail) {
        super("json: " + detail);
        this.detail = detail;
        this.offset = -1;
    }

    /** What is wrong, without the {@code json:} prefix and the offset. */
    public String detail() {
        return detail;
    }

    /** The character offset into the parsed string where the problem was found, or -1 for write errors. */
    public int offset() {
        return offset;
    }
}
