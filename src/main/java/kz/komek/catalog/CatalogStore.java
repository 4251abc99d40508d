package kz.komek.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.komek.i18n.Locale;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.result.RowView;

/** Reads the catalog. Writes come through the bundle importer (and, later, the admin). */
public final class CatalogStore {
    private final Jdbi jdbi;

    public CatalogStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Bumped by every content write, in any process: a cheap way to know when caches are stale. */
    public long contentVersion() {
        return jdbi.withHandle(h -> h.createQuery("select version from help_center")
                .mapTo(Long.class)
                .one());
    }

    /**
     * What every rendered page depends on besides the clock: the content version (bumped by every write, in any
     * process) and the next scheduled publication after {@code now}, when a question appears without any write.
     */
    public ContentState contentState(LocalDateTime now) {
        return jdbi.withHandle(h -> contentState(h, now));
    }

    /** As {@link #contentState(LocalDateTime)}, with the caller's handle (one that has just committed). */
    public ContentState contentState(Handle h, LocalDateTime now) {
        return h.createQuery("""
                        select version,
                               least((select min(published) from question_text where published > :now),
                                     (select min(published) from material_text where published > :now)) as next
                        from help_center
                        """)
                .bind("now", now)
                .map((rs, ctx) -> new ContentState(
                        rs.getLong("version"),
                        Optional.ofNullable(rs.getTimestamp("next")).map(Timestamp::toLocalDateTime)))
                .one();
    }

    public List<Site> sites() {
        return jdbi.withHandle(h -> h
                .createQuery("""
                        select s.slug, s.position, t.locale, t.title
                        from site s left join site_title t on t.site = s.slug
                        order by s.position, s.slug, t.locale
                        """)
                .reduceRows(new LinkedHashMap<String, Site>(), (acc, row) -> {
                    String slug = row.getColumn("slug", String.class);
                    Site prev = acc.get(slug);
                    var titles = withTitle(prev == null ? Map.of() : prev.titles(), row);
                    acc.put(slug, new Site(slug, row.getColumn("position", Integer.class), titles));
                    return acc;
                })
                .values()
                .stream()
                .toList());
    }

    public Optional<Site> site(String slug) {
        return sites().stream().filter(s -> s.slug().equals(slug)).findFirst();
    }

    /** The whole section tree of a site. */
    public SectionTree tree(String site) {
        return new SectionTree(jdbi.withHandle(h -> h
                .createQuery("""
                        select s.id, s.site, s.path, s.position, s.kind, t.locale, t.title
                        from section s left join section_title t on t.section_id = s.id
                        where s.site = :site
                        order by s.path, t.locale
                        """)
                .bind("site", site)
                .reduceRows(new LinkedHashMap<Long, Section>(), (acc, row) -> {
                    long id = row.getColumn("id", Long.class);
                    Section prev = acc.get(id);
                    var titles = withTitle(prev == null ? Map.of() : prev.titles(), row);
                    acc.put(
                            id,
                            new Section(
                                    id,
                                    row.getColumn("site", String.class),
                                    new SectionPath(row.getColumn("path", String.class)),
                                    row.getColumn("position", Integer.class),
                                    titles,
                                    SectionKind.parse(row.getColumn("kind", String.class))
                                            .orElseThrow()));
                    return acc;
                })
                .values()
                .stream()
                .toList()));
    }

    /**
     * The titles read so far for a site or section, with the one of {@code row} added: the title tables are joined
     * in, one row per locale, and a row without a title (no title in any locale) adds none.
     */
    private static Map<Locale, String> withTitle(Map<Locale, String> before, RowView row) {
        Map<Locale, String> titles = new EnumMap<>(Locale.class);
        titles.putAll(before);
        String locale = row.getColumn("locale", String.class);
        if (locale != null) {
            Locale.parse(locale).ifPresent(l -> titles.put(l, row.getColumn("title", String.class)));
        }
        return titles;
    }

