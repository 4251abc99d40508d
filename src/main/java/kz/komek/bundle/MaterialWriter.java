package kz.komek.bundle;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import kz.komek.catalog.MaterialKind;
import kz.komek.catalog.SectionKind;
import org.jdbi.v3.core.Handle;

/**
 * Writes materials into the live tables, as an import and the admin's publishing both do, and keeps every section
 * listing only what its kind says: questions in a questions section, videos in a videos section, documents in a
 * documents section. A row already equal is not written, so its {@code revision} stays and search does not index it
 * again (as for questions: decision 0029).
 */
final class MaterialWriter {
    private static final String UPSERT = """
            insert into material (id, site, section_id, kind, position, extra, revision)
            values (:id, :site, :section, :kind, :position, cast(:extra as jsonb), :revision)
            on conflict (id) do update set site = excluded.site, section_id = excluded.section_id,
                kind = excluded.kind, position = excluded.position, extra = excluded.extra,
                revision = excluded.revision
            where (material.site, material.section_id, material.kind, material.position, material.extra)
                is distinct from (excluded.site, excluded.section_id, excluded.kind, excluded.position, excluded.extra)
            returning (xmax = 0) as created
            """;

    private static final String TEXT = """
            insert into material_text (material_id, locale, title, url, description, duration, format, size,
                updated, published, extra)
            values (:id, :locale, :title, :url, :description, :duration, :format, :size, :updated, :published,
                cast(:extra as jsonb))
            on conflict (material_id, locale) do update set title = excluded.title, url = excluded.url,
                description = excluded.description, duration = excluded.duration, format = excluded.format,
                size = excluded.size, updated = excluded.updated, published = excluded.published,
                extra = excluded.extra
            where (material_text.title, material_text.url, material_text.description, material_text.duration,
                    material_text.format, material_text.size, material_text.updated, material_text.published,
                    material_text.extra)
                is distinct from (excluded.title, excluded.url, excluded.description, excluded.duration,
                    excluded.format, excluded.size, excluded.updated, excluded.published, excluded.extra)
            """;

    private final ExtraJson extra;

    MaterialWriter(ExtraJson extra) {
        this.extra = extra;
    }

    /** An import's materials, in bundle order; {@code written} hears what each write did. */
    void importAll(
            Handle h,
            List<Bundle.Material> materials,
            long revision,
            BiConsumer<Bundle.Material, RecordWrite> written) {
        for (Bundle.Material m : materials) {
            written.accept(m, write(h, m, sectionIdOf(h, m), revision, false));
        }
    }

    /**
     * Writes one material and says whether it was new, changed or already so. With {@code replaceLocales} (the
     * admin's publishing: the record is the whole material) a locale the record lacks is removed; an import keeps
     * it, as it keeps a question's.
     */
    RecordWrite write(Handle h, Bundle.Material m, long sectionId, long revision, boolean replaceLocales) {
        Optional<Boolean> created = h.createQuery(UPSERT)
                .bind("id", m.id())
                .bind("site", m.site())
                .bind("section", sectionId)
                .bind("kind", m.kind().code())
                .bind("position", m.position())
                .bind("extra", extra.write(m.extra()))
                .bind("revision", revision)
                .mapTo(Boolean.class)
                .findOne();
        boolean textChanged = false;
        for (var e : m.locales().entrySet()) {
            var t = e.getValue();
            textChanged |= h.createUpdate(TEXT)
                            .bind("id", m.id())
                            .bind("locale", e.getKey())
                            .bind("title", t.title())
                            .bind("url", t.url())
                            .bind("description", t.description().orElse(null))
                            .bind("duration", t.duration().orElse(null))
                            .bind("format", t.format().orElse(null))
                            .bind("size", t.size().orElse(null))
                            .bind("updated", t.updated().orElse(null))
                            .bind(
                                    "published",
                                    t.published().map(Timestamp::valueOf).orElse(null))
                            .bind("extra", extra.write(t.extra()))
                            .execute()
                    > 0;
        }
        if (replaceLocales) {
            textChanged |=
                    h.createUpdate("delete from material_text where material_id = :id and locale <> all(:locales)")
                                    .bind("id", m.id())
                                    .bind("locales", m.locales().keySet().toArray(String[]::new))
                                    .execute()
                            > 0;
        }
        if (created.isEmpty() && textChanged) {
            // only a text changed: the material's revision still tells search to index it again
            h.createUpdate("update material set revision = :revision where id = :id")
                    .bind("id", m.id())
                    .bind("revision", revision)
                    .execute();
        }
        return RecordWrite.of(created.orElse(false), created.isPresent() || textChanged);
    }

