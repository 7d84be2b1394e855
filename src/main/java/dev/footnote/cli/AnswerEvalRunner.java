package dev.footnote.cli;

final class AnswerEvalRunner {
    private AnswerEvalRunner() {
    }

    static int run(Args a) {
        throw new Args.UsageException("eval answers is not available yet");
    }
}
