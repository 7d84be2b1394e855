package dev.footnote.cli;

import dev.footnote.config.ConfigException;
import dev.footnote.index.IndexUnavailableException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Entry point of {@code footnote.jar}: dispatches to a subcommand, turns known failures into messages and exit codes. */
public final class Main {
    private static final Map<String, Command> COMMANDS = new LinkedHashMap<>();

    static {
        for (Command c : List.of(new ServeCommand(), new IngestCommand(), new SearchCommand(), new AskCommand(),
                new EvalCommand(), new BenchCommand(), new McpCommand(), new FeedbackCommand())) {
            COMMANDS.put(c.name(), c);
        }
    }

    private Main() {
    }

    public static void main(String[] argv) {
        int code = run(argv);
        if (code != 0 || !"serve".equals(argv.length > 0 ? argv[0] : "")) System.exit(code);
    }

    static int run(String[] argv) {
        if (argv.length == 0 || argv[0].equals("--help") || argv[0].equals("-h") || argv[0].equals("help")) {
            System.out.println(overview());
            return argv.length == 0 ? 2 : 0;
        }
        Command c = COMMANDS.get(argv[0]);
        if (c == null) {
            System.err.println("footnote: unknown command '" + argv[0] + "'\n\n" + overview());
            return 2;
        }
        List<String> rest = Arrays.asList(argv).subList(1, argv.length);
        if (rest.contains("--help") || rest.contains("-h")) {
            System.out.println(c.usage());
            return 0;
        }
        try {
            return c.run(rest);
        } catch (Args.UsageException e) {
            System.err.println("footnote " + c.name() + ": " + e.getMessage() + "\n\n" + c.usage());
            return 2;
        } catch (ConfigException | IndexUnavailableException | dev.footnote.ingest.SeedsFolderException e) {
            System.err.println("footnote " + c.name() + ": " + e.getMessage());
            return 1;
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            System.err.println("footnote " + c.name() + ": " + e.getMessage());
            return 1;
        } catch (IllegalArgumentException e) {
            System.err.println("footnote " + c.name() + ": " + e.getMessage());
            return 2;
        } catch (Exception e) {
            System.err.println("footnote " + c.name() + ": failed: " + e);
            return 1;
        }
    }

    static String overview() {
        StringBuilder sb = new StringBuilder("Footnote: answers with footnotes you can check.\n\nUsage: java -jar target/footnote.jar <command> [options]\n\nCommands:\n");
        for (Command c : COMMANDS.values()) sb.append(String.format("  %-8s %s%n", c.name(), c.summary()));
        sb.append("\nRun 'java -jar target/footnote.jar <command> --help' for a command's options.");
        return sb.toString();
    }
}
