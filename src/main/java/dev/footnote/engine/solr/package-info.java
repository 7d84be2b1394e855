/** The SolrCloud engine, mirroring the Lucene one: the collection, its records and field names, and retrieval fused on the client. */
package dev.footnote.engine.solr;
