package dev.nabla.data.download;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

/** Writes small gzipped ustar archives for tests. */
final class Tar {
    private final ByteArrayOutputStream tar = new ByteArrayOutputStream();

    /** Adds an entry of type {@code type} ('0' file, '5' folder, 'L' GNU long name). */
    Tar entry(String name, char type, byte[] data) {
        byte[] header = new byte[512];
        put(header, 0, name);
        put(header, 100, "0000644");
        put(header, 108, "0000000");
        put(header, 116, "0000000");
        put(header, 124, String.format("%011o", data.length));
        put(header, 136, "00000000000");
        header[156] = (byte) type;
        put(header, 257, "ustar");
        put(header, 263, "00");
        java.util.Arrays.fill(header, 148, 156, (byte) ' ');
        int sum = 0;
        for (byte b : header) {
            sum += b & 0xFF;
        }
        put(header, 148, String.format("%06o", sum));
        header[154] = 0;
        tar.writeBytes(header);
        tar.writeBytes(data);
        tar.writeBytes(new byte[(512 - data.length % 512) % 512]);
        return this;
    }

    Tar file(String name, byte[] data) {
        return entry(name, '0', data);
    }

    /** The archive with its two zero end blocks, gzipped. */
    byte[] gzipped() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(tar.toByteArray());
            gz.write(new byte[1024]);
        }
        return out.toByteArray();
    }

    private static void put(byte[] header, int at, String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(b, 0, header, at, b.length);
    }
}
