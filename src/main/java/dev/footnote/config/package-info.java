/** Settings records and the one loader that reads them from the environment and {@code .env}. */
package dev.footnote.config;
