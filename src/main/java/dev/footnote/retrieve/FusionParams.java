package dev.footnote.retrieve;

/**
 * How BM25 and vector lists are fused: a weighted sum of max-normalised scores ({@code vectorWeight} on the vector
 * side), over the top {@code depth} of each list. Tuned on the SciFact and SQuAD training queries.
 */
public record FusionParams(double vectorWeight, int depth, float titleBoost) {
    public static final FusionParams DEFAULT = new FusionParams(0.5, 100, 0.0f);

    public FusionParams {
        if (vectorWeight < 0 || vectorWeight > 1) throw new IllegalArgumentException("vectorWeight must be in [0,1]");
        if (depth < 1) throw new IllegalArgumentException("depth must be positive");
    }
}
