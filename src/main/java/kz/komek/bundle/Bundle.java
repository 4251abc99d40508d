package kz.komek.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.komek.catalog.MaterialKind;
import kz.komek.catalog.MaterialText;
import kz.komek.catalog.QuestionText;
import kz.komek.catalog.SectionKind;

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
        List<Material> materials,
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
        materials = List.copyOf(materials);
        extra = ordered(extra);
    }

    /** A bundle without materials (videos, documents). */
    public Bundle(
            List<String> locales,
            String defaultLocale,
            List<Site> sites,
            List<Section> sections,
            List<Question> questions,
            Map<String, JsonNode> extra) {
        this(locales, defaultLocale, sites, sections, questions, List.of(), extra);
    }

    /** The same bundle with other questions (a streamed import's head holds none). */
    public Bundle withQuestions(List<Question> questions) {
        return new Bundle(locales, defaultLocale, sites, sections, questions, materials, extra);
    }

    public record Site(String slug, Map<String, String> title, Map<String, JsonNode> extra) {
        public Site {
            title = ordered(title);
            extra = ordered(extra);
        }
    }

    /**
     * {@code position} is absent when the source does not know it (a page payload): a new section goes last.
     * {@code kind} says what it lists (questions when a bundle does not say).
     */
    public record Section(
            String site,
            String path,
            Optional<Integer> position,
            Map<String, String> title,
            Map<String, JsonNode> extra,
            SectionKind kind) {
        public Section {
            title = ordered(title);
            extra = ordered(extra);
            java.util.Objects.requireNonNull(kind, "kind");
        }

        /** A section of questions. */
        public Section(
                String site,
                String path,
                Optional<Integer> position,
                Map<String, String> title,
                Map<String, JsonNode> extra) {
            this(site, path, position, title, extra, SectionKind.QUESTIONS);
        }
    }

    /**
     * A video or document (bundle-format.md, "Section kinds"): listed in section {@code section} of {@code site},
     * which must be of the kind that lists it; ids are unique among materials.
     */
    public record Material(
            long id,
            String site,
            String section,
            MaterialKind kind,
            int position,
            Map<String, MaterialLocale> locales,
            Map<String, JsonNode> extra) {
        public Material {
            if (id <= 0) {
                throw new IllegalArgumentException("a material id is positive, was " + id);
            }
            java.util.Objects.requireNonNull(kind, "kind");
            locales = ordered(locales);
            extra = ordered(extra);
        }

        /** The same material with other texts. */
        public Material withLocales(Map<String, MaterialLocale> texts) {
            return new Material(id, site, section, kind, position, texts, extra);
        }
    }

    /**
     * One locale's text of a material; {@code duration} (ISO 8601, as written) only for a video, {@code format} and
     * {@code size} (bytes) only for a document.
     */
    public record MaterialLocale(
            String title,
            String url,
            Optional<String> description,
            Optional<String> duration,
            Optional<String> format,
            Optional<Long> size,
            Optional<LocalDate> updated,
            Optional<LocalDateTime> published,
            Map<String, JsonNode> extra) {
        public MaterialLocale {
            extra = ordered(extra);
            readerText(title, url, description, duration, format, size, updated, published); // validates
        }

        private static MaterialText readerText(
                String title,
                String url,
                Optional<String> description,
                Optional<String> duration,
                Optional<String> format,
                Optional<Long> size,
                Optional<LocalDate> updated,
                Optional<LocalDateTime> published) {
            return new MaterialText(title, url, description, duration, format, size, updated, published);
        }

        /** The same text with another publication time. */
        public MaterialLocale withPublished(Optional<LocalDateTime> published) {
            return new MaterialLocale(title, url, description, duration, format, size, updated, published, extra);
        }

        /** The text as the reader pages hold it. */
        public MaterialText readerText() {
            return readerText(title, url, description, duration, format, size, updated, published);
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
