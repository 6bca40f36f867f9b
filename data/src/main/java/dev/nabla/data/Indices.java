package dev.nabla.data;

/** Index checks with messages in the engine's format. */
final class Indices {
    private Indices() {
    }

    /**
     * Returns {@code index} if it is in {@code [0, size)}.
     *
     * @throws IndexOutOfBoundsException naming the operation, the index and the size
     */
    static int check(String op, int index, int size) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(op + ": index " + index + " is out of range [0, " + size + ")");
        }
        return index;
    }
}
