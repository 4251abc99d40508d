package kz.komek.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import kz.komek.catalog.Section;
import kz.komek.catalog.SectionKind;
import kz.komek.catalog.SectionPath;
import kz.komek.catalog.SectionTree;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The catalog read back as bundle records, in the caller's transaction: the whole help center as an export lists
 * it, or one question's live record. Unknown fields an import kept come back where they were.
 */
public final class BundleExport {
    private final ExtraJson extra = new ExtraJson();
    private final MaterialExport materials = new MaterialExport(extra);

    BundleExport() {}

    /** Sites by position, sections depth first, questions by section and position; all in memory. */
    Bundle export(Handle h) {
        Head head = head(h);
        var questions = new ArrayList<Bundle.Question>();
        questions(h, head, questions::add);
        return head.bundle().withQuestions(questions);
    }

    /** Everything but the questions (materials too), and the sections' ids in the order an export lists them. */
    record Head(Bundle bundle, long[] sectionOrder) {}

    Head head(Handle h) {
        var header = h.createQuery("select locales, default_locale, extra::text as extra from help_center")
                .map((rs, ctx) -> new Object[] {
                    rs.getArray("locales").getArray(), rs.getString("default_locale"), rs.getString("extra")
                })
                .one();
        List<String> locales = Arrays.asList((String[]) header[0]);
        var sites = new ArrayList<Bundle.Site>();
        var siteSlugs = new ArrayList<String>();
        h.createQuery("select slug, extra::text as extra from site order by position, slug")
                .map((rs, ctx) -> new String[] {rs.getString("slug"), rs.getString("extra")})
                .forEach(row -> {
                    siteSlugs.add(row[0]);
                    sites.add(new Bundle.Site(
                            row[0], titles(h, "site_title", "site", row[0], locales), extra.read(row[1])));
                });
        var sections = new ArrayList<Bundle.Section>();
        var sectionOrder = new ArrayList<Long>();
        var sectionExtra = new HashMap<Long, String>();
        for (String site : siteSlugs) {
            var rows = h.createQuery(
                            "select id, path, position, kind, extra::text as extra from section where site = :site")
                    .bind("site", site)
                    .map((rs, ctx) -> {
                        sectionExtra.put(rs.getLong("id"), rs.getString("extra"));
                        return new Section(
                                rs.getLong("id"),
                                site,
                                new SectionPath(rs.getString("path")),
                                rs.getInt("position"),
                                Map.of(),
                                SectionKind.parse(rs.getString("kind")).orElseThrow());
                    })
                    .list();
            for (Section s : new SectionTree(rows).all()) {
                sectionOrder.add(s.id());
                sections.add(new Bundle.Section(
                        site,
                        s.path().value(),
                        Optional.of(s.position()),
                        titles(h, "section_title", "section_id", s.id(), locales),
                        extra.read(sectionExtra.get(s.id())),
                        s.kind()));
            }
        }
        long[] order = sectionOrder.stream().mapToLong(Long::longValue).toArray();
        return new Head(
                new Bundle(
                        locales,
                        (String) header[1],
                        sites,
                        sections,
                        List.of(),
                        materials.all(h, locales, order),
                        extra.read((String) header[2])),
                order);
    }

    // a question's row once per text (or once without any), its texts in the declared locales' order
    private static final String QUESTIONS = """
            select q.id, q.site, s.path, q.position, q.pinned, q.canonical, q.votes_up, q.votes_down,
                   q.usefulness, q.incomplete, q.extra::text as question_extra,
                   t.locale, t.title, t.content, t.updated, t.published, t.meta_title, t.meta_description,
                   t.meta_h1, t.no_index, t.no_follow, t.phrasings, t.extra::text as extra
            from question q join section s on s.id = q.section_id
            left join question_text t on t.question_id = q.id
            where %s
            order by q.position, q.id, array_position(cast(:locales as text[]), t.locale), t.locale
            """;

    /**
     * Hands over the questions one at a time, section by section in {@code head}'s order (by position, then id,
     * inside one), read through a cursor: the help center is never held whole. Questions of a section outside the
     * tree (none, while the tree holds) come last. Call in a transaction, where PostgreSQL keeps a cursor.
     */
    void questions(Handle h, Head head, Consumer<Bundle.Question> sink) {
        String[] locales = head.bundle().locales().toArray(String[]::new);
        var grouping = new Grouping(sink);
        for (long section : head.sectionOrder()) {
            grouping.all(h.createQuery(QUESTIONS.formatted("q.section_id = :section"))
                    .bind("section", section)
                    .bind("locales", locales));
        }
        grouping.all(h.createQuery(QUESTIONS.formatted("not (q.section_id = any(:sections))"))
                .bind("sections", head.sectionOrder())
                .bind("locales", locales));
        grouping.end();
    }

    /** Rows a fetch brings: a few hundred texts, so memory stays flat however many questions there are. */
    private static final int FETCH = 500;

    /** Gathers the rows of one question (one per text) into its record. */
    private final class Grouping {
        private final Consumer<Bundle.Question> sink;
        private Bundle.Question pending;
        private final LinkedHashMap<String, Bundle.QuestionLocale> texts = new LinkedHashMap<>();

