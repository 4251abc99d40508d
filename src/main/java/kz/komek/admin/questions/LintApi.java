package kz.komek.admin.questions;

import io.javalin.http.Context;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kz.komek.admin.AdminKit;
import kz.komek.admin.Role;
import kz.komek.bundle.BundleStore;

/**
 * {@code GET /api/v1/admin/lint[?site=]}: the content lint report, as {@code java -jar komek.jar lint --format json}
 * prints it. An editors' tool: any signed-in role may read it; it names drafts' problems and broken links.
 */
public final class LintApi {
    private final BundleStore bundles;
    private final Lint lint;
    private final AdminKit kit;

    public LintApi(BundleStore bundles, Lint lint, AdminKit kit) {
        this.bundles = bundles;
        this.lint = lint;
        this.kit = kit;
    }

    public void report(Context ctx) {
        kit.access().require(ctx, Role.VIEWER);
        String site = ctx.queryParam("site");
        var findings = lint.check(bundles.export(), LocalDateTime.now(kit.clock())).stream()
                .filter(f -> site == null || site.isBlank() || f.site().equals(site))
                .toList();
        ctx.json(body(findings));
    }

    /** The JSON shape of a report: counts per kind, then every finding. */
    public static Map<String, Object> body(List<Lint.Finding> findings) {
        var counts = new EnumMap<Lint.Kind, Integer>(Lint.Kind.class);
        findings.forEach(f -> counts.merge(f.kind(), 1, Integer::sum));
        var body = new LinkedHashMap<String, Object>();
        body.put("total", findings.size());
        var byKind = new LinkedHashMap<String, Integer>();
        counts.forEach((k, n) -> byKind.put(k.name().toLowerCase(java.util.Locale.ROOT), n));
        body.put("counts", byKind);
        body.put(
                "findings",
                findings.stream()
                        .map(f -> {
                            var m = new LinkedHashMap<String, Object>();
                            m.put("question", f.question());
                            m.put("site", f.site());
                            m.put("locale", f.locale());
                            m.put("kind", f.kind().name().toLowerCase(java.util.Locale.ROOT));
                            m.put("detail", f.detail());
                            return m;
                        })
                        .toList());
        return body;
    }
}
