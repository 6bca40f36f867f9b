package dev.nabla.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code nabla} command. Exit codes: 0 success, 1 runtime failure, 2 bad usage. */
@Command(name = "nabla", mixinStandardHelpOptions = true, versionProvider = Nabla.Version.class,
        description = "Nabla: a deep-learning engine in pure Java.",
        subcommands = {TrainCommand.class, EvalCommand.class, BenchCommand.class, InfoCommand.class, AugmentCommand.class, CommandLine.HelpCommand.class})
public final class Nabla implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the command line with the given output streams and returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new Nabla()).setOut(out).setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println(commandLine.getColorScheme().errorText("nabla: " + e.getMessage()));
            return e instanceof IllegalArgumentException ? 2 : 1;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The version from the jar manifest, or "development" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Nabla.class.getPackage().getImplementationVersion();
            return new String[] {"nabla " + (v == null ? "development" : v)};
        }
    }
}
