package kz.komek.bundle;

import java.util.List;

/**
 * What an import did (or, on a dry run, would do), for the CLI and the admin: per kind of record how many are new,
 * changed, and already exactly so; the ids of the new and changed questions; and notes for people.
 */
public record ImportReport(
        Counts sites, Counts sections, Counts questions, List<Long> changedQuestions, List<String> notes) {

    /** Records of one kind the bundle names: new, changed, or stored already exactly as the bundle has them. */
    public record Counts(int created, int updated, int unchanged) {
        public Counts {
            if (created < 0 || updated < 0 || unchanged < 0) {
                throw new IllegalArgumentException("counts are never negative");
            }
        }
    }

    public ImportReport {
        changedQuestions = List.copyOf(changedQuestions);
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

    /** A few lines for people: counts first, then each note. */
    public String describe() {
        var sb = new StringBuilder();
        line(sb, "sites", sites);
        line(sb, "sections", sections);
        line(sb, "questions", questions);
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
