package kz.komek.bundle;

import java.util.List;
import java.util.Optional;

/**
 * What an import did (or, on a dry run, would do), for the CLI and the admin: per kind of record (sites, sections,
 * questions, materials) how many are new,
 * changed, and already exactly so; the ids of the new and changed questions; the stored questions whose vote counts
 * it changed, under which {@link VotePolicy}; and notes for people.
 */
public record ImportReport(
        Counts sites,
        Counts sections,
        Counts questions,
        Counts materials,
        List<Long> changedQuestions,
        VotePolicy votes,
        List<VoteChange> voteChanges,
        List<String> notes) {

    /** How many vote changes {@link #describe()} lists one by one; the rest are counted. */
    public static final int VOTE_CHANGES_LISTED = 20;

    /** Records of one kind the bundle names: new, changed, or stored already exactly as the bundle has them. */
    public record Counts(int created, int updated, int unchanged) {
        public Counts {
            if (created < 0 || updated < 0 || unchanged < 0) {
                throw new IllegalArgumentException("counts are never negative");
            }
        }
    }

    /**
     * A question's readers' signals as stored: the counts (empty when none were ever counted) and the ratio imported
     * without counts.
     */
    public record VoteCounts(Optional<Bundle.Votes> counts, Optional<Double> usefulness) {
        /** {@code 76 up, 25 down, ratio 0.75}; {@code none}. */
        public String describe() {
            var parts = new java.util.ArrayList<String>();
            counts.ifPresent(c -> parts.add(c.up() + " up, " + c.down() + " down"));
            usefulness.ifPresent(u -> parts.add("ratio " + u));
            return parts.isEmpty() ? "none" : String.join(", ", parts);
        }
    }

    /** A stored question whose counts the import changed: what they were and what they are after it. */
    public record VoteChange(long question, VoteCounts before, VoteCounts after) {
        public String describe() {
            return "question " + question + ": " + before.describe() + " → " + after.describe();
        }
    }

    public ImportReport {
        changedQuestions = List.copyOf(changedQuestions);
        voteChanges = List.copyOf(voteChanges);
        notes = List.copyOf(notes);
    }

    // shortcuts for the counts callers read most
    public int sectionsCreated() {
        return sections.created();
    }

    public int questionsCreated() {
        return questions.created();
    }

    public int questionsUpdated() {
        return questions.updated();
    }

    /** Lines for people: counts first, then the changed vote counts (the first few, then how many more), then notes. */
    public String describe() {
        var sb = new StringBuilder();
        line(sb, "sites", sites);
        line(sb, "sections", sections);
        line(sb, "questions", questions);
        // only when the bundle had some: reports of bundles without materials read as before they existed
        if (materials.created() + materials.updated() + materials.unchanged() > 0) {
            line(sb, "materials", materials);
        }
        sb.append("votes (")
                .append(votes.code())
                .append("): ")
                .append(voteChanges.size())
                .append(voteChanges.size() == 1 ? " stored question's" : " stored questions'")
                .append(" counts changed\n");
        voteChanges.stream()
                .limit(VOTE_CHANGES_LISTED)
                .forEach(c -> sb.append("  ").append(c.describe()).append('\n'));
        if (voteChanges.size() > VOTE_CHANGES_LISTED) {
            sb.append("  … and ")
                    .append(voteChanges.size() - VOTE_CHANGES_LISTED)
                    .append(" more\n");
        }
        for (String note : notes) {
            sb.append("note: ").append(note).append('\n');
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, String kind, Counts c) {
        sb.append(kind)
                .append(": ")
                .append(c.created())
                .append(" new, ")
                .append(c.updated())
                .append(" updated, ")
                .append(c.unchanged())
                .append(" unchanged\n");
    }
}
