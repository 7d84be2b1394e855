package dev.footnote.index;

import dev.footnote.ingest.Span;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.util.BytesRef;

/** Packs a chunk's sentence offsets, vectors and terms into stored fields, the same way for every engine. */
public final class Codec {
    private Codec() {
    }

    public static byte[] spans(List<Span> spans) {
        ByteBuffer b = ByteBuffer.allocate(spans.size() * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (Span s : spans) b.putInt(s.start()).putInt(s.end());
        return b.array();
    }

    public static List<Span> spans(byte[] bytes) {
        return spans(new BytesRef(bytes));
    }

    public static float[][] vectors(byte[] bytes, int dim) {
        return vectors(new BytesRef(bytes), dim);
    }

    public static List<Span> spans(BytesRef ref) {
        ByteBuffer b = ByteBuffer.wrap(ref.bytes, ref.offset, ref.length).order(ByteOrder.LITTLE_ENDIAN);
        List<Span> out = new ArrayList<>(ref.length / 8);
        while (b.remaining() >= 8) out.add(new Span(b.getInt(), b.getInt()));
        return out;
    }

    public static byte[] vectors(List<float[]> vectors) {
        int dim = vectors.isEmpty() ? 0 : vectors.get(0).length;
        ByteBuffer b = ByteBuffer.allocate(vectors.size() * dim * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float[] v : vectors) for (float x : v) b.putFloat(x);
        return b.array();
    }

    public static float[][] vectors(BytesRef ref, int dim) {
        ByteBuffer b = ByteBuffer.wrap(ref.bytes, ref.offset, ref.length).order(ByteOrder.LITTLE_ENDIAN);
        int n = ref.length / (dim * 4);
        float[][] out = new float[n][dim];
        for (int i = 0; i < n; i++) for (int d = 0; d < dim; d++) out[i][d] = b.getFloat();
        return out;
    }

    /** The analysed terms of each sentence of a chunk, stored one line per sentence so evidence checks need no analysis. */
    public static String terms(List<Span> sentences, String documentText) {
        StringBuilder terms = new StringBuilder();
        for (Span s : sentences) {
            if (terms.length() > 0) terms.append('\n');
            terms.append(String.join(" ", Analyzers.terms(s.of(documentText))));
        }
        return terms.toString();
    }

    /** Per-sentence analysed terms, one line per sentence; null (older indexes) yields null. */
    public static List<List<String>> terms(String stored) {
        if (stored == null) return null;
        List<List<String>> out = new ArrayList<>();
        for (String line : stored.split("\n", -1)) out.add(line.isEmpty() ? List.of() : List.of(line.split(" ")));
        return out;
    }
}
