package dev.nabla.data.download;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * A published digest of a file: its algorithm ({@code MD5} or {@code SHA-256}) and value.
 *
 * @param algorithm a {@link MessageDigest} name
 * @param hex       the expected digest, lower-case hexadecimal
 */
public record Checksum(String algorithm, String hex) {
    /**
     * @throws IllegalArgumentException if the algorithm is unknown or {@code hex} is not a digest of its length
     */
    public Checksum {
        Objects.requireNonNull(algorithm, "algorithm");
        hex = hex.toLowerCase(Locale.ROOT);
        int bytes = digest(algorithm).getDigestLength();
        if (!hex.matches("[0-9a-f]{" + 2 * bytes + "}")) {
            throw new IllegalArgumentException("checksum: " + algorithm + " needs " + 2 * bytes
                    + " hexadecimal digits, got '" + hex + "'");
        }
    }

    /** An MD5 digest, as torchvision and the Fashion-MNIST authors publish them. */
    public static Checksum md5(String hex) {
        return new Checksum("MD5", hex);
    }

    /** A SHA-256 digest. */
    public static Checksum sha256(String hex) {
        return new Checksum("SHA-256", hex);
    }

    /** The digest of {@code file} with this checksum's algorithm, lower-case hexadecimal. */
    public String compute(Path file) throws IOException {
        MessageDigest md = digest(algorithm);
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                md.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** True if {@code file} has this digest. */
    public boolean matches(Path file) throws IOException {
        return hex.equals(compute(file));
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalArgumentException("checksum: unknown algorithm '" + algorithm + "' (use MD5 or SHA-256)", e);
        }
    }

    @Override
    public String toString() {
        return algorithm + " " + hex;
    }
}
