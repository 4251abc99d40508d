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
import kz.komek.catalog.Section;
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

    BundleExport() {}

    /** Sites by position, sections depth first, questions by section and position. */
    Bundle export(Handle h) {
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
            var rows = h.createQuery("select id, path, position, extra::text as extra from section where site = :site")
                    .bind("site", site)
                    .map((rs, ctx) -> {
                        sectionExtra.put(rs.getLong("id"), rs.getString("extra"));
                        return new Section(
                                rs.getLong("id"),
                                site,
                                new SectionPath(rs.getString("path")),
                                rs.getInt("position"),
                                Map.of());
                    })
                    .list();
            for (Section s : new SectionTree(rows).all()) {
                sectionOrder.add(s.id());
                sections.add(new Bundle.Section(
                        site,
                        s.path().value(),
                        Optional.of(s.position()),
                        titles(h, "section_title", "section_id", s.id(), locales),
                        extra.read(sectionExtra.get(s.id()))));
            }
        }
        var texts = new HashMap<Long, Map<String, Bundle.QuestionLocale>>();
        h.createQuery("""
                        select question_id, locale, title, content, updated, published, meta_title,
                               meta_description, meta_h1, no_index, no_follow, phrasings, extra::text as extra
                        from question_text
                        """)
                .map((rs, ctx) -> Map.entry(
                        rs.getLong("question_id"), Map.entry(rs.getString("locale"), questionLocale(rs, ctx))))
                .forEach(e -> texts.computeIfAbsent(e.getKey(), k -> new HashMap<>())
                        .put(e.getValue().getKey(), e.getValue().getValue()));
        var rank = new HashMap<Long, Integer>();
        for (int i = 0; i < sectionOrder.size(); i++) {
            rank.put(sectionOrder.get(i), i);
        }
        var questions = h.createQuery("""
                        select q.id, q.site, q.section_id, s.path, q.position, q.pinned, q.canonical, q.votes_up,
                               q.votes_down, q.usefulness, q.incomplete, q.extra::text as extra
                        from question q join section s on s.id = q.section_id
                        """)
                .map((rs, ctx) -> {
                    long id = rs.getLong("id");
                    var byLocale = new LinkedHashMap<String, Bundle.QuestionLocale>();
                    var own = texts.getOrDefault(id, Map.of());
                    for (String l : locales) {
                        if (own.containsKey(l)) {
                            byLocale.put(l, own.get(l));
                        }
                    }
                    own.forEach(byLocale::putIfAbsent);
                    return Map.entry(rs.getLong("section_id"), questionRecord(rs, byLocale));
                })
                .list();
        var sorted = new ArrayList<>(questions);
        sorted.sort((a, b) -> {
            int c = Integer.compare(
                    rank.getOrDefault(a.getKey(), Integer.MAX_VALUE), rank.getOrDefault(b.getKey(), Integer.MAX_VALUE));
            if (c != 0) {
                return c;
            }
            c = Integer.compare(a.getValue().position(), b.getValue().position());
            return c != 0 ? c : Long.compare(a.getValue().id(), b.getValue().id());
        });
        return new Bundle(
                locales,
                (String) header[1],
                sites,
                sections,
                sorted.stream().map(Map.Entry::getValue).toList(),
                extra.read((String) header[2]));
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
