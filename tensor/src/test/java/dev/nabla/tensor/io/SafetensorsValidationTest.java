package dev.nabla.tensor.io;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One test per way a safetensors file can be malformed; each checks the complete message. */
class SafetensorsValidationTest {
    private static final String SOURCE = "bad.safetensors";
    private static final String F32_2 = "{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":";

    /** A file with {@code header} unpadded, so the data starts at {@code 8 + header bytes}, then zeros. */
    private static byte[] file(String header, int dataBytes) {
        return file(header.getBytes(UTF_8), dataBytes);
    }

    private static byte[] file(byte[] header, int dataBytes) {
        return ByteBuffer.allocate(8 + header.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN)
                .putLong(header.length).put(header).array();
    }

    private static int dataStart(String header) {
        return 8 + header.getBytes(UTF_8).length;
    }

    private static void assertMalformed(byte[] bytes, String problem) {
        assertThatThrownBy(() -> Safetensors.read(bytes, SOURCE))
                .isInstanceOf(SafetensorsFormatException.class)
                .hasMessage(SOURCE + ": " + problem);
    }

    @Test
    void fileShorterThanTheLengthField() {
        assertMalformed(new byte[5], "file is 5 bytes, shorter than the 8-byte header length at offset 0");
    }

    @Test
    void headerLengthBeyondTheFileSize() {
        byte[] bytes = ByteBuffer.allocate(1234).order(ByteOrder.LITTLE_ENDIAN).putLong(9999999).array();
        assertMalformed(bytes, "header length 9999999 at offset 0 exceeds the file size 1234");
        byte[] justOver = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(9).array();
        assertMalformed(justOver, "header length 9 at offset 0 exceeds the file size 16");
    }

