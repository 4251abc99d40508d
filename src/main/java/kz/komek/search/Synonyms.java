package kz.komek.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kz.komek.i18n.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Groups of words that mean the same to readers, within a language or across Russian and Kazakh, read from a
 * text file editors may change while komek runs (it is re-read when it changes, at most once a second). Words
 * are kept as the index's stems, so a group names a word once, not every form of it.
 */
public final class Synonyms {
    private static final Logger log = LoggerFactory.getLogger(Synonyms.class);
    static final String BUILT_IN = "/search/synonyms.txt";

    /** A stem in one language's fields. */
    public record Stem(Locale locale, String stem) {}

    private record Table(Map<Stem, Set<Stem>> groups, FileTime modified) {}

    private final Optional<Path> file;
    private final Map<Locale, Analyzer> analyzers = new EnumMap<>(Locale.class);
    private volatile Table table;
    private volatile long checkedAt;

    private Synonyms(Optional<Path> file) {
        this(file, false);
    }

    private Synonyms(Optional<Path> file, boolean empty) {
        this.file = file;
        for (Locale l : Locale.values()) {
            analyzers.put(l, Analyzers.forLocale(l));
        }
        this.table = empty ? new Table(Map.of(), null) : load();
    }

    /** The built-in groups, or an editor's file when one is given. */
    public static Synonyms of(Optional<Path> file) {
        return new Synonyms(file);
    }

    /** No groups at all (an evaluation without the glossary). */
    static Synonyms none() {
        return new Synonyms(Optional.empty(), true);
    }

    /** The other members of every group {@code stem} belongs to. */
    public Set<Stem> expand(Stem stem) {
        reloadIfChanged();
        return table.groups().getOrDefault(stem, Set.of());
    }

    private void reloadIfChanged() {
        if (file.isEmpty() || System.currentTimeMillis() - checkedAt < 1000) {
            return;
        }
        checkedAt = System.currentTimeMillis();
        try {
            if (!Files.getLastModifiedTime(file.get()).equals(table.modified())) {
                table = load();
                log.info("synonyms reloaded from {}", file.get());
            }
        } catch (IOException | RuntimeException e) {
            log.warn("synonyms file {} unreadable, keeping the previous groups: {}", file.get(), e.toString());
        }
    }

    private Table load() {
        try {
            List<String> lines;
            FileTime modified = null;
            if (file.isPresent()) {
                lines = Files.readAllLines(file.get(), StandardCharsets.UTF_8);
                modified = Files.getLastModifiedTime(file.get());
            } else {
                try (InputStream in = Synonyms.class.getResourceAsStream(BUILT_IN)) {
                    lines = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                            .lines()
                            .toList();
                }
            }
            return new Table(parse(lines), modified);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot read synonyms " + file.map(Path::toString).orElse(BUILT_IN), e);
        }
    }

    /** {@code ru words | kz words}, or one language's words without {@code |}. */
    Map<Stem, Set<Stem>> parse(List<String> lines) {
        var groups = new HashMap<Stem, Set<Stem>>();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            var members = new LinkedHashSet<Stem>();
            String[] sides = line.split("\\|", -1);
            if (sides.length == 2) {
                members.addAll(stems(sides[0], Locale.RU));
                members.addAll(stems(sides[1], Locale.KZ));
            } else {
                for (Locale l : Locale.values()) {
                    members.addAll(stems(line, l));
                }
            }
            for (Stem m : members) {
                var others = new LinkedHashSet<>(members);
                others.remove(m);
                groups.computeIfAbsent(m, k -> new LinkedHashSet<>()).addAll(others);
            }
        }
        groups.replaceAll((k, v) -> Set.copyOf(v));
        return Map.copyOf(groups);
    }

    private List<Stem> stems(String words, Locale locale) {
        var out = new ArrayList<Stem>();
        for (String word : words.split(",")) {
            for (String stem : SearchService.terms(analyzers.get(locale), SearchIndex.body(locale), word.strip())) {
                // one- and two-letter stems of phrases ("сатып ал") match far too much
                if (stem.length() >= 3) {
                    out.add(new Stem(locale, stem));
                }
            }
        }
        return out;
    }
}