    /**
     * The questions listed in a section that are public in {@code locale} at {@code now}: pinned first, then by
     * position.
     */
    public List<QuestionSummary> questionsIn(long sectionId, Locale locale, LocalDateTime now) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select q.id, s.path, q.position, q.pinned, t.title
                        from question q
                        join section s on s.id = q.section_id
                        join question_text t on t.question_id = q.id and t.locale = :locale
                        where q.section_id = :section and (t.published is null or t.published <= :now)
                        order by q.pinned desc, q.position, q.id
                        """)
                .bind("section", sectionId)
                .bind("locale", locale.code())
                .bind("now", now)
                .map((rs, ctx) -> new QuestionSummary(
                        rs.getLong("id"),
                        new SectionPath(rs.getString("path")),
                        rs.getInt("position"),
                        rs.getBoolean("pinned"),
                        rs.getString("title")))
                .list());
    }

    /** Counts of public questions per section in {@code locale} at {@code now}, for menus and tabs. */
    public Map<Long, Integer> questionCounts(String site, Locale locale, LocalDateTime now) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select q.section_id, count(*) as n
                        from question q
                        join question_text t on t.question_id = q.id and t.locale = :locale
                        where q.site = :site and (t.published is null or t.published <= :now)
                        group by q.section_id
                        """)
                .bind("site", site)
                .bind("locale", locale.code())
                .bind("now", now)
                .reduceRows(new LinkedHashMap<Long, Integer>(), (acc, row) -> {
                    acc.put(row.getColumn("section_id", Long.class), row.getColumn("n", Integer.class));
                    return acc;
                }));
    }

    /**
     * The materials listed in a section that are public in {@code locale} at {@code now}, by position then id, each
     * with its text in that locale only: a material without one is not listed there, as a question is not.
     */
    public List<Material> materialsIn(long sectionId, Locale locale, LocalDateTime now) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select m.id, m.site, s.path, m.kind, m.position, t.title, t.url, t.description, t.duration,
                               t.format, t.size, t.updated, t.published
                        from material m
                        join section s on s.id = m.section_id
                        join material_text t on t.material_id = m.id and t.locale = :locale
                        where m.section_id = :section and (t.published is null or t.published <= :now)
                        order by m.position, m.id
                        """)
                .bind("section", sectionId)
                .bind("locale", locale.code())
                .bind("now", now)
                .map((rs, ctx) -> new Material(
                        rs.getLong("id"),
                        rs.getString("site"),
                        new SectionPath(rs.getString("path")),
                        MaterialKind.parse(rs.getString("kind")).orElseThrow(),
                        rs.getInt("position"),
                        Map.of(locale, materialText(rs))))
                .list());
    }

    /** Counts of materials public in {@code locale} at {@code now} per section of {@code site}. */
    public Map<Long, Integer> materialCounts(String site, Locale locale, LocalDateTime now) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select m.section_id, count(*) as n
                        from material m
                        join material_text t on t.material_id = m.id and t.locale = :locale
                        where m.site = :site and (t.published is null or t.published <= :now)
                        group by m.section_id
                        """)
                .bind("site", site)
                .bind("locale", locale.code())
                .bind("now", now)
                .reduceRows(new LinkedHashMap<Long, Integer>(), (acc, row) -> {
                    acc.put(row.getColumn("section_id", Long.class), row.getColumn("n", Integer.class));
                    return acc;
                }));
    }

    /** A row's material text columns (title, url, description, duration, format, size, updated, published). */
    public static MaterialText materialText(ResultSet rs) throws SQLException {
        long size = rs.getLong("size");
        boolean noSize = rs.wasNull();
        Timestamp published = rs.getTimestamp("published");
        java.sql.Date updated = rs.getDate("updated");
        return new MaterialText(
                rs.getString("title"),
                rs.getString("url"),
                Optional.ofNullable(rs.getString("description")),
                Optional.ofNullable(rs.getString("duration")),
                Optional.ofNullable(rs.getString("format")),
                noSize ? Optional.empty() : Optional.of(size),
                Optional.ofNullable(updated).map(java.sql.Date::toLocalDate),
                Optional.ofNullable(published).map(Timestamp::toLocalDateTime));
    }

    /** A question with all its locales, whatever their publication state (callers decide visibility). */
    public Optional<Question> question(long id) {
        return jdbi.withHandle(h -> {
            var texts = h.createQuery("""
                            select locale, title, content, updated, published, meta_title, meta_description,
                                   meta_h1, no_index, no_follow
                            from question_text where question_id = :id order by locale
                            """)
                    .bind("id", id)
                    .reduceRows(new EnumMap<Locale, QuestionText>(Locale.class), (acc, row) -> {
                        Locale.parse(row.getColumn("locale", String.class))
                                .ifPresent(l -> acc.put(l, row.getRow(CatalogStore::text)));
                        return acc;
                    });
            return h.createQuery("""
                            select q.id, q.site, s.path, q.position, q.pinned, q.canonical, q.votes_up,
                                   q.votes_down, q.usefulness, q.incomplete
                            from question q join section s on s.id = q.section_id
                            where q.id = :id
                            """)
                    .bind("id", id)
                    .map((rs, ctx) -> new Question(
                            rs.getLong("id"),
                            rs.getString("site"),
                            new SectionPath(rs.getString("path")),
                            rs.getInt("position"),
                            rs.getBoolean("pinned"),
                            rs.getString("canonical"),
                            optionalLong(rs, "votes_up"),
                            optionalLong(rs, "votes_down"),
                            optionalDouble(rs, "usefulness"),
                            rs.getBoolean("incomplete"),
                            texts))
                    .findOne();
        });
    }

    /**
     * Which of {@code ids} are questions no write has changed after version {@code version} (every write that changes
     * a question sets its revision to the new version: decision 0029).
     */
    public List<Long> untouchedSince(long version, java.util.Collection<Long> ids) {
        return jdbi.withHandle(h -> h.createQuery("select id from question where id = any(:ids) and revision <= :v")
                .bind("ids", ids.stream().mapToLong(Long::longValue).toArray())
                .bind("v", version)
                .mapTo(Long.class)
                .list());
    }

    /** The page path of question {@code id} inside {@code site} ({@code /bonus/save/general/q456}), if it is there. */
    public Optional<String> ownPath(String site, long id) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select '/' || s.path || '/q' || q.id
                        from question q join section s on s.id = q.section_id
                        where q.id = :id and q.site = :site
                        """)
                .bind("id", id)
                .bind("site", site)
                .mapTo(String.class)
                .findOne());
    }

    public static QuestionText text(ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws SQLException {
        Timestamp published = rs.getTimestamp("published");
        java.sql.Date updated = rs.getDate("updated");
        return new QuestionText(
                rs.getString("title"),
                rs.getString("content"),
                Optional.ofNullable(updated).map(java.sql.Date::toLocalDate),
                Optional.ofNullable(published).map(Timestamp::toLocalDateTime),
                Optional.ofNullable(rs.getString("meta_title")),
                Optional.ofNullable(rs.getString("meta_description")),
                Optional.ofNullable(rs.getString("meta_h1")),
                rs.getBoolean("no_index"),
                rs.getBoolean("no_follow"));
    }

    private static Optional<Long> optionalLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(v);
    }

    private static Optional<Double> optionalDouble(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(v);
    }
}
