package dev.footnote.config;

/** A setting that is missing or malformed; the message names the key. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
