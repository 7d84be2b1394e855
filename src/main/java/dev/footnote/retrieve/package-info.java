/** The retrieval ports, the one fusion of BM25 and vector lists, and the engine-neutral query building and hit assembly. */
package dev.footnote.retrieve;