    /**
     * The section material {@code m} is listed in; a {@link BundleException} naming the field when its site or
     * section does not exist, or the section lists something else.
     */
    static long sectionIdOf(Handle h, Bundle.Material m) {
        String where = "material " + m.id();
        var section = section(h, m.site(), m.section())
                .orElseThrow(() -> BundleException.field(
                        where,
                        "section",
                        BundleException.Kind.OTHER,
                        "section \"" + m.section() + "\" does not exist in site \"" + m.site() + "\""));
        if (section.kind() != m.kind().section()) {
            throw BundleException.field(
                    where,
                    "section",
                    BundleException.Kind.OTHER,
                    "section \"" + m.section() + "\" lists " + section.kind().code() + "; a "
                            + m.kind().code() + " belongs in a section of kind "
                            + m.kind().section().code());
        }
        return section.id();
    }

    /** A section's id and kind. */
    record Placed(long id, SectionKind kind) {}

    static Optional<Placed> section(Handle h, String site, String path) {
        return h.createQuery("select id, kind from section where site = :site and path = :path")
                .bind("site", site)
                .bind("path", path)
                .map((rs, ctx) -> new Placed(
                        rs.getLong("id"),
                        SectionKind.parse(rs.getString("kind")).orElseThrow()))
                .findOne();
    }

    /**
     * Refuses a write that left a section listing what its kind does not: a stored question or material in a section
     * whose kind the write changed. Checked once the write is done, in its transaction, so it rolls back whole.
     */
    static void requireKindsHold(Handle h) {
        h.createQuery("""
                        select s.site, s.path, s.kind, q.id from section s join question q on q.section_id = s.id
                        where s.kind <> 'questions' limit 1
                        """)
                .map((rs, ctx) -> BundleException.field(
                        "section " + rs.getString("site") + "/" + rs.getString("path"),
                        "kind",
                        BundleException.Kind.OTHER,
                        "is " + rs.getString("kind") + ", but question " + rs.getLong("id")
                                + " is listed there; move or remove its questions first, or keep the kind questions"))
                .findOne()
                .ifPresent(e -> {
                    throw e;
                });
        h.createQuery("""
                        select s.site, s.path, s.kind, m.id, m.kind as material_kind
                        from material m join section s on s.id = m.section_id
                        where s.kind <> case m.kind when 'video' then 'videos' else 'documents' end
                        limit 1
                        """)
                .map((rs, ctx) -> BundleException.field(
                        "section " + rs.getString("site") + "/" + rs.getString("path"),
                        "kind",
                        BundleException.Kind.OTHER,
                        "is " + rs.getString("kind") + ", but "
                                + MaterialKind.parse(rs.getString("material_kind"))
                                        .orElseThrow()
                                        .code()
                                + " " + rs.getLong("id") + " is listed there; move or remove its materials first"))
                .findOne()
                .ifPresent(e -> {
                    throw e;
                });
    }

    /** Removes material {@code id} from the live tables; returns whether there was one. */
    static boolean remove(Handle h, long id) {
        return h.createUpdate("delete from material where id = :id")
                        .bind("id", id)
                        .execute()
                > 0;
    }
}
