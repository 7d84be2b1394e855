package dev.footnote.engine.lucene;

import dev.footnote.index.Analyzers;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;

/**
 * Spelling variants of the rare names a query mentions (Zelensky for Zhelensky, Blingen for Blinken): a query term
 * the index has never seen, or a capitalised name it has seen at most {@value #RARE} times, also matches indexed
 * terms within one or two edits, at a lower weight than the term itself.
 */
final class Misspellings {
    static final int RARE = 3;
    static final int MIN_LENGTH = 5;
    static final float WEIGHT = 0.6f;
    private static final int MAX_EXPANSIONS = 4;

    private Misspellings() {
    }

    /** Analysed terms of the words written with a capital letter, other than the first word of the query. */
    static Set<String> names(String text) {
        Set<String> out = new HashSet<>();
        for (Analyzers.Token t : Analyzers.tokens(text)) {
            char c = text.charAt(t.start());
            if (t.start() > 0 && Character.isUpperCase(c)) out.add(t.term());
        }
        return out;
    }

    /** A fuzzy query for the term's variants, or null when the term is common enough to be spelled as indexed. */
    static Query variants(IndexSearcher s, String term, Set<String> names) throws IOException {
        if (term.length() < MIN_LENGTH || !term.chars().allMatch(Character::isLetter)) return null;
        int df = s.getIndexReader().docFreq(new Term(Fields.BODY, term));
        if (df > 0 && !(names.contains(term) && df <= RARE)) return null;
        int edits = term.length() >= 8 ? 2 : 1;
        FuzzyQuery q = new FuzzyQuery(new Term(Fields.BODY, term), edits, 1, MAX_EXPANSIONS, true);
        return new BoostQuery(q, WEIGHT);
    }
}
