package dev.nabla.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nabla.tensor.Device;
import dev.nabla.tensor.Shape;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvDatasetTest {
    @TempDir
    Path dir;

    private Path csv(String text) throws IOException {
        return Files.writeString(dir.resolve("t.csv"), text);
    }

    private static CsvDataset reader() {
        return CsvDataset.reader().device(Device.REFERENCE);
    }

    @Test
    void labelColumnByNameWithClassNames() throws IOException {
        Path f = csv("sepal,species,petal\n5.1,setosa,1.4\n\n7.0,versicolor,4.7\n6.3,\"virginica\",6.0\n");
        ArrayDataset d = reader().labelColumn("species").read(f);
        assertThat(d.size()).isEqualTo(3);
        assertThat(d.sampleShape()).isEqualTo(Shape.of(2));
        assertThat(d.classNames()).containsExactly("setosa", "versicolor", "virginica");
        assertThat(d.get(1).features().toFloatArray()).containsExactly(7.0f, 4.7f);
        assertThat(d.get(2).label()).isEqualTo(2);
    }

    @Test
    void numericLabelsByIndexAndNoHeader() throws IOException {
        Path f = csv("1,2.5,3\n-4,5e-1,6\n");
        ArrayDataset d = reader().header(false).labelColumn(0).read(f);
        assertThat(d.get(1).features().toFloatArray()).containsExactly(0.5f, 6f);
        assertThat(d.get(1).label()).isEqualTo(-4);
        assertThat(d.classNames()).isEmpty();
        ArrayDataset last = reader().header(false).classNames(java.util.List.of("a", "b", "c", "d", "e", "f", "g"))
                .read(f);
        assertThat(last.get(0).label()).isEqualTo(3);
        assertThat(last.classNames()).hasSize(7);
        ArrayDataset shaped = reader().header(false).labelColumn(-3).sampleShape(Shape.of(1, 2)).read(f);
        assertThat(shaped.get(0).features().shape()).isEqualTo(Shape.of(1, 2));
    }

    @Test
    void quotedFieldsAndOtherDelimiters() throws IOException {
        Path f = csv("\"a;b\";y\n\" 1.5 \";\"he said \"\"x\"\"\"\n");
        ArrayDataset d = reader().delimiter(';').read(f);
        assertThat(d.get(0).features().toFloatArray()).containsExactly(1.5f);
        assertThat(d.classNames()).containsExactly("he said \"x\"");
    }

    @Test
    void aNonNumericCellNamesTheLineAndColumn() throws IOException {
        Path f = csv("a,b,label\n1,2,0\n3,abc,1\n");
        assertThatThrownBy(() -> reader().read(f)).isInstanceOf(DatasetFormatException.class)
                .hasMessage(f + ": line 3, column 2 (\"b\"): 'abc' is not a finite number");
        Path nan = csv("1,NaN,0\n");
        assertThatThrownBy(() -> reader().header(false).read(nan))
                .hasMessage(nan + ": line 1, column 2: 'NaN' is not a finite number");
        Path empty = csv("x,y\n,1\n");
        assertThatThrownBy(() -> reader().read(empty))
                .hasMessage(empty + ": line 2, column 1 (\"x\"): '' is not a finite number");
    }

    @Test
    void badShapesAreRejected() throws IOException {
        Path ragged = csv("a,b,c\n1,2,3\n4,5\n");
        assertThatThrownBy(() -> reader().read(ragged)).isInstanceOf(DatasetFormatException.class)
                .hasMessage(ragged + ": line 3 has 2 columns, expected 3 (as in the header)");
        Path f = csv("a,b\n1,2\n");
        assertThatThrownBy(() -> reader().labelColumn("z").read(f))
                .hasMessage(f + ": no column named \"z\"; the header has [a, b]");
        assertThatThrownBy(() -> reader().labelColumn(5).read(f))
                .hasMessage(f + ": label column 5 does not exist; the rows have 2 columns");
        assertThatThrownBy(() -> reader().sampleShape(Shape.of(2)).read(f))
                .hasMessage(f + ": sampleShape [2] holds 2 values but the rows have 1 feature columns");
        Path headerOnly = csv("a,b\n");
        assertThatThrownBy(() -> reader().read(headerOnly)).hasMessage(headerOnly + ": no data rows after the header");
        Path open = csv("a,b\n\"1,2\n");
        assertThatThrownBy(() -> reader().read(open)).hasMessage(open + ": line 2 has a quote that is never closed");
    }

    @Test
    void readsGzippedText() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write("x,y\n1,0\n2,1\n".getBytes(StandardCharsets.UTF_8));
        }
        Path f = Files.write(dir.resolve("t.csv.gz"), bytes.toByteArray());
        assertThat(reader().read(f).size()).isEqualTo(2);
    }

    @Test
    void readsIrisFromTheSharedToySetsWhenPresent() throws IOException {
        // scikit-learn's iris.csv: a first line "150,4,setosa,versicolor,virginica", then 4 features and the class id.
        ArrayDataset iris = reader().read(SharedData.require("sklearn-toy/iris.csv"));
        assertThat(iris.size()).isEqualTo(150);
        assertThat(iris.get(0).features().toFloatArray()).containsExactly(5.1f, 3.5f, 1.4f, 0.2f);
        assertThat(iris.get(149).label()).isEqualTo(2);
    }
}
