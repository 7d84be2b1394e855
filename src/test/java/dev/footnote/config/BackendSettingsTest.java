package dev.footnote.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BackendSettingsTest {
    @Test
    void should_default_to_embedded_lucene() {
        BackendSettings s = BackendSettings.load(ConfigSource.of(Map.of()));
        assertThat(s.backend()).isEqualTo(BackendSettings.Backend.LUCENE);
        assertThat(s.solrCollection()).isEqualTo("footnote");
    }

    @Test
    void should_read_solr_node_urls_and_collection() {
        BackendSettings s = BackendSettings.load(ConfigSource.of(Map.of("FOOTNOTE_BACKEND", "Solr",
                "FOOTNOTE_SOLR_URLS", " http://a:8983/solr/, http://b:8983/solr ", "FOOTNOTE_SOLR_COLLECTION", "docs")));
        assertThat(s.backend()).isEqualTo(BackendSettings.Backend.SOLR);
        assertThat(s.solrUrls()).isEqualTo(List.of("http://a:8983/solr", "http://b:8983/solr"));
        assertThat(s.solrCollection()).isEqualTo("docs");
    }

    @Test
    void should_accept_a_zookeeper_address_instead_of_urls() {
        BackendSettings s = BackendSettings.load(ConfigSource.of(Map.of("FOOTNOTE_BACKEND", "solr", "FOOTNOTE_SOLR_ZK", "zk1:2181/solr")));
        assertThat(s.solrZk()).isEqualTo("zk1:2181/solr");
    }

    @Test
    void should_name_what_is_missing_or_malformed() {
        assertThatThrownBy(() -> BackendSettings.load(ConfigSource.of(Map.of("FOOTNOTE_BACKEND", "solr"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("FOOTNOTE_SOLR_URLS").hasMessageContaining("FOOTNOTE_SOLR_ZK");
        assertThatThrownBy(() -> BackendSettings.load(ConfigSource.of(Map.of("FOOTNOTE_BACKEND", "elastic"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("lucene or solr");
        assertThatThrownBy(() -> BackendSettings.load(ConfigSource.of(Map.of("FOOTNOTE_BACKEND", "solr", "FOOTNOTE_SOLR_URLS", "solr1:8983"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("http");
    }
}
