package dev.footnote.cli;

import dev.footnote.config.ConfigSource;
import dev.footnote.config.Settings;
import java.nio.file.Path;

/** Settings from the environment and .env, with {@code --seeds}/{@code --index} overrides from the command line. */
final class CliSettings {
    private CliSettings() {
    }

    static Settings load(Args a) {
        Settings s = Settings.load(ConfigSource.system());
        Path seeds = a.get("seeds") == null ? s.seedsDir() : Path.of(a.get("seeds"));
        Path index = a.get("index") == null ? s.indexDir() : Path.of(a.get("index"));
        return s.withDirs(seeds, index);
    }
}
