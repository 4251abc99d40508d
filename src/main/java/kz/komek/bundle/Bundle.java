package kz.komek.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.komek.catalog.QuestionText;

/**
 * A whole help center (or a part of it) in the shape of {@code komek-bundle/1}. Readers (JSON bundle, Nuxt
 * payload) produce it; the importer stores it; the exporter builds it from the database.
 *
 * <p>{@code extra} maps hold fields this version does not know, so that an export/import round trip keeps
 * them (bundle-format.md).
 */
public record Bundle(
        List<String> locales,
        String defaultLocale,
        List<Site> sites,
        List<Section> sections,
        List<Question> questions,
        Map<String, JsonNode> extra) {

    public static final String FORMAT = "komek-bundle/1";

    /** First path segments the server answers itself: a site so named could not be reached. */
    public static final java.util.Set<String> RESERVED_SITES = java.util.Set.of("admin", "api", "static", "sitemaps");

    /** Keeps insertion order: an export must list locales and fields in the order they came. */
    static <K, V> Map<K, V> ordered(Map<K, V> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    public Bundle {
        locales = List.copyOf(locales);
        sites = List.copyOf(sites);
        sections = List.copyOf(sections);
        questions = List.copyOf(questions);
        extra = ordered(extra);
    }

    public record Site(String slug, Map<String, String> title, Map<String, JsonNode> extra) {
        public Site {
            title = ordered(title);
            extra = ordered(extra);
        }
    }

    /** {@code position} is absent when the source does not know it (a page payload): a new section goes last. */
    public record Section(
            String site,
            String path,
            Optional<Integer> position,
            Map<String, String> title,
            Map<String, JsonNode> extra) {
        public Section {
            title = ordered(title);
            extra = ordered(extra);
        }
    }

    /**
     * One question. {@code votes} is absent when the source knows no counts; {@code usefulness} is the ratio
     * up/(up+down) as the seed's payload shows it when only the ratio is known. {@code incomplete} marks a
     * record recovered from a cut-off payload that lacks fields.
     */
    public record Question(
            long id,
            String site,
            String section,
            int position,
            boolean pinned,
            String canonical,
            Optional<Votes> votes,
            Optional<Double> usefulness,
            boolean incomplete,
            Map<String, QuestionLocale> locales,
            Map<String, JsonNode> extra) {
        public Question {
            locales = ordered(locales);
            extra = ordered(extra);
        }

        /** The same question with other texts. */
        public Question withLocales(Map<String, QuestionLocale> texts) {
            return new Question(
                    id, site, section, position, pinned, canonical, votes, usefulness, incomplete, texts, extra);
        }

        /** The same question with other readers' counts. */
        public Question withCounts(Optional<Votes> votes, Optional<Double> usefulness) {
            return new Question(
                    id, site, section, position, pinned, canonical, votes, usefulness, incomplete, locales, extra);
        }

        /** The same question listed elsewhere (or the same place, pinned or not). */
        public Question withPlace(String site, String section, int position, boolean pinned) {
            return new Question(
                    id, site, section, position, pinned, canonical, votes, usefulness, incomplete, locales, extra);
        }
    }

    public record Votes(long up, long down) {}

    /**
     * One locale's text of a question. {@code phrasings} are the editors' other ways to ask it, searched like the
     * title and never shown; a bundle lists them beside {@code locales}, in {@code phrasings.<locale>}.
     */
    public record QuestionLocale(
            String title,
            String content,
            Optional<LocalDate> updated,
            Optional<LocalDateTime> published,
            Optional<String> metaTitle,
            Optional<String> metaDescription,
            Optional<String> metaH1,
            boolean noIndex,
            boolean noFollow,
            Phrasings phrasings,
            Map<String, JsonNode> extra) {
        public QuestionLocale {
            extra = ordered(extra);
        }

        /** A text without phrasings. */
        public QuestionLocale(
                String title,
                String content,
                Optional<LocalDate> updated,
                Optional<LocalDateTime> published,
                Optional<String> metaTitle,
                Optional<String> metaDescription,
                Optional<String> metaH1,
                boolean noIndex,
                boolean noFollow,
                Map<String, JsonNode> extra) {
            this(
                    title,
                    content,
                    updated,
                    published,
                    metaTitle,
                    metaDescription,
                    metaH1,
                    noIndex,
                    noFollow,
                    Phrasings.NONE,
                    extra);
        }

        /** The same text with another title. */
        public QuestionLocale withTitle(String title) {
            return new QuestionLocale(
                    title,
                    content,
                    updated,
                    published,
                    metaTitle,
                    metaDescription,
                    metaH1,
                    noIndex,
                    noFollow,
                    phrasings,
                    extra);
        }

        /** The same text with another answer. */
        public QuestionLocale withContent(String content) {
            return new QuestionLocale(
                    title,
                    content,
                    updated,
                    published,
                    metaTitle,
                    metaDescription,
                    metaH1,
                    noIndex,
                    noFollow,
                    phrasings,
                    extra);
        }

        /** The same text with another publication time. */
        public QuestionLocale withPublished(Optional<LocalDateTime> published) {
            return new QuestionLocale(
                    title,
                    content,
                    updated,
                    published,
                    metaTitle,
                    metaDescription,
                    metaH1,
                    noIndex,
                    noFollow,
                    phrasings,
                    extra);
        }

        /** The same text with other phrasings. */
        public QuestionLocale withPhrasings(Phrasings phrasings) {
            return new QuestionLocale(
                    title,
                    content,
                    updated,
                    published,
                    metaTitle,
                    metaDescription,
                    metaH1,
                    noIndex,
                    noFollow,
                    phrasings,
                    extra);
        }

        /** The text as the reader pages hold it (phrasings are for search only). */
        public QuestionText readerText() {
            return new QuestionText(
                    title, content, updated, published, metaTitle, metaDescription, metaH1, noIndex, noFollow);
        }
    }
}
