package dev.nabla.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Compiles the {@code java} blocks of a page of documentation into one program, runs it, and checks
 * that it prints exactly the page's {@code text} blocks: the examples cannot drift from the code.
 */
class DocumentedExamplesTest {
    private static final Pattern BLOCK = Pattern.compile("```(java|text)\\n(.*?)```", Pattern.DOTALL);

    @ParameterizedTest
    @ValueSource(strings = {"README.md", "docs/models.md", "docs/optim-schedules.md", "docs/data.md",
        "docs/training.md", "docs/augment.md"})
    void examplesCompileRunAndPrintWhatThePageShows(String page) throws Exception {
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
        ClassLoader compiled = JavaPrograms.compile("the examples of " + page, Map.of("Examples", source));
        assertThat(JavaPrograms.runMain(compiled, "Examples")).as(page + " output").isEqualTo(expected.toString());
    }
}
