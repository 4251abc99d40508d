package kz.komek.admin.sections;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * The SQL of the section editor: sections and their titles, and what the questions and materials (live and drafts)
 * say about them. Every method runs in the caller's transaction. A section "holds" a question or material when its
 * live row is listed in it or its latest revision names it ({@code record->>'section'}): drafts name sections by
 * path.
 */
final class SectionStore {
    private final ObjectMapper mapper = new ObjectMapper();

    /** A section row with its titles (locale → title) and its kind ({@code questions}, {@code videos}, …). */
    record Row(
            long id,
            String site,
            String path,
            Optional<Long> parentId,
            int position,
            Map<String, String> titles,
            String kind) {}

    /** A question listed in a section, as the section page shows it. */
    record Listed(
            long id,
            int position,
            boolean pinned,
            Map<String, String> titles,
            boolean live,
            boolean draftPending,
            String canonical) {}

    List<String> sites(Handle h) {
        return h.createQuery("select slug from site order by position, slug")
                .mapTo(String.class)
                .list();
    }

    Map<String, String> siteTitles(Handle h, String site) {
        return bySite(
                h,
                "select locale, title from site_title where site = :site order by locale desc",
                site,
                (rs, ctx) -> Map.entry(rs.getString("locale"), rs.getString("title")));
    }

    boolean siteExists(Handle h, String site) {
        return h.createQuery("select count(*) from site where slug = :site")
                        .bind("site", site)
                        .mapTo(Integer.class)
                        .one()
                > 0;
    }

