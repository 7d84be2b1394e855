package dev.footnote.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * Groups sentences into passages of about {@code targetWords} (never more than {@code maxWords} unless one sentence
 * is longer), repeating the last sentence of a passage at the start of the next one.
 */
public final class Chunker {
    private final SentenceSplitter splitter;
    private final int targetWords;
    private final int maxWords;
    private final int paragraphWords;

    public Chunker() {
        this(new SentenceSplitter(), 180, 250, 80);
    }

    /** @param paragraphWords a passage that has reached this many words ends at the next paragraph break */
    public Chunker(SentenceSplitter splitter, int targetWords, int maxWords, int paragraphWords) {
        this.splitter = splitter;
        this.targetWords = targetWords;
        this.maxWords = maxWords;
        this.paragraphWords = paragraphWords;
    }

    public List<Chunk> chunk(SourceDocument doc) {
        String text = doc.text();
        List<Span> sentences = splitter.split(text, doc.bodyStart(), text.length());
        List<Chunk> chunks = new ArrayList<>();
        int i = 0;
        while (i < sentences.size()) {
            int words = 0;
            int j = i;
            while (j < sentences.size()) {
                int w = wordCount(text, sentences.get(j));
                if (j > i && (words + w > maxWords || words >= targetWords
                        || words >= paragraphWords && paragraphBreak(text, sentences.get(j - 1), sentences.get(j)))) {
                    break;
                }
                words += w;
                j++;
            }
            List<Span> group = sentences.subList(i, j);
            chunks.add(new Chunk(doc.id(), chunks.size(), new Span(group.get(0).start(), group.get(group.size() - 1).end()), group));
            if (j >= sentences.size()) break;
            // one sentence of overlap, unless the chunk is a single sentence (then we would not advance)
            i = j - i > 1 ? j - 1 : j;
        }
        return chunks;
    }

    private static boolean paragraphBreak(String text, Span before, Span after) {
        return text.substring(before.end(), after.start()).indexOf("\n\n") >= 0
                || text.substring(before.end(), after.start()).matches("(?s).*\n\\s*\n.*");
    }

    static int wordCount(String text, Span s) {
        int n = 0;
        boolean in = false;
        for (int k = s.start(); k < s.end(); k++) {
            boolean ws = Character.isWhitespace(text.charAt(k));
            if (!ws && !in) n++;
            in = !ws;
        }
        return n;
    }
}