    @Test
    void absurdHeaderLength() {
        byte[] bytes = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN).putLong(200_000_000L).array();
        assertMalformed(bytes, "header length 200000000 at offset 0 exceeds the limit of 100000000 bytes;"
                + " the file is corrupt or not safetensors");
    }

    @Test
    void headerLengthWithTheTopBitSetIsReadAsUnsigned() {
        byte[] bytes = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN).putLong(-1L).array();
        assertMalformed(bytes, "header length 18446744073709551615 at offset 0 exceeds the limit of 100000000"
                + " bytes; the file is corrupt or not safetensors");
    }

    @Test
    void headerNotUtf8() {
        byte[] header = {'{', '"', 'a', (byte) 0xFF, '"', ':', '1', '}'};
        assertMalformed(file(header, 0), "header is not valid UTF-8 at offset 11");
    }

    @Test
    void headerNotJsonReportsTheByteOffset() {
        // "é" is two bytes in UTF-8, so the JSON character offset 5 is byte 6 of the header.
        assertMalformed(file("{\"\u00e9\" 1}", 0),
                "header is not valid JSON at offset 14: expected ':' after object key");
        assertMalformed(file("", 0), "header is not valid JSON at offset 8: expected a value (object, array,"
                + " string, number, true, false or null) but found the end of the input");
    }

    @Test
    void headerNotAnObject() {
        assertMalformed(file("[1]", 0), "header at offset 8 must be a JSON object, found array");
    }

    @Test
    void entryNotAnObject() {
        assertMalformed(file("{\"w\":3}", 0),
                "tensor \"w\": must be an object with dtype, shape and data_offsets, found number");
    }

    @ParameterizedTest(name = "missing {0}")
    @ValueSource(strings = {"dtype", "shape", "data_offsets"})
    void entryMissingAField(String field) {
        String entry = "{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}";
        String without = entry.replaceFirst("\"" + field + "\":(\"F32\"|\\[[0-9,]*\\]),?", "").replace(",}", "}");
        assertThat(without).doesNotContain(field);
        assertMalformed(file("{\"w\":" + without + "}", 4), "tensor \"w\": missing \"" + field + "\"");
    }

    @Test
    void dtypeOfTheWrongType() {
        assertMalformed(file("{\"w\":{\"dtype\":4,\"shape\":[1],\"data_offsets\":[0,4]}}", 4),
                "tensor \"w\": \"dtype\" must be a string, found number 4");
        assertMalformed(file("{\"w\":{\"dtype\":null,\"shape\":[1],\"data_offsets\":[0,4]}}", 4),
                "tensor \"w\": \"dtype\" must be a string, found null null");
    }

    @Test
    void shapeOfTheWrongType() {
        assertMalformed(file("{\"w\":{\"dtype\":\"F32\",\"shape\":\"2\",\"data_offsets\":[0,8]}}", 8),
                "tensor \"w\": \"shape\" must be an array of sizes, found string \"2\"");
        assertMalformed(file("{\"w\":{\"dtype\":\"F32\",\"shape\":[1.5],\"data_offsets\":[0,4]}}", 4),
                "tensor \"w\": shape [1.5] must hold integers, found number at axis 0");
    }

    @Test
    void dataOffsetsOfTheWrongType() {
        assertMalformed(file("{\"w\":" + F32_2 + "{}}}", 8),
                "tensor \"w\": \"data_offsets\" must be an array [begin, end], found object {}");
        assertMalformed(file("{\"w\":" + F32_2 + "[8]}}", 8),
                "tensor \"w\": data_offsets must be [begin, end] with integers 0 <= begin <= end, found [8]");
        assertMalformed(file("{\"w\":" + F32_2 + "[0,\"8\"]}}", 8),
                "tensor \"w\": data_offsets must be [begin, end] with integers 0 <= begin <= end, found [0,\"8\"]");
    }

    @Test
    void unknownDtype() {
        assertMalformed(file("{\"w\":{\"dtype\":\"F8_E4M3\",\"shape\":[1],\"data_offsets\":[0,1]}}", 1),
                "tensor \"w\": unknown dtype \"F8_E4M3\"; supported: [F64, F32, F16, BF16, I64, I32, I16, I8, U8, BOOL]");
        assertMalformed(file("{\"w\":{\"dtype\":\"f32\",\"shape\":[1],\"data_offsets\":[0,4]}}", 4),
                "tensor \"w\": unknown dtype \"f32\"; supported: [F64, F32, F16, BF16, I64, I32, I16, I8, U8, BOOL]");
    }

    @Test
    void negativeDimension() {
        assertMalformed(file("{\"w\":{\"dtype\":\"F32\",\"shape\":[2,-1],\"data_offsets\":[0,0]}}", 0),
                "tensor \"w\": shape [2,-1] has size -1 at axis 1; sizes must be in [0, 2^31-1]");
    }

    @Test
    void dimensionBeyondIntRange() {
        assertMalformed(file("{\"w\":{\"dtype\":\"U8\",\"shape\":[4294967296],\"data_offsets\":[0,0]}}", 0),
                "tensor \"w\": shape [4294967296] has size 4294967296 at axis 0; sizes must be in [0, 2^31-1]");
    }

    @Test
    void tooManyElements() {
        assertMalformed(file("{\"w\":{\"dtype\":\"U8\",\"shape\":[65536,65536],\"data_offsets\":[0,0]}}", 0),
                "tensor \"w\": shape: [65536, 65536] has more than 2^31-1 elements; split the tensor");
    }

    @Test
    void dataOffsetsNotOrdered() {
        assertMalformed(file("{\"w\":" + F32_2 + "[8,0]}}", 8),
                "tensor \"w\": data_offsets must be [begin, end] with integers 0 <= begin <= end, found [8,0]");
        assertMalformed(file("{\"w\":" + F32_2 + "[-8,0]}}", 8),
                "tensor \"w\": data_offsets must be [begin, end] with integers 0 <= begin <= end, found [-8,0]");
    }

    @Test
    void endBeyondTheDataSection() {
        String header = "{\"w\":" + F32_2 + "[0,8]}}";
        int start = dataStart(header);
        assertMalformed(file(header, 4), "tensor \"w\": data_offsets [0, 8] end beyond the data section, which has"
                + " 4 bytes at offsets " + start + ".." + (start + 4));
    }

    @Test
    void sizeDoesNotMatchShapeAndDtype() {
        String header = "{\"w\":{\"dtype\":\"F32\",\"shape\":[2,3],\"data_offsets\":[0,20]}}";
        assertMalformed(file(header, 20), "tensor \"w\": data_offsets [0, 20] span 20 bytes at offset "
                + dataStart(header) + " but F32 [2, 3] needs 24 (6 elements x 4 bytes)");
    }

    @Test
    void overlappingTensors() {
        String header = "{\"a\":" + F32_2 + "[0,8]},\"b\":" + F32_2 + "[4,12]}}";
        assertMalformed(file(header, 12), "tensors \"a\" (data_offsets [0, 8]) and \"b\" (data_offsets [4, 12])"
                + " overlap at offset " + (dataStart(header) + 4)
                + "; every byte of the data section must belong to exactly one tensor");
    }

    @Test
    void twoTensorsOnTheSameBytes() {
        String header = "{\"a\":" + F32_2 + "[0,8]},\"b\":" + F32_2 + "[0,8]}}";
        assertMalformed(file(header, 8), "tensors \"a\" (data_offsets [0, 8]) and \"b\" (data_offsets [0, 8])"
                + " overlap at offset " + dataStart(header)
                + "; every byte of the data section must belong to exactly one tensor");
    }

    @Test
    void gapBetweenTensors() {
        String header = "{\"a\":" + F32_2 + "[0,8]},\"b\":" + F32_2 + "[12,20]}}";
        assertMalformed(file(header, 20), "bytes [8, 12) of the data section, at offset " + (dataStart(header) + 8)
                + ", belong to no tensor; the tensors must cover the data section exactly");
    }

    @Test
    void gapBeforeTheFirstTensor() {
        String header = "{\"a\":" + F32_2 + "[4,12]}}";
        assertMalformed(file(header, 12), "bytes [0, 4) of the data section, at offset " + dataStart(header)
                + ", belong to no tensor; the tensors must cover the data section exactly");
    }

    @Test
    void trailingBytesAfterTheLastTensor() {
        String header = "{\"a\":" + F32_2 + "[0,8]}}";
        assertMalformed(file(header, 10), "bytes [8, 10) of the data section, at offset " + (dataStart(header) + 8)
                + ", belong to no tensor; the tensors must cover the data section exactly");
    }

    @Test
    void duplicateTensorNames() {
        String header = "{\"a\":" + F32_2 + "[0,8]},\"a\":" + F32_2 + "[8,16]}}";
        int keyOffset = 8 + header.indexOf("\"a\"", 2);
        assertMalformed(file(header, 16), "header is not valid JSON at offset " + keyOffset + ": duplicate key \"a\"");
    }

    @Test
    void metadataValueNotAString() {
        assertMalformed(file("{\"__metadata__\":{\"format\":\"pt\",\"epoch\":3}}", 0),
                "__metadata__ value for key \"epoch\" must be a string, found number 3");
    }

    @Test
    void metadataNotAnObject() {
        assertMalformed(file("{\"__metadata__\":[\"pt\"]}", 0),
                "__metadata__ must be an object of strings, found array");
    }

    @Test
    void readFromAPathNamesTheFile(@TempDir Path dir) throws IOException {
        Path path = Files.write(dir.resolve("model.safetensors"), new byte[] {1, 2, 3});
        assertThatThrownBy(() -> Safetensors.read(path))
                .isInstanceOf(SafetensorsFormatException.class)
                .hasMessage(path + ": file is 3 bytes, shorter than the 8-byte header length at offset 0");
    }

    @Test
    void acceptsAValidUnpaddedFileBuiltTheSameWay() throws IOException {
        // Guards the helpers above: without a defect, the same construction reads back.
        String header = "{\"a\":" + F32_2 + "[0,8]}}";
        assertThat(Safetensors.read(file(header, 8), SOURCE).tensor("a").toFloatArray()).containsExactly(0f, 0f);
    }
}