    /** Every section of {@code site}, in no particular order. */
    List<Row> sections(Handle h, String site) {
        var titles = new LinkedHashMap<Long, Map<String, String>>();
        h.createQuery("""
                        select t.section_id, t.locale, t.title from section_title t join section s on s.id = t.section_id
                        where s.site = :site order by t.locale desc
                        """)
                .bind("site", site)
                .map((rs, ctx) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3)})
                .forEach(r -> titles.computeIfAbsent((Long) r[0], k -> new LinkedHashMap<>())
                        .put((String) r[1], (String) r[2]));
        return h.createQuery("select id, site, path, parent_id, position, kind from section where site = :site")
                .bind("site", site)
                .map((rs, ctx) -> {
                    long parent = rs.getLong("parent_id");
                    boolean top = rs.wasNull();
                    long id = rs.getLong("id");
                    return new Row(
                            id,
                            rs.getString("site"),
                            rs.getString("path"),
                            top ? Optional.empty() : Optional.of(parent),
                            rs.getInt("position"),
                            titles.getOrDefault(id, Map.of()),
                            rs.getString("kind"));
                })
                .list();
    }

    Optional<Row> section(Handle h, long id) {
        return h.createQuery("select site from section where id = :id")
                .bind("id", id)
                .mapTo(String.class)
                .findOne()
                .flatMap(site ->
                        sections(h, site).stream().filter(r -> r.id() == id).findFirst());
    }

    Optional<Long> sectionId(Handle h, String site, String path) {
        return h.createQuery("select id from section where site = :site and path = :path")
                .bind("site", site)
                .bind("path", path)
                .mapTo(Long.class)
                .findOne();
    }

    /** A query on {@code :site} whose rows are key and value, as a map in row order. */
    static <K, V> Map<K, V> bySite(Handle h, String sql, String site, RowMapper<Map.Entry<K, V>> row) {
        var out = new LinkedHashMap<K, V>();
        h.createQuery(sql).bind("site", site).map(row).forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /**
     * The questions of one section: live ones listed there and those whose latest revision names it. Placement and
     * titles come from the latest revision when it names this section (what editors work on), else from the live
     * row. Ordered as readers see a list: pinned first, then by position and id.
     */
    List<Listed> questions(Handle h, String site, String path) {
        var out = new LinkedHashMap<Long, Listed>();
        h.createQuery("""
                        select q.id, q.position, q.pinned, q.canonical,
                               (select title from question_text t where t.question_id = q.id and t.locale = 'ru') as ru,
                               (select title from question_text t where t.question_id = q.id and t.locale = 'kz') as kz,
                               coalesce((select hd.published_revision is distinct from hd.latest_revision
                                         from question_head hd where hd.question_id = q.id), false) as pending
                        from question q join section s on s.id = q.section_id
                        where s.site = :site and s.path = :path
                        """)
                .bind("site", site)
                .bind("path", path)
                .map((rs, ctx) -> {
                    var titles = new LinkedHashMap<String, String>();
                    Optional.ofNullable(rs.getString("ru")).ifPresent(t -> titles.put("ru", t));
                    Optional.ofNullable(rs.getString("kz")).ifPresent(t -> titles.put("kz", t));
                    return new Listed(
                            rs.getLong("id"),
                            rs.getInt("position"),
                            rs.getBoolean("pinned"),
                            titles,
                            true,
                            rs.getBoolean("pending"),
                            rs.getString("canonical"));
                })
                .forEach(q -> out.put(q.id(), q));
        h.createQuery("""
                        select hd.question_id, r.record::text as record,
                               exists (select 1 from question q where q.id = hd.question_id) as live,
                               hd.published_revision is distinct from hd.latest_revision as pending
                        from question_head hd
                        join question_revision r on r.question_id = hd.question_id and r.revision = hd.latest_revision
                        where hd.deleted_at is null and r.record ->> 'site' = :site and r.record ->> 'section' = :path
                        """)
                .bind("site", site)
                .bind("path", path)
                .map((rs, ctx) -> {
                    JsonNode record = tree(rs.getString("record"));
                    var titles = new LinkedHashMap<String, String>();
                    for (String locale : List.of("ru", "kz")) {
                        JsonNode t = record.path("locales").path(locale).path("title");
                        if (t.isTextual()) {
                            titles.put(locale, t.asText());
                        }
                    }
                    boolean live = rs.getBoolean("live");
                    return new Listed(
                            rs.getLong("question_id"),
                            record.path("position").asInt(0),
                            record.path("pinned").asBoolean(false),
                            titles,
                            live,
                            live && rs.getBoolean("pending"),
                            record.path("canonical").asText(""));
                })
                .forEach(q -> out.put(q.id(), q));
        var list = new ArrayList<>(out.values());
        list.sort(java.util.Comparator.comparing((Listed q) -> !q.pinned())
                .thenComparingInt(Listed::position)
                .thenComparingLong(Listed::id));
        return list;
    }

    long insert(Handle h, String site, String path, Optional<Long> parentId, int position) {
        return h.createQuery("""
                        insert into section (site, path, parent_id, position) values (:site, :path, :parent, :position)
                        returning id
                        """)
                .bind("site", site)
                .bind("path", path)
                .bind("parent", parentId.orElse(null))
                .bind("position", position)
                .mapTo(Long.class)
                .one();
    }

    void setTitle(Handle h, long id, String locale, Optional<String> title) {
        if (title.isEmpty()) {
            h.createUpdate("delete from section_title where section_id = :id and locale = :locale")
                    .bind("id", id)
                    .bind("locale", locale)
                    .execute();
            return;
        }
        h.createUpdate("""
                        insert into section_title (section_id, locale, title) values (:id, :locale, :title)
                        on conflict (section_id, locale) do update set title = excluded.title
                        """)
                .bind("id", id)
                .bind("locale", locale)
                .bind("title", title.get())
                .execute();
    }

    /** Positions 1, 2, 3… in the given order. */
    void renumber(Handle h, List<Long> order) {
        for (int i = 0; i < order.size(); i++) {
            setPosition(h, order.get(i), i + 1);
        }
    }

    void setPosition(Handle h, long id, int position) {
        h.createUpdate("update section set position = :position where id = :id")
                .bind("id", id)
                .bind("position", position)
                .execute();
    }

    /** Siblings under {@code parent} (empty: top level) of {@code site}, in their order. */
    List<Row> siblings(Handle h, String site, Optional<Long> parent) {
        return sections(h, site).stream()
                .filter(r -> r.parentId().equals(parent))
                .sorted(java.util.Comparator.comparingInt(Row::position).thenComparing(Row::path))
                .toList();
    }

    /** The content version this write's changes carry; takes the writers' lock (as an import does). */
    long lockVersion(Handle h) {
        h.execute("lock table help_center in exclusive mode");
        return h.createQuery("select version + 1 from help_center")
                .mapTo(Long.class)
                .one();
    }

    /** Pages, caches and sitemaps of every node follow within a second. */
    void bumpVersion(Handle h) {
        h.execute("update help_center set version = version + 1");
    }

    /**
     * Search documents hold section titles and URLs: the questions and materials under {@code path} are indexed
     * again.
     */
    void reindexUnder(Handle h, String site, String path, long version) {
        for (String table : new String[] {"question", "material"}) {
            h.createUpdate("""
                            update %s set revision = :version
                            where section_id in (select id from section where site = :site
                                                 and (path = :path or starts_with(path, :below)))
                            """.formatted(table))
                    .bind("version", version)
                    .bind("site", site)
                    .bind("path", path)
                    .bind("below", path + "/")
                    .execute();
        }
    }

    // --- moving a subtree ---

    /** Question ids whose latest or published revision names {@code path} or a section below it. */
    List<Long> headsNaming(Handle h, String site, String path) {
        return h.createQuery("""
                        select distinct hd.question_id from question_head hd
                        join question_revision r on r.question_id = hd.question_id
                            and (r.revision = hd.latest_revision or r.revision = hd.published_revision)
                        where r.record ->> 'site' = :site
                          and (r.record ->> 'section' = :path or starts_with(r.record ->> 'section', :below))
                        order by 1
                        """)
                .bind("site", site)
                .bind("path", path)
                .bind("below", path + "/")
                .mapTo(Long.class)
                .list();
    }

    /** A locked head: what the live tables hold, the latest revision, whether there is a live row. */
    record Head(long id, int latest, Optional<Integer> published, boolean live) {}

    /** Locks the heads of {@code ids} in id order (writers of one question take turns on its head). */
    List<Head> lockHeads(Handle h, List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return h.createQuery("""
                        select hd.question_id, hd.latest_revision, hd.published_revision,
                               exists (select 1 from question q where q.id = hd.question_id) as live
                        from question_head hd where hd.question_id = any(:ids)
                        order by hd.question_id for update of hd
                        """)
                .bind("ids", ids.toArray(Long[]::new))
                .map((rs, ctx) -> {
                    int published = rs.getInt("published_revision");
                    boolean none = rs.wasNull();
                    return new Head(
                            rs.getLong("question_id"),
                            rs.getInt("latest_revision"),
                            none ? Optional.empty() : Optional.of(published),
                            rs.getBoolean("live"));
                })
                .list();
    }

    boolean revisionNames(Handle h, long id, int revision, String site, String path) {
        return h.createQuery("""
                        select count(*) from question_revision r
                        where r.question_id = :id and r.revision = :revision and r.record ->> 'site' = :site
                          and (r.record ->> 'section' = :path or starts_with(r.record ->> 'section', :below))
                        """)
                        .bind("id", id)
                        .bind("revision", revision)
                        .bind("site", site)
                        .bind("path", path)
                        .bind("below", path + "/")
                        .mapTo(Integer.class)
                        .one()
                > 0;
    }

    /**
     * Old addresses: every live question under {@code oldPath} keeps it as a place it was at (question_move), so
     * its old URL and the old section page answer 301. Written before the rename. Returns how many.
     */
    int recordMoves(Handle h, String site, String oldPath) {
        return h.createUpdate("""
                        insert into question_move (site, section_path, question_id)
                        select s.site, s.path, q.id from question q join section s on s.id = q.section_id
                        where s.site = :site and (s.path = :path or starts_with(s.path, :below))
                        on conflict (site, section_path, question_id) do update set moved_at = now()
                        """)
                .bind("site", site)
                .bind("path", oldPath)
                .bind("below", oldPath + "/")
                .execute();
    }

    /** Renames the subtree; afterwards a question back at a place it once left no longer counts it as old. */
    void renameSubtree(Handle h, long id, String site, String oldPath, String newPath, Optional<Long> newParent) {
        h.createUpdate("""
                        update section set path = cast(:new as text) || substr(path, length(:old) + 1)
                        where site = :site and (path = :old or starts_with(path, :below))
                        """)
                .bind("site", site)
                .bind("old", oldPath)
                .bind("below", oldPath + "/")
                .bind("new", newPath)
                .execute();
        h.createUpdate("update section set parent_id = :parent where id = :id")
                .bind("id", id)
                .bind("parent", newParent.orElse(null))
                .execute();
        h.createUpdate("""
                        delete from question_move m using question q, section s
                        where m.question_id = q.id and s.id = q.section_id and m.site = s.site
                          and m.section_path = s.path and s.site = :site
                          and (s.path = :new or starts_with(s.path, :below))
                        """)
                .bind("site", site)
                .bind("new", newPath)
                .bind("below", newPath + "/")
                .execute();
    }

    /**
     * Old section pages: every section of the renamed subtree keeps its old path as a place that answers 301 to its
     * new one (section_move); older addresses that led into the subtree now lead to the new place, and a path that
     * is a section again is no longer an old address. Written after {@link #renameSubtree}.
     */
    void recordSectionMoves(Handle h, String site, String oldPath, String newPath) {
        h.createUpdate("""
                        update section_move set new_path = cast(:new as text) || substr(new_path, length(:old) + 1),
                                                moved_at = now()
                        where site = :site and (new_path = :old or starts_with(new_path, :below))
                        """)
                .bind("site", site)
                .bind("old", oldPath)
                .bind("below", oldPath + "/")
                .bind("new", newPath)
                .execute();
        h.createUpdate("""
                        insert into section_move (site, old_path, new_path)
                        select site, cast(:old as text) || substr(path, length(:new) + 1), path
                        from section where site = :site and (path = :new or starts_with(path, :newBelow))
                        on conflict (site, old_path) do update set new_path = excluded.new_path, moved_at = now()
                        """)
                .bind("site", site)
                .bind("old", oldPath)
                .bind("new", newPath)
                .bind("newBelow", newPath + "/")
                .execute();
        h.createUpdate("""
                        delete from section_move m using section s
                        where m.site = :site and s.site = m.site and s.path = m.old_path
                        """).bind("site", site).execute();
    }

    /** How many levels the subtree under {@code path} goes below it (0: no descendants). */
    int subtreeDepth(Handle h, String site, String path) {
        int deepest = h.createQuery("""
                        select coalesce(max(array_length(string_to_array(path, '/'), 1)), 0)
                        from section where site = :site and starts_with(path, :below)
                        """)
                .bind("site", site)
                .bind("below", path + "/")
                .mapTo(Integer.class)
                .one();
        return Math.max(0, deepest - path.split("/").length);
    }

    void delete(Handle h, long id) {
        h.createUpdate("delete from section where id = :id").bind("id", id).execute();
    }

    private JsonNode tree(String json) {
        try {
            return mapper.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a stored revision is not JSON", e);
        }
    }
}
