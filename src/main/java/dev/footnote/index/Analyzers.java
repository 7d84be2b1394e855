package dev.footnote.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.Similarity;

/** The one analyzer and similarity used for both indexing and querying. */
public final class Analyzers {
    private static final Analyzer ENGLISH = new EnglishAnalyzer();

    private Analyzers() {
    }

    public static Analyzer english() {
        return ENGLISH;
    }

    public static Similarity similarity() {
        return new BM25Similarity(0.9f, 0.4f);
    }

    /** An analysed term and the [start, end) of the word it came from. */
    public record Token(String term, int start, int end) {
    }

    /** Analysed terms of {@code text} with their character offsets, in one pass of the analyzer. */
    public static List<Token> tokens(String field, String text) {
        List<Token> out = new ArrayList<>();
        try (TokenStream ts = ENGLISH.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            org.apache.lucene.analysis.tokenattributes.OffsetAttribute offset =
                    ts.addAttribute(org.apache.lucene.analysis.tokenattributes.OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) out.add(new Token(term.toString(), offset.startOffset(), offset.endOffset()));
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Analyzed terms of arbitrary user text; never throws on syntax, since there is none. */
    public static List<String> terms(String field, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = ENGLISH.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) out.add(term.toString());
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
