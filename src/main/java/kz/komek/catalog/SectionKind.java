package kz.komek.catalog;

import java.util.Locale;
import java.util.Optional;

/** What a section lists: questions (every section before V15, and the default), videos or documents. */
public enum SectionKind {
    QUESTIONS,
    VIDEOS,
    DOCUMENTS;

    /** {@code questions}, {@code videos} or {@code documents}, as bundles and the database name it. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<SectionKind> parse(String code) {
        for (SectionKind k : values()) {
            if (k.code().equals(code)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /** The kind of material such a section lists; empty for a questions section. */
    public Optional<MaterialKind> materials() {
        return switch (this) {
            case QUESTIONS -> Optional.empty();
            case VIDEOS -> Optional.of(MaterialKind.VIDEO);
            case DOCUMENTS -> Optional.of(MaterialKind.DOCUMENT);
        };
    }
}
