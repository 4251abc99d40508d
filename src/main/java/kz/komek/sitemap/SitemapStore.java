package kz.komek.sitemap;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.komek.catalog.CatalogStore;
import kz.komek.catalog.MaterialText;
import kz.komek.i18n.Locale;
import org.jdbi.v3.core.Jdbi;

/**
 * What sitemaps read: the questions search engines should index, the video and document sections that have something
 * to show, and their videos.
 */
public final class SitemapStore {
    private final Jdbi jdbi;

    public SitemapStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** A question page to list: public, indexable and its own canonical. */
    record QuestionUrl(long id, long sectionId, String sectionPath, Optional<LocalDate> updated) {}

    /**
     * The question pages of a site in a locale that belong in a sitemap, in list order: published by {@code now},
     * not {@code no_index}, and canonical. A question is canonical when its canonical names itself (whatever path
     * the stored canonical gives, a moved question's page is its own); a cross-listed copy names another.
     */
    List<QuestionUrl> questions(String site, Locale locale, LocalDateTime now) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select q.id, q.section_id, s.path, t.updated
                        from question q
                        join section s on s.id = q.section_id
                        join question_text t on t.question_id = q.id and t.locale = :locale
                        where q.site = :site
                          and (t.published is null or t.published <= :now)
                          and not t.no_index
                          and q.canonical like ('%/q' || q.id)
                        order by q.pinned desc, q.position, q.id
                        """)
                .bind("site", site)
                .bind("locale", locale.code())
                .bind("now", now)
                .map((rs, ctx) -> new QuestionUrl(
                        rs.getLong("id"),
                        rs.getLong("section_id"),
                        rs.getString("path"),
                        Optional.ofNullable(rs.getDate("updated")).map(java.sql.Date::toLocalDate)))
                .list());
    }

    /** A public video to list with its section's page (Google's video sitemap entry). */
    record VideoUrl(long sectionId, long id, MaterialText text) {}

    /**
     * The sections of a site listing at least one material public in {@code locale} at {@code now}, by id, each with
     * the latest "updated" date of those (empty when none has one).
     */
    Map<Long, Optional<LocalDate>> materialSections(String site, Locale locale, LocalDateTime now) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select m.section_id, max(t.updated) as updated
                        from material m
                        join material_text t on t.material_id = m.id and t.locale = :locale
                        where m.site = :site and (t.published is null or t.published <= :now)
                        group by m.section_id
                        """)
                .bind("site", site)
                .bind("locale", locale.code())
                .bind("now", now)
                .reduceRows(new HashMap<Long, Optional<LocalDate>>(), (acc, row) -> {
                    acc.put(
                            row.getColumn("section_id", Long.class),
                            Optional.ofNullable(row.getColumn("updated", java.sql.Date.class))
                                    .map(java.sql.Date::toLocalDate));
                    return acc;
                }));
    }

    /** The videos of a site public in {@code locale} at {@code now}, in list order (position, then id). */
    List<VideoUrl> videos(String site, Locale locale, LocalDateTime now) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select m.section_id, m.id, t.title, t.url, t.description, t.duration, t.format, t.size,
                               t.updated, t.published
                        from material m
                        join material_text t on t.material_id = m.id and t.locale = :locale
                        where m.site = :site and m.kind = 'video' and (t.published is null or t.published <= :now)
                        order by m.section_id, m.position, m.id
                        """)
                .bind("site", site)
                .bind("locale", locale.code())
                .bind("now", now)
                .map((rs, ctx) ->
                        new VideoUrl(rs.getLong("section_id"), rs.getLong("id"), CatalogStore.materialText(rs)))
                .list());
    }

    /**
     * The latest "updated" date of the public questions listed in each section (copies and noindex ones too: they
     * are on the section's page), by section id; every section with a public question is there, empty when none of
     * its questions has a date.
     */
    Map<Long, Optional<LocalDate>> lastUpdatedBySection(String site, Locale locale, LocalDateTime now) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select q.section_id, max(t.updated) as updated
                        from question q
                        join question_text t on t.question_id = q.id and t.locale = :locale
                        where q.site = :site and (t.published is null or t.published <= :now)
                        group by q.section_id
                        """)
                .bind("site", site)
                .bind("locale", locale.code())
                .bind("now", now)
                .reduceRows(new HashMap<Long, Optional<LocalDate>>(), (acc, row) -> {
                    acc.put(
                            row.getColumn("section_id", Long.class),
                            Optional.ofNullable(row.getColumn("updated", java.sql.Date.class))
                                    .map(java.sql.Date::toLocalDate));
                    return acc;
                }));
    }
}
