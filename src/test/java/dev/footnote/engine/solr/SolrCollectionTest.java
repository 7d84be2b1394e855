package dev.footnote.engine.solr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

class SolrCollectionTest {
    @Test
    void should_upload_the_repository_configset_with_the_model_dimension() throws Exception {
        // when
        Map<String, String> files = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(SolrCollection.configsetZip(384)))) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) files.put(e.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
        }
        // then
        assertThat(files).containsOnlyKeys("schema.xml", "solrconfig.xml");
        assertThat(files.get("schema.xml")).contains("vectorDimension=\"384\"").doesNotContain("@DIMENSION@")
                .contains("org.apache.lucene.analysis.en.EnglishAnalyzer").contains("similarityFunction=\"cosine\"");
        assertThat(files.get("solrconfig.xml")).contains("ExactStatsCache");
    }
}
