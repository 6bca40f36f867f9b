package dev.nabla.cli;

import dev.nabla.tensor.spi.Backends;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Prints the Java runtime, the backends found and the default device. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Show the Java runtime, the available backends and the default device.")
final class InfoCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        out.printf("java:     %s (%s)%n", System.getProperty("java.version"), System.getProperty("java.vm.name"));
        out.printf("cores:    %d%n", Runtime.getRuntime().availableProcessors());
        out.println("backends:");
        for (String line : Backends.describe()) {
            out.println("  " + line);
        }
        out.printf("default:  %s%n", Backends.defaultDevice());
        out.flush();
    }
}
