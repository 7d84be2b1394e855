package dev.footnote.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seeds folder is a boundary: links out are skipped and reported, loops too, a missing folder is an error. */
class FolderCorpusTest {
    @TempDir
    Path tmp;

    @Test
    void should_skip_and_report_links_whose_target_lies_outside_the_seeds_folder() throws Exception {
        // given
        Path seeds = Files.createDirectories(tmp.resolve("seeds"));
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "root:x:0:0:the secret outside the seeds folder");
        Files.writeString(outside.resolve("other.md"), "# Other\nAn outside document.");
        Files.writeString(seeds.resolve("inside.txt"), "An inside document.");
        Files.createSymbolicLink(seeds.resolve("passwd.txt"), outside.resolve("secret.txt"));
        Files.createSymbolicLink(seeds.resolve("linked"), outside);
        Files.createDirectories(seeds.resolve("sub"));
        Files.createSymbolicLink(seeds.resolve("sub/alias.txt"), seeds.resolve("inside.txt"));

        // when
        Corpus.Listing listing = new FolderCorpus(seeds, 1_000_000).list();

        // then
        assertThat(listing.entries()).extracting(CorpusEntry::path).containsExactly("inside.txt", "sub/alias.txt");
        assertThat(listing.skipped()).extracting(Corpus.Skipped::path).contains("passwd.txt", "linked");
        assertThat(listing.skipped()).allSatisfy(s -> assertThat(s.reason()).contains("outside the seeds folder"));
    }

    @Test
    void should_detect_a_link_loop_and_list_the_rest() throws Exception {
        // given
        Path seeds = Files.createDirectories(tmp.resolve("seeds"));
        Files.writeString(seeds.resolve("note.txt"), "A note beside a loop.");
        Path sub = Files.createDirectories(seeds.resolve("sub"));
        Files.createSymbolicLink(sub.resolve("again"), seeds);

        // when
        Corpus.Listing listing = new FolderCorpus(seeds, 1_000_000).list();

        // then
        assertThat(listing.entries()).extracting(CorpusEntry::path).containsExactly("note.txt");
        assertThat(listing.skipped()).anySatisfy(s -> assertThat(s.reason()).isEqualTo("link loop"));
    }

    @Test
    void should_refuse_to_list_a_seeds_folder_that_does_not_exist() {
        assertThatThrownBy(() -> new FolderCorpus(tmp.resolve("seedz"), 1_000_000).list())
                .isInstanceOf(SeedsFolderException.class).hasMessageContaining("seedz").hasMessageContaining("does not exist");
    }

    @Test
    void should_give_distinct_ids_to_a_hundred_thousand_names_that_clean_up_alike() {
        // when: every name has a space, so each id is its cleaned name plus a hash of the path
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (int i = 0; i < 100_000; i++) ids.add(DocumentLoader.idFor("notes " + i + ".txt").replaceAll("^notes_\\d+\\.txt-", ""));

        // then: the hash parts alone are all different
        assertThat(ids).hasSize(100_000);
    }
}
