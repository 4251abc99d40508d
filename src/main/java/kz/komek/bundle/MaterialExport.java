package kz.komek.bundle;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.komek.catalog.CatalogStore;
import kz.komek.catalog.MaterialKind;
import kz.komek.catalog.MaterialText;
import org.jdbi.v3.core.Handle;

/**
 * The live materials read back as bundle records, in the caller's transaction: all of them as an export lists them
 * (they are few beside questions, and read whole), or one for the admin.
 */
final class MaterialExport {
    // a material's row once per text, its texts in the declared locales' order
    private static final String MATERIALS = """
            select m.id, m.site, s.path, m.section_id, m.kind, m.position, m.extra::text as material_extra,
                   t.locale, t.title, t.url, t.description, t.duration, t.format, t.size, t.updated, t.published,
                   t.extra::text as extra
            from material m join section s on s.id = m.section_id
            join material_text t on t.material_id = m.id
            where %s
            order by m.id, array_position(cast(:locales as text[]), t.locale), t.locale
            """;

    private final ExtraJson extra;

    MaterialExport(ExtraJson extra) {
        this.extra = extra;
    }

    private record Row(long sectionId, Bundle.Material material) {}

    /** Every material, section by section in {@code sectionOrder} (by position, then id, inside one). */
    List<Bundle.Material> all(Handle h, List<String> locales, long[] sectionOrder) {
        var rows = read(h, "true", locales, Map.of());
        var rank = new HashMap<Long, Integer>();
        for (int i = 0; i < sectionOrder.length; i++) {
            rank.put(sectionOrder[i], i);
        }
        return rows.stream()
                .sorted(Comparator.comparingInt((Row r) -> rank.getOrDefault(r.sectionId(), Integer.MAX_VALUE))
                        .thenComparingInt(r -> r.material().position())
                        .thenComparingLong(r -> r.material().id()))
                .map(Row::material)
                .toList();
    }

    /** The live record of material {@code id}. */
    Optional<Bundle.Material> one(Handle h, long id, List<String> locales) {
        return read(h, "m.id = :id", locales, Map.of("id", id)).stream()
                .map(Row::material)
                .findFirst();
    }

    private List<Row> read(Handle h, String where, List<String> locales, Map<String, Object> binds) {
        var out = new ArrayList<Row>();
        var texts = new LinkedHashMap<String, Bundle.MaterialLocale>();
        Row[] pending = {null};
        var query = h.createQuery(MATERIALS.formatted(where)).bind("locales", locales.toArray(String[]::new));
        binds.forEach(query::bind);
        query.map((rs, ctx) -> {
                    MaterialText t = CatalogStore.materialText(rs);
                    var text = new Bundle.MaterialLocale(
                            t.title(),
                            t.url(),
                            t.description(),
                            t.duration(),
                            t.format(),
                            t.size(),
                            t.updated(),
                            t.published(),
                            extra.read(rs.getString("extra")));
                    var material = new Bundle.Material(
                            rs.getLong("id"),
                            rs.getString("site"),
                            rs.getString("path"),
                            MaterialKind.parse(rs.getString("kind")).orElseThrow(),
                            rs.getInt("position"),
                            Map.of(),
                            extra.read(rs.getString("material_extra")));
                    return Map.entry(
                            new Row(rs.getLong("section_id"), material), Map.entry(rs.getString("locale"), text));
                })
                .forEach(e -> {
                    Row row = e.getKey();
                    if (pending[0] != null
                            && pending[0].material().id() != row.material().id()) {
                        out.add(done(pending[0], texts));
                        texts.clear();
                    }
                    pending[0] = row;
                    texts.put(e.getValue().getKey(), e.getValue().getValue());
                });
        if (pending[0] != null) {
            out.add(done(pending[0], texts));
        }
        return out;
    }

    private static Row done(Row row, Map<String, Bundle.MaterialLocale> texts) {
        return new Row(row.sectionId(), row.material().withLocales(texts));
    }
}
