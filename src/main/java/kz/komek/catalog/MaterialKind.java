package kz.komek.catalog;

import java.util.Locale;
import java.util.Optional;

/** What a material is: a video (listed in a videos section) or a document (in a documents section). */
public enum MaterialKind {
    VIDEO,
    DOCUMENT;

    /** {@code video} or {@code document}, as bundles, the database and the search API name it. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<MaterialKind> parse(String code) {
        for (MaterialKind k : values()) {
            if (k.code().equals(code)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /** The kind of section that lists materials of this kind. */
    public SectionKind section() {
        return this == VIDEO ? SectionKind.VIDEOS : SectionKind.DOCUMENTS;
    }
}
