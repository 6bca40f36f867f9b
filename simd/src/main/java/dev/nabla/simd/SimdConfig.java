package dev.nabla.simd;

import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The vector species every kernel of this module uses, chosen once when the class loads.
 *
 * <p>By default the platform's preferred width (512 bits with AVX-512, 256 with AVX2, 128 with
 * NEON). The system property {@code nabla.simd.bits} ({@code 128}, {@code 256} or {@code 512})
 * forces a narrower width, which is how tests cover every width on one machine; a width above the
 * preferred one is lowered to the preferred one, since wider vectors would be emulated in
 * software. The species are {@code static final} so that C2 folds them into the compiled kernels:
 * a species that is not a compile-time constant turns every vector operation into a slow call.
 */
public final class SimdConfig {

    /** The name of the system property that forces a vector width in bits. */
    public static final String BITS_PROPERTY = "nabla.simd.bits";

    /** The width in bits of every vector this module uses. */
    public static final int BITS = chooseBits(System.getProperty(BITS_PROPERTY),
            VectorShape.preferredShape().vectorBitSize());

    /** The float species of width {@link #BITS}. */
    public static final VectorSpecies<Float> FLOAT =
            VectorSpecies.of(float.class, VectorShape.forBitSize(BITS));

    /** The double species of width {@link #BITS}. */
    public static final VectorSpecies<Double> DOUBLE =
            VectorSpecies.of(double.class, VectorShape.forBitSize(BITS));

    private SimdConfig() {
    }

    /**
     * The width to use for a requested width (the property's value, or null when unset) on a
     * platform whose preferred width is {@code preferred} bits.
     *
     * @throws IllegalArgumentException if {@code requested} is not 128, 256 or 512
     */
    static int chooseBits(String requested, int preferred) {
        if (requested == null || requested.isBlank()) {
            return preferred;
        }
        int bits;
        try {
            bits = Integer.parseInt(requested.trim());
        } catch (NumberFormatException e) {
            bits = -1;
        }
        if (bits != 128 && bits != 256 && bits != 512) {
            throw new IllegalArgumentException("-D" + BITS_PROPERTY + "=" + requested
                    + ": the vector width must be 128, 256 or 512 bits");
        }
        return Math.min(bits, preferred);
    }
}
