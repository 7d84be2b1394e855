package dev.footnote.cli;

import java.util.List;

/** One subcommand of {@code footnote.jar}. */
interface Command {
    String name();

    /** One line for the overview. */
    String summary();

    /** The full usage text printed by {@code --help}. */
    String usage();

    /** Runs the command; returns the process exit code. */
    int run(List<String> args) throws Exception;
}
