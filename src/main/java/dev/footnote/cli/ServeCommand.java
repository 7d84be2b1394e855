package dev.footnote.cli;

import java.util.List;

final class ServeCommand implements Command {
    @Override
    public String name() {
        return "serve";
    }

    @Override
    public String summary() {
        return "TODO";
    }

    @Override
    public String usage() {
        return "TODO";
    }

    @Override
    public int run(List<String> argv) {
        return 1;
    }
}
