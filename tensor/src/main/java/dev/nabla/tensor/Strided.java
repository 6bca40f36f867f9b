package dev.nabla.tensor;

/**
 * A buffer seen through a view: the operand type of every {@link Backend} primitive.
 *
 * @param buffer the memory, owned by the backend that receives this operand
 * @param view   which elements of the buffer, in what shape and order
 */
public record Strided(Buffer buffer, View view) {
    public Shape shape() {
        return view.shape();
    }

    public DType dtype() {
        return buffer.dtype();
    }

    /** The same buffer through another view. */
    public Strided with(View other) {
        return new Strided(buffer, other);
    }
}
