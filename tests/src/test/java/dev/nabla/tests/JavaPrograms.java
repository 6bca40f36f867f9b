package dev.nabla.tests;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles Java source code in memory against the test class path, and runs a compiled class's
 * {@code main} with its standard output captured: how the tests check the code blocks of the
 * documentation and the programs in {@code examples/}.
 */
final class JavaPrograms {
    private JavaPrograms() {
    }

    /**
     * Compiles {@code sources} together and returns a class loader for the compiled classes, whose
     * parent is the test class loader.
     *
     * @param what    what the sources are, for the failure message
     * @param sources the source text of each top-level public class, by class name
     * @throws AssertionError with javac's diagnostics if they do not compile
     */
    static ClassLoader compile(String what, Map<String, String> sources) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Map<String, ByteArrayOutputStream> classes = new ConcurrentHashMap<>();
        List<JavaFileObject> units = sources.entrySet().stream()
                .map(e -> (JavaFileObject) new SourceText(e.getKey(), e.getValue())).toList();
        try (StandardJavaFileManager standard = javac.getStandardFileManager(diagnostics, Locale.ROOT, UTF_8);
             JavaFileManager inMemory = new ClassesInMemory(standard, classes)) {
            boolean compiled = javac.getTask(null, inMemory, diagnostics,
                    List.of("-cp", System.getProperty("java.class.path")), null, units).call();
            assertThat(compiled).as("javac on %s:%n%s", what, diagnostics.getDiagnostics().stream()
                    .map(d -> d.toString()).collect(Collectors.joining("\n"))).isTrue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ClassLoader(JavaPrograms.class.getClassLoader()) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                ByteArrayOutputStream bytes = classes.get(name);
                if (bytes == null) {
                    throw new ClassNotFoundException(name);
                }
                return defineClass(name, bytes.toByteArray(), 0, bytes.size());
            }
        };
    }

    /**
     * Runs {@code className.main(args)} with {@link Locale#ROOT} as the default locale (so numbers
     * print the same on every machine) and returns what it printed, with {@code \n} line ends.
     *
     * @throws AssertionError if {@code main} throws, with what it printed until then
     */
    static String runMain(ClassLoader loader, String className, String... args) throws ReflectiveOperationException {
        Method main = loader.loadClass(className).getMethod("main", String[].class);
        PrintStream originalOut = System.out;
        Locale originalLocale = Locale.getDefault();
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(captured, true, UTF_8));
            Locale.setDefault(Locale.ROOT);
            main.invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw new AssertionError(className + ".main " + List.of(args) + " threw " + e.getCause() + " after printing:\n"
                    + captured.toString(UTF_8), e.getCause());
        } finally {
            System.setOut(originalOut);
            Locale.setDefault(originalLocale);
        }
        return captured.toString(UTF_8).replace(System.lineSeparator(), "\n");
    }

    private static final class SourceText extends SimpleJavaFileObject {
        private final String text;

        SourceText(String className, String text) {
            super(URI.create("string:///" + className.replace('.', '/') + Kind.SOURCE.extension), Kind.SOURCE);
            this.text = text;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }

    /** Keeps the class files javac writes in {@code classes}, by binary class name. */
    private static final class ClassesInMemory extends ForwardingJavaFileManager<StandardJavaFileManager> {
        private final Map<String, ByteArrayOutputStream> classes;

        ClassesInMemory(StandardJavaFileManager files, Map<String, ByteArrayOutputStream> classes) {
            super(files);
            this.classes = classes;
        }

        @Override
        public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                FileObject sibling) {
            URI uri = URI.create("memory:///" + className.replace('.', '/') + kind.extension);
            return new SimpleJavaFileObject(uri, kind) {
                @Override
                public OutputStream openOutputStream() {
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                    classes.put(className, bytes);
                    return bytes;
                }
            };
        }
    }
}
