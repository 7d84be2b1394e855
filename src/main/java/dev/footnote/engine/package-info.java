/** The one factory that opens the configured search engine, embedded Lucene or SolrCloud, behind the index and retrieve ports. */
package dev.footnote.engine;
