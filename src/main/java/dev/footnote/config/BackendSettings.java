package dev.footnote.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Which engine holds the index: embedded Lucene (the default) or an existing SolrCloud, reached through a list of node
 * URLs or a ZooKeeper address.
 */
public record BackendSettings(Backend backend, List<String> solrUrls, String solrZk, String solrCollection) {
    /** The engines Footnote can run on. */
    public enum Backend { LUCENE, SOLR }

    public BackendSettings {
        solrUrls = List.copyOf(solrUrls);
        if (backend == Backend.SOLR && solrUrls.isEmpty() && (solrZk == null || solrZk.isBlank())) {
            throw new ConfigException("FOOTNOTE_BACKEND=solr needs FOOTNOTE_SOLR_URLS or FOOTNOTE_SOLR_ZK");
        }
        if (solrCollection == null || solrCollection.isBlank()) throw new ConfigException("FOOTNOTE_SOLR_COLLECTION is blank");
    }

    public static final BackendSettings LUCENE = new BackendSettings(Backend.LUCENE, List.of(), null, "footnote");

    public static BackendSettings load(ConfigSource src) {
        return load(new Settings.Reader(src));
    }

    static BackendSettings load(Settings.Reader src) {
        String name = src.str("FOOTNOTE_BACKEND", "lucene").toLowerCase(Locale.ROOT);
        Backend backend = switch (name) {
            case "lucene" -> Backend.LUCENE;
            case "solr" -> Backend.SOLR;
            default -> throw new ConfigException("FOOTNOTE_BACKEND must be lucene or solr, got '" + name + "'");
        };
        String csv = src.strOrNull("FOOTNOTE_SOLR_URLS");
        List<String> urls = csv == null ? List.of() : urls(csv);
        return new BackendSettings(backend, urls, src.strOrNull("FOOTNOTE_SOLR_ZK"), src.str("FOOTNOTE_SOLR_COLLECTION", "footnote"));
    }

    /** Solr settings for the given node URLs (comma-separated), for tools and tests. */
    public static BackendSettings solr(String urls, String collection) {
        return new BackendSettings(Backend.SOLR, urls(urls), null, collection);
    }

    private static List<String> urls(String csv) {
        List<String> out = Arrays.stream(csv.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> s.endsWith("/") ? s.substring(0, s.length() - 1) : s).toList();
        for (String u : out) {
            if (!u.startsWith("http://") && !u.startsWith("https://")) {
                throw new ConfigException("FOOTNOTE_SOLR_URLS must be http(s) URLs such as http://host:8983/solr, got '" + u + "'");
            }
        }
        return out;
    }
}
