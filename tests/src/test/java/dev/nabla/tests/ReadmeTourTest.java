package dev.nabla.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles the README's {@code java} blocks into one program, runs it, and checks that it prints
 * exactly the README's {@code text} blocks: the tour cannot drift from the code.
 */
class ReadmeTourTest {
    private static final Pattern BLOCK = Pattern.compile("```(java|text)\\n(.*?)```", Pattern.DOTALL);

    @Test
    void readmeTourCompilesRunsAndPrintsWhatItShows(@TempDir Path dir) throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        StringBuilder imports = new StringBuilder();
        StringBuilder body = new StringBuilder();
        StringBuilder expected = new StringBuilder();
        Matcher m = BLOCK.matcher(readme);
        while (m.find()) {
            if (m.group(1).equals("text")) {
                expected.append(m.group(2));
                continue;
            }
            for (String line : m.group(2).split("\n", -1)) {
                (line.startsWith("import ") ? imports : body).append(line).append('\n');
            }
        }
        assertThat(body).as("README java blocks").isNotEmpty();
        assertThat(expected).as("README text blocks").isNotEmpty();

        String source = imports + "public class ReadmeTour {\n public static void main(String[] args) throws Exception {\n"
                + body + "}\n}\n";
        Path file = dir.resolve("ReadmeTour.java");
        Files.writeString(file, source);
        compile(file, dir);
        assertThat(run(dir)).isEqualTo(expected.toString());
    }

    private static void compile(Path file, Path outDir) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int status = javac.run(null, null, diagnostics, "-d", outDir.toString(),
                "-cp", System.getProperty("java.class.path"), file.toString());
        assertThat(status).as("javac on the README tour:\n%s", diagnostics.toString(StandardCharsets.UTF_8)).isZero();
    }

    private static String run(Path classes) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                ReadmeTourTest.class.getClassLoader())) {
            Method main = loader.loadClass("ReadmeTour").getMethod("main", String[].class);
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            main.invoke(null, (Object) new String[0]);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }
}
