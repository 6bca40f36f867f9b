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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles the {@code java} blocks of a page of documentation into one program, runs it, and checks
 * that it prints exactly the page's {@code text} blocks: the examples cannot drift from the code.
 */
class DocumentedExamplesTest {
    private static final Pattern BLOCK = Pattern.compile("```(java|text)\\n(.*?)```", Pattern.DOTALL);

    @ParameterizedTest
    @ValueSource(strings = {"README.md", "docs/models.md", "docs/optim-schedules.md", "docs/data.md",
        "docs/training.md", "docs/augment.md"})
    void examplesCompileRunAndPrintWhatThePageShows(String page, @TempDir Path dir) throws Exception {
        String text = Files.readString(Path.of("..").resolve(page));
        StringBuilder imports = new StringBuilder();
        StringBuilder body = new StringBuilder();
        StringBuilder expected = new StringBuilder();
        Matcher m = BLOCK.matcher(text);
        while (m.find()) {
            if (m.group(1).equals("text")) {
                expected.append(m.group(2));
                continue;
            }
            for (String line : m.group(2).split("\n", -1)) {
                (line.startsWith("import ") ? imports : body).append(line).append('\n');
            }
        }
        assertThat(body).as(page + " java blocks").isNotEmpty();
        assertThat(expected).as(page + " text blocks").isNotEmpty();

        String source = imports + "public class Examples {\n public static void main(String[] args) throws Exception {\n"
                + body + "}\n}\n";
        Path file = dir.resolve("Examples.java");
        Files.writeString(file, source);
        compile(page, file, dir);
        assertThat(run(dir)).as(page + " output").isEqualTo(expected.toString());
    }

    private static void compile(String page, Path file, Path outDir) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int status = javac.run(null, null, diagnostics, "-d", outDir.toString(),
                "-cp", System.getProperty("java.class.path"), file.toString());
        assertThat(status).as("javac on the examples of %s:\n%s", page, diagnostics.toString(StandardCharsets.UTF_8)).isZero();
    }

    private static String run(Path classes) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                DocumentedExamplesTest.class.getClassLoader())) {
            Method main = loader.loadClass("Examples").getMethod("main", String[].class);
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
