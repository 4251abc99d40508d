package kz.komek.bundle;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kz.komek.catalog.SectionPath;
import org.jdbi.v3.core.Handle;

/**
 * An import's sites and sections, merged by key (a site by slug, a section by site and path) in the import's
 * transaction: titles per locale, positions, a section's kind and the fields komek does not know.
 */
final class SectionWriter {
    private final ExtraJson extra;

    SectionWriter(ExtraJson extra) {
        this.extra = extra;
    }

    void importSites(Handle h, Bundle bundle, Tally tally) {
        int nextPosition = h.createQuery("select coalesce(max(position) + 1, 0) from site")
                .mapTo(Integer.class)
                .one();
        for (var site : bundle.sites()) {
            boolean exists = h.createQuery("select count(*) from site where slug = :slug")
                            .bind("slug", site.slug())
                            .mapTo(Integer.class)
                            .one()
                    > 0;
            boolean changed = false;
            if (exists) {
                if (!site.extra().isEmpty()) {
                    changed = h.createUpdate("""
                                            update site set extra = cast(:extra as jsonb)
                                            where slug = :slug and extra is distinct from cast(:extra as jsonb)
                                            """)
                                    .bind("slug", site.slug())
                                    .bind("extra", extra.write(site.extra()))
                                    .execute()
                            > 0;
                }
            } else {
                h.createUpdate(
                                "insert into site (slug, position, extra) values (:slug, :position, cast(:extra as jsonb))")
                        .bind("slug", site.slug())
                        .bind("position", nextPosition++)
                        .bind("extra", extra.write(site.extra()))
                        .execute();
            }
            for (var e : site.title().entrySet()) {
                changed |= h.createUpdate("""
                                        insert into site_title (site, locale, title) values (:site, :locale, :title)
                                        on conflict (site, locale) do update set title = excluded.title
                                        where site_title.title is distinct from excluded.title
                                        """)
                                .bind("site", site.slug())
                                .bind("locale", e.getKey())
                                .bind("title", e.getValue())
                                .execute()
                        > 0;
            }
            tally.add(RecordWrite.of(!exists, changed));
        }
    }

    /** Writes the bundle's sections; {@code retitled} gets the ids of stored ones whose titles changed. */
    void importSections(Handle h, Bundle bundle, List<String> notes, Tally tally, List<Long> retitled) {
        // Parents first, so a child finds its parent's id whether the parent is new or stored.
        var ordered = new ArrayList<>(bundle.sections());
        ordered.sort((a, b) -> Integer.compare(depth(a.path()), depth(b.path())));
        for (var s : ordered) {
            String where = "section " + s.site() + "/" + s.path();
            if (siteMissing(h, s.site())) {
                throw new BundleException(where + ", field site", "site \"" + s.site() + "\" does not exist");
            }
            SectionPath path = new SectionPath(s.path());
            Optional<Long> parentId = Optional.empty();
            if (path.parent().isPresent()) {
                String parent = path.parent().get().value();
                parentId = sectionId(h, s.site(), parent);
                if (parentId.isEmpty()) {
                    throw new BundleException(
                            where + ", field path", "its parent section \"" + parent + "\" does not exist");
                }
            }
            Optional<Long> id = sectionId(h, s.site(), s.path());
            long sectionId;
            boolean changed = false;
            if (id.isPresent()) {
                sectionId = id.get();
                changed = h.createUpdate("""
                                        update section set position = coalesce(:position, position),
                                            extra = case when :hasExtra then cast(:extra as jsonb) else extra end,
                                            kind = :kind
                                        where id = :id
                                          and (position, extra, kind) is distinct from (coalesce(:position, position),
                                              case when :hasExtra then cast(:extra as jsonb) else extra end, :kind)
                                        """)
                                .bind("id", sectionId)
                                .bind("position", s.position().orElse(null))
                                .bind("hasExtra", !s.extra().isEmpty())
                                .bind("extra", extra.write(s.extra()))
                                .bind("kind", s.kind().code())
                                .execute()
                        > 0;
            } else {
                Long parent = parentId.orElse(null);
                int position = s.position()
                        .orElseGet(() -> h.createQuery("""
                                select coalesce(max(position) + 1, 1) from section
                                where site = :site and parent_id is not distinct from :parent
                                """)
                                .bind("site", s.site())
                                .bind("parent", parent)
                                .mapTo(Integer.class)
                                .one());
                sectionId = h.createUpdate("""
                                insert into section (site, path, parent_id, position, extra, kind)
                                values (:site, :path, :parent, :position, cast(:extra as jsonb), :kind)
                                """)
                        .bind("site", s.site())
                        .bind("path", s.path())
                        .bind("parent", parentId.orElse(null))
                        .bind("position", position)
                        .bind("extra", extra.write(s.extra()))
                        .bind("kind", s.kind().code())
                        .executeAndReturnGeneratedKeys("id")
                        .mapTo(Long.class)
                        .one();
                if (s.title().isEmpty()) {
                    notes.add(where + ": no title in any locale; pages show its path segment until one is set");
                }
            }
            boolean titled = false;
            for (var e : s.title().entrySet()) {
                titled |= h.createUpdate("""
                                        insert into section_title (section_id, locale, title) values (:id, :locale, :title)
                                        on conflict (section_id, locale) do update set title = excluded.title
                                        where section_title.title is distinct from excluded.title
                                        """)
                                .bind("id", sectionId)
                                .bind("locale", e.getKey())
                                .bind("title", e.getValue())
                                .execute()
                        > 0;
            }
            if (titled && id.isPresent()) {
                retitled.add(sectionId);
            }
            tally.add(RecordWrite.of(id.isEmpty(), changed || titled));
        }
    }

    static boolean siteMissing(Handle h, String slug) {
        return h.createQuery("select count(*) from site where slug = :slug")
                        .bind("slug", slug)
                        .mapTo(Integer.class)
                        .one()
                == 0;
    }

    static Optional<Long> sectionId(Handle h, String site, String path) {
        return h.createQuery("select id from section where site = :site and path = :path")
                .bind("site", site)
                .bind("path", path)
                .mapTo(Long.class)
                .findOne();
    }

    private static int depth(String path) {
        return (int) path.chars().filter(c -> c == '/').count();
    }
}
