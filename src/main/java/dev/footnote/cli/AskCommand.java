package dev.footnote.cli;

import java.util.List;

final class AskCommand implements Command {
    @Override
    public String name() {
        return "ask";
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
