package kz.komek.bundle;

import java.util.List;

/** What an import did (or, on a dry run, would do), for the CLI and the admin. */
public record ImportReport(
        int sitesCreated,
        int sitesUpdated,
        int sectionsCreated,
        int sectionsUpdated,
        int questionsCreated,
        int questionsUpdated,
        List<String> notes) {

    public ImportReport {
        notes = List.copyOf(notes);
    }

    /** A few lines for people: counts first, then each note. */
    public String describe() {
        var sb = new StringBuilder();
        sb.append("sites: ")
                .append(sitesCreated)
                .append(" new, ")
                .append(sitesUpdated)
                .append(" updated\n");
        sb.append("sections: ")
                .append(sectionsCreated)
                .append(" new, ")
                .append(sectionsUpdated)
                .append(" updated\n");
        sb.append("questions: ")
                .append(questionsCreated)
                .append(" new, ")
                .append(questionsUpdated)
                .append(" updated\n");
        for (String note : notes) {
            sb.append("note: ").append(note).append('\n');
        }
        return sb.toString();
    }
}
