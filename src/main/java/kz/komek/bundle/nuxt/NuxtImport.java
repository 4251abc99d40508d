package kz.komek.bundle.nuxt;

import java.util.List;
import kz.komek.bundle.Bundle;

/**
 * What {@link NuxtPayloadReader} recovered from a Nuxt page payload.
 *
 * @param bundle the sites, sections and questions found
 * @param findings human-readable lines for the import report: every value that was inferred, left unset or
 *     skipped, and why
 * @param truncated whether the payload was cut off at the front (records may be {@code incomplete})
 */
public record NuxtImport(Bundle bundle, List<String> findings, boolean truncated) {
    public NuxtImport {
        findings = List.copyOf(findings);
    }
}
