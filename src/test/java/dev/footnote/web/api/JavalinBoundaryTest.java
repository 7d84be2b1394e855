package dev.footnote.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Keeps the web framework at the edge: only web/ classes may refer to io.javalin. */
class JavalinBoundaryTest {
    @Test
    void should_keep_javalin_inside_the_web_package() throws IOException {
        // given
        Path classes = Path.of("target", "classes", "dev", "footnote");

        // when
        List<String> offenders;
        try (Stream<Path> s = Files.walk(classes)) {
            offenders = s.filter(p -> p.toString().endsWith(".class"))
                    .filter(p -> !classes.relativize(p).toString().replace('\\', '/').startsWith("web/"))
                    .filter(JavalinBoundaryTest::mentionsJavalin)
                    .map(p -> classes.relativize(p).toString()).toList();
        }

        // then
        assertThat(offenders).isEmpty();
    }

    private static boolean mentionsJavalin(Path classFile) {
        try {
            return new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1).contains("io/javalin/");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