        Grouping(Consumer<Bundle.Question> sink) {
            this.sink = sink;
        }

        /**
         * Every row of {@code query}, a fetch at a time; closed at once (an open statement keeps its last fetch
         * until the handle closes, hundreds of them for an export).
         */
        void all(org.jdbi.v3.core.statement.Query query) {
            try (query) {
                query.setFetchSize(FETCH).scanResultSet((rows, ctx) -> {
                    ResultSet rs = rows.get();
                    while (rs.next()) {
                        row(rs, ctx);
                    }
                    return null;
                });
            }
        }

        private void row(ResultSet rs, StatementContext ctx) throws SQLException {
            long id = rs.getLong("id");
            if (pending == null || pending.id() != id) {
                end();
                pending = questionRow(
                        rs, rs.getBoolean("incomplete"), Map.of(), extra.read(rs.getString("question_extra")));
            }
            String locale = rs.getString("locale");
            if (locale != null) {
                texts.put(locale, questionLocale(rs, ctx));
            }
        }

        void end() {
            if (pending != null) {
                sink.accept(pending.withLocales(texts));
                pending = null;
                texts.clear();
            }
        }
    }

    /** The live record of material {@code id}, its texts in the declared locales' order. */
    Optional<Bundle.Material> material(Handle h, long id) {
        String[] locales = h.createQuery("select locales from help_center")
                .mapTo(String[].class)
                .one();
        return materials.one(h, id, Arrays.asList(locales));
    }

    /** The live record of question {@code id}. */
    Optional<Bundle.Question> question(Handle h, long id) {
        var byLocale = new LinkedHashMap<String, Bundle.QuestionLocale>();
        h.createQuery("""
                        select locale, title, content, updated, published, meta_title, meta_description, meta_h1,
                               no_index, no_follow, phrasings, extra::text as extra
                        from question_text where question_id = :id
                        order by array_position((select locales from help_center), locale), locale
                        """)
                .bind("id", id)
                .map((rs, ctx) -> Map.entry(rs.getString("locale"), questionLocale(rs, ctx)))
                .forEach(e -> byLocale.put(e.getKey(), e.getValue()));
        return h.createQuery("""
                        select q.id, q.site, s.path, q.position, q.pinned, q.canonical, q.votes_up, q.votes_down,
                               q.usefulness, q.incomplete, q.extra::text as extra
                        from question q join section s on s.id = q.section_id
                        where q.id = :id
                        """)
                .bind("id", id)
                .map((rs, ctx) -> questionRecord(rs, byLocale))
                .findOne();
    }

    private Bundle.QuestionLocale questionLocale(ResultSet rs, StatementContext ctx) throws SQLException {
        var t = kz.komek.catalog.CatalogStore.text(rs, ctx);
        return new Bundle.QuestionLocale(
                t.title(),
                t.content(),
                t.updated(),
                t.published(),
                t.metaTitle(),
                t.metaDescription(),
                t.metaH1(),
                t.noIndex(),
                t.noFollow(),
                new Phrasings(List.of((String[]) rs.getArray("phrasings").getArray())),
                extra.read(rs.getString("extra")));
    }

    /** A row of {@code question q join section s} (q.*, s.path) with its texts. */
    private Bundle.Question questionRecord(ResultSet rs, Map<String, Bundle.QuestionLocale> byLocale)
            throws SQLException {
        return questionRow(rs, rs.getBoolean("incomplete"), byLocale, extra.read(rs.getString("extra")));
    }

    /**
     * The question record of a row of {@code question q join section s} (q.id, q.site, s.path, q.position,
     * q.pinned, q.canonical and the vote columns), with the texts and fields given.
     */
    public static Bundle.Question questionRow(
            ResultSet rs, boolean incomplete, Map<String, Bundle.QuestionLocale> locales, Map<String, JsonNode> extra)
            throws SQLException {
        long up = rs.getLong("votes_up");
        boolean noVotes = rs.wasNull();
        long down = rs.getLong("votes_down");
        double usefulness = rs.getDouble("usefulness");
        boolean noUsefulness = rs.wasNull();
        return new Bundle.Question(
                rs.getLong("id"),
                rs.getString("site"),
                rs.getString("path"),
                rs.getInt("position"),
                rs.getBoolean("pinned"),
                rs.getString("canonical"),
                noVotes ? Optional.empty() : Optional.of(new Bundle.Votes(up, down)),
                noUsefulness ? Optional.empty() : Optional.of(usefulness),
                incomplete,
                locales,
                extra);
    }

    private static Map<String, String> titles(
            Handle h, String table, String keyColumn, Object key, List<String> order) {
        var found = new HashMap<String, String>();
        h.createQuery("select locale, title from " + table + " where " + keyColumn + " = :key")
                .bind("key", key)
                .map((rs, ctx) -> Map.entry(rs.getString("locale"), rs.getString("title")))
                .forEach(e -> found.put(e.getKey(), e.getValue()));
        var titles = new LinkedHashMap<String, String>();
        for (String l : order) {
            if (found.containsKey(l)) {
                titles.put(l, found.remove(l));
            }
        }
        titles.putAll(found);
        return titles;
    }
}
