package dev.footnote.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.footnote.cite.CitationResolver;
import dev.footnote.eval.CitationEval;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code eval citations}: the answers' citation resolver and verifier over labelled claim/passage cases. */
final class CitationEvalRunner {
    private CitationEvalRunner() {
    }

    static int run(Args a) throws Exception {
        Path file = EvalCommand.existingFile(a, "cases");
        List<CitationEval.Case> cases = CitationEval.readCases(file);
        String split = a.get("split") == null ? "all" : a.get("split");
        if (!List.of("all", "even", "odd").contains(split)) throw new Args.UsageException("--split must be all, even or odd");
        if (!split.equals("all")) {
            int parity = split.equals("even") ? 0 : 1;
            cases = cases.stream().filter(c -> number(c.id()) % 2 == parity).toList();
        }
        if (cases.isEmpty()) throw new Args.UsageException("--cases " + file + ": no cases");
        CitationResolver resolver = new CitationResolver(CitationEval.termWeights(cases));
        CitationEval eval = new CitationEval();
        // warm up the analyzer and the JIT on a few cases, outside the measured run
        eval.run(cases.subList(0, Math.min(50, cases.size())), resolver, j -> { });
        PrintWriter verdicts = a.get("verdicts") == null ? null
                : new PrintWriter(Files.newBufferedWriter(Path.of(a.get("verdicts")), StandardCharsets.UTF_8));
        ObjectMapper json = new ObjectMapper();
        CitationEval.Result r = eval.run(cases, resolver, j -> {
            if (verdicts != null) {
                try {
                    verdicts.println(json.writeValueAsString(Map.of("id", j.c().id(), "kind", j.c().kind(),
                            "support", j.support().json(), "reason", j.reason(), "claim", j.c().claim())));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        if (verdicts != null) verdicts.close();
        if (a.flag("json")) {
            System.out.println(json.writeValueAsString(r.asJson()));
        } else {
            System.out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(r.asJson()));
        }
        return 0;
    }

    private static int number(String id) {
        String digits = id.replaceAll("^.*?(\\d+)$", "$1");
        return digits.matches("\\d+") ? Integer.parseInt(digits.substring(Math.max(0, digits.length() - 6))) : id.hashCode() & 1;
    }
}
