package kz.komek.bundle;

import java.util.Arrays;

/**
 * What an import does with the vote counts ({@code votes_up}, {@code votes_down}) and the imported ratio
 * ({@code usefulness}) of a question that is already stored. Votes are readers' data, not content, so an import
 * keeps them unless asked otherwise (docs/decisions/0022-imports-keep-readers-votes.md). A new question always
 * takes the bundle's.
 */
public enum VotePolicy {
    /** The bundle's counts and ratio replace the stored ones (readers' votes since are lost). */
    REPLACE,
    /** The stored counts and ratio stay as they are; the bundle's are ignored. */
    KEEP,
    /**
     * The bundle's counts are added to the stored ones; a ratio is not a count, so the stored ratio stays and the
     * bundle's is taken only where none is stored.
     */
    ADD;

    public static final VotePolicy DEFAULT = KEEP;

    /** As the CLI, the API and the form write it: {@code replace}, {@code keep}, {@code add}. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The policy a user named; an {@link IllegalArgumentException} saying which ones there are otherwise. */
    public static VotePolicy parse(String code) {
        return Arrays.stream(values())
                .filter(p -> p.code().equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("expected replace, keep or add, was \"" + code + "\""));
    }
}
