package dev.footnote.engine.solr;

import dev.footnote.config.BackendSettings;
import dev.footnote.index.IndexUnavailableException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.HttpJdkSolrClient;
import org.apache.solr.client.solrj.impl.ZkClientClusterStateProvider;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.util.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SolrCloud nodes Footnote talks to, each through SolrJ's JDK HTTP client (no Jetty client), tried in turn so a
 * stopped node costs one failed connection, not an error. Any node routes updates to shard leaders and fans queries
 * out to live replicas, so a node list is all a client needs.
 */
public final class SolrNodes implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SolrNodes.class);
    private final List<String> urls;
    private final List<SolrClient> clients;
    private final AtomicInteger next = new AtomicInteger();

    private SolrNodes(List<String> urls) {
        if (urls.isEmpty()) throw new IndexUnavailableException("no Solr nodes to connect to", null);
        this.urls = List.copyOf(urls);
        List<SolrClient> cs = new ArrayList<>();
        for (String u : urls) {
            cs.add(new HttpJdkSolrClient.Builder(u).useHttp1_1(true)
                    .withConnectionTimeout(5, TimeUnit.SECONDS).withRequestTimeout(120, TimeUnit.SECONDS).build());
        }
        this.clients = List.copyOf(cs);
    }

    /** Connects to the configured node URLs, or to the live nodes that ZooKeeper lists. */
    public static SolrNodes connect(BackendSettings settings) {
        if (!settings.solrUrls().isEmpty()) return new SolrNodes(settings.solrUrls());
        return new SolrNodes(liveNodes(settings.solrZk()));
    }

    public static SolrNodes of(List<String> urls) {
        return new SolrNodes(urls);
    }

    private static List<String> liveNodes(String zk) {
        int slash = zk.indexOf('/');
        String hosts = slash < 0 ? zk : zk.substring(0, slash);
        String chroot = slash < 0 ? null : zk.substring(slash);
        try (ZkClientClusterStateProvider zkp = new ZkClientClusterStateProvider(List.of(hosts.split(",")), chroot)) {
            List<String> out = new ArrayList<>();
            for (String node : zkp.getLiveNodes()) out.add(Utils.getBaseUrlForNodeName(node, zkp.getClusterProperty("urlScheme", "http")));
            log.info("Solr live nodes from ZooKeeper {}: {}", zk, out);
            return out;
        } catch (IOException | RuntimeException e) {
            throw new IndexUnavailableException("cannot read Solr live nodes from ZooKeeper " + zk + ": " + e.getMessage(), e);
        }
    }

    public List<String> urls() {
        return urls;
    }

    /** Runs {@code call} on one node, moving on to the next when a node cannot be reached or fails on its side. */
    public <T> T call(SolrCall<T> call) {
        int start = Math.floorMod(next.getAndIncrement(), clients.size());
        Exception last = null;
        for (int i = 0; i < clients.size(); i++) {
            int n = (start + i) % clients.size();
            try {
                return call.apply(clients.get(n));
            } catch (SolrServerException | IOException e) {
                last = e;
            } catch (SolrException e) {
                if (e.code() < 500) throw e;
                last = e;
            }
            log.debug("Solr node {} failed, trying the next: {}", urls.get(n), last.getMessage());
        }
        throw new IndexUnavailableException("no Solr node answered (" + String.join(", ", urls) + "): "
                + (last == null ? "" : last.getMessage()), last);
    }

    @Override
    public void close() {
        for (SolrClient c : clients) {
            try {
                c.close();
            } catch (IOException ignored) {
                // closing an HTTP client never fails in a way the caller could act on
            }
        }
    }

    /** One request against one node. */
    @FunctionalInterface
    public interface SolrCall<T> {
        T apply(SolrClient client) throws SolrServerException, IOException;
    }
}
