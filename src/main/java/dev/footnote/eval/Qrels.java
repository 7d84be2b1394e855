package dev.footnote.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** BEIR relevance judgments: query id → (document id → grade). */
public final class Qrels {
    private Qrels() {
    }

    public static Map<String, Map<String, Integer>> read(Path file) throws IOException {
        Map<String, Map<String, Integer>> out = new LinkedHashMap<>();
        try (BufferedReader r = Files.newBufferedReader(file)) {
            String line;
            boolean first = true;
            while ((line = r.readLine()) != null) {
                line = line.strip();
                if (line.isEmpty()) continue;
                String[] f = line.split("\\s+");
                if (first) {
                    first = false;
                    if (f[0].equalsIgnoreCase("query-id") || f.length < 3 || !f[f.length - 1].matches("-?\\d+")) continue;
                }
                if (f.length < 3) throw new IOException("bad qrels line: " + line);
                int grade = Integer.parseInt(f[f.length - 1]);
                String doc = f.length == 4 ? f[2] : f[1];
                out.computeIfAbsent(f[0], k -> new HashMap<>()).put(doc, grade);
            }
        }
        return out;
    }
}
