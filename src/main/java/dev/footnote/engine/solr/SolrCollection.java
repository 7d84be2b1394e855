package dev.footnote.engine.solr;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.ConfigSetAdminRequest;
import org.apache.solr.common.util.ContentStreamBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates Footnote's collection when it does not exist, from the configset kept in this repository
 * ({@code src/main/resources/solr/configset/footnote}), uploaded under a name that carries the vector dimension.
 */
public final class SolrCollection {
    private static final Logger log = LoggerFactory.getLogger(SolrCollection.class);
    private static final String RESOURCES = "/solr/configset/footnote/";
    private static final List<String> FILES = List.of("schema.xml", "solrconfig.xml");

    private SolrCollection() {
    }

    /** How a new collection is laid out across the cluster. */
    public record Layout(int shards, int replicas) {
        public static final Layout SINGLE = new Layout(1, 1);

        public Layout {
            if (shards < 1 || replicas < 1) throw new IllegalArgumentException("shards and replicas must be positive");
        }
    }

    /** Makes sure {@code collection} exists; returns true when it had to be created. */
    public static boolean ensure(SolrNodes nodes, String collection, int dimension, Layout layout) {
        List<String> existing = nodes.call(CollectionAdminRequest::listCollections);
        if (existing.contains(collection)) return false;
        String config = "footnote-" + dimension + "d";
        List<String> configs = nodes.call(c -> new ConfigSetAdminRequest.List().process(c).getConfigSets());
        if (!configs.contains(config)) {
            byte[] zip = configsetZip(dimension);
            nodes.call(c -> new ConfigSetAdminRequest.Upload().setConfigSetName(config)
                    .setUploadStream(new ContentStreamBase.ByteArrayStream(zip, config + ".zip", "application/zip")).process(c));
            log.info("uploaded Solr configset {}", config);
        }
        CollectionAdminRequest.Create create = CollectionAdminRequest.createCollection(collection, config, layout.shards(), layout.replicas());
        create.setWaitForFinalState(true);
        nodes.call(create::process);
        log.info("created Solr collection {} ({} shards x {} replicas)", collection, layout.shards(), layout.replicas());
        return true;
    }

    /** The repository's configset as a zip, with the vector dimension filled in. */
    static byte[] configsetZip(int dimension) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String f : FILES) {
                String text = resource(f).replace("@DIMENSION@", Integer.toString(dimension));
                zip.putNextEntry(new ZipEntry(f));
                zip.write(text.getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = SolrCollection.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) throw new IOException("configset file " + RESOURCES + name + " is missing from the classpath");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
