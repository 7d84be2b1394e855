package dev.footnote.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The one text analysis (Lucene's {@code EnglishAnalyzer}) behind indexing, querying and evidence checks, for every
 * engine: the Solr configset declares the same analyzer, and Solr's stored sentence terms and BM25 queries are
 * analysed here, client-side.
 */
public final class Analyzers {
    private static final Analyzer ENGLISH = new EnglishAnalyzer();
    /** EnglishAnalyzer treats every field alike; the name only labels the token stream. */
    private static final String FIELD = "body";

    private Analyzers() {
    }

    public static Analyzer english() {
        return ENGLISH;
    }

    /** An analysed term and the [start, end) of the word it came from. */
    public record Token(String term, int start, int end) {
    }

    /** Analysed terms of {@code text} with their character offsets, in one pass of the analyzer. */
    public static List<Token> tokens(String text) {
        List<Token> out = new ArrayList<>();
        try (TokenStream ts = ENGLISH.tokenStream(FIELD, text)) {
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
    public static List<String> terms(String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = ENGLISH.tokenStream(FIELD, text)) {
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
