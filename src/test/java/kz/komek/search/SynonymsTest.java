package kz.komek.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Optional;
import kz.komek.i18n.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SynonymsTest {
    @TempDir
    Path dir;

    private static Synonyms.Stem ru(String word) {
        return new Synonyms.Stem(
                Locale.RU, SearchService.terms(Analyzers.russian(), "f", word).get(0));
    }

    private static Synonyms.Stem kz(String word) {
        return new Synonyms.Stem(
                Locale.KZ, SearchService.terms(Analyzers.kazakh(), "f", word).get(0));
    }

    @Test
    void theBuiltInGroupsLinkRussianAndKazakh() {
        var synonyms = Synonyms.of(Optional.empty());
        assertThat(synonyms.expand(ru("ребёнок"))).contains(kz("бала"));
        assertThat(synonyms.expand(kz("салық"))).contains(ru("налог"));
        assertThat(synonyms.expand(ru("карточка"))).contains(ru("карта"));
    }

    @Test
    void anEditorsFileIsReadAgainWhenItChanges() throws Exception {
        Path file = dir.resolve("synonyms.txt");
        Files.writeString(file, "# test\nзебра | жолақ\n");
        var synonyms = Synonyms.of(Optional.of(file));
        assertThat(synonyms.expand(ru("зебра"))).containsExactly(kz("жолақ"));
        assertThat(synonyms.expand(ru("жираф"))).isEmpty();

        Files.writeString(file, "зебра, жираф\n");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
        Thread.sleep(1100); // the file is looked at no more than once a second
        assertThat(synonyms.expand(ru("жираф"))).contains(ru("зебра"));
    }
}
