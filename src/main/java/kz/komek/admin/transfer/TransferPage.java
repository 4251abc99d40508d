package kz.komek.admin.transfer;

import java.util.List;
import java.util.Optional;
import kz.komek.admin.AdminFrame;
import kz.komek.admin.AdminText;
import kz.komek.admin.FramedPage;
import kz.komek.bundle.ImportReport;
import kz.komek.bundle.VotePolicy;
import kz.komek.progress.Pace;

/**
 * Model of {@code admin/transfer.jte}: the export link and upload form, and after an upload its dry run's report
 * (with the "Apply" form when the file can be applied) or its error; after applying, what was done.
 *
 * @param pendingId the stored upload the "Apply" form names; empty when there is nothing to apply
 * @param votes the vote policy the upload form shows chosen
 * @param applied true on the result page of an applied import
 * @param running a check or import still under way, shown instead of a report
 */
public record TransferPage(
        AdminFrame frame,
        Optional<Report> report,
        Optional<String> error,
        Optional<String> pendingId,
        String fileName,
        String site,
        VotePolicy votes,
        boolean applied,
        Optional<Running> running)
        implements FramedPage {

    public TransferPage(
            AdminFrame frame,
            Optional<Report> report,
            Optional<String> error,
            Optional<String> pendingId,
            String fileName,
            String site,
            VotePolicy votes,
            boolean applied) {
        this(frame, report, error, pendingId, fileName, site, votes, applied, Optional.empty());
    }

    /** The same page showing a job under way. */
    public TransferPage running(Running r) {
        return new TransferPage(frame, report, error, pendingId, fileName, site, votes, applied, Optional.of(r));
    }

    /**
     * A check ({@code checking}, counted in MB of the file) or an import ({@code importing}, in questions) under
     * way: how far, how fast, how long still; the page reloads itself from {@code href}.
     */
    public record Running(String phase, String unit, Pace pace, int refreshSeconds, String href) {
        public AdminText phaseText() {
            return phase.equals("importing") ? AdminText.TRANSFER_IMPORTING : AdminText.TRANSFER_CHECKING;
        }

        public AdminText unitText() {
            return unit.equals("MB") ? AdminText.TRANSFER_UNIT_MB : AdminText.TRANSFER_UNIT_QUESTIONS;
        }

        public String done() {
            return number(pace.done());
        }

        /** The total, or empty when not known yet. */
        public String total() {
            return pace.total() < 0 ? "" : number(pace.total());
        }

        public String rate() {
            return number(Math.round(pace.perSecond()));
        }

        /** Seconds left, or empty when not known yet. */
        public String secondsLeft() {
            return pace.secondsLeft().isPresent() ? number(pace.secondsLeft().getAsLong()) : "";
        }

        /** {@code 41 000}: grouped by a no-break space, as both languages write numbers. */
        private static String number(long n) {
            return String.format(java.util.Locale.ROOT, "%,d", n).replace(',', '\u00a0');
        }
    }

    /**
     * Counts per kind of record, the new and changed questions (the first {@link #SHOWN}, with how many more), the
     * stored questions whose vote counts change, and the notes (findings) of the import.
     */
    public record Report(List<Row> rows, List<Long> changed, int moreChanged, Votes votes, List<String> notes) {
        public static final int SHOWN = 100;

        public static Report of(List<Row> rows, List<Long> changed, Votes votes, List<String> notes) {
            List<Long> shown = changed.size() > SHOWN ? changed.subList(0, SHOWN) : changed;
            return new Report(rows, List.copyOf(shown), changed.size() - shown.size(), votes, notes);
        }
    }

    /**
     * What the import does to stored questions' vote counts under {@code policy}: the first {@link Report#SHOWN}
     * changes (none on the result page, which has only the audit row's count) and how many there are in all.
     */
    public record Votes(VotePolicy policy, List<ImportReport.VoteChange> shown, int total) {
        public static Votes of(VotePolicy policy, List<ImportReport.VoteChange> changes) {
            return new Votes(
                    policy,
                    List.copyOf(changes.size() > Report.SHOWN ? changes.subList(0, Report.SHOWN) : changes),
                    changes.size());
        }

        public int more() {
            return total - shown.size();
        }
    }

    public record Row(String label, long created, long updated, long unchanged) {}

    /** The report's notes komek recognises, in the page's language. */
    public List<ImportNotes.Shown> notes() {
        return report.map(r -> r.notes().stream()
                        .flatMap(n -> ImportNotes.shown(n, frame.locale()).stream())
                        .toList())
                .orElse(List.of());
    }

    /** The report's other notes, as the importer wrote them (in English): a damaged page's forensic details. */
    public List<String> technicalNotes() {
        return report.map(r -> r.notes().stream()
                        .filter(n -> ImportNotes.shown(n, frame.locale()).isEmpty())
                        .toList())
                .orElse(List.of());
    }

    /** A stored question's readers' counts, in the page's language. */
    public String votes(ImportReport.VoteCounts counts) {
        return ImportNotes.votes(counts, frame.locale());
    }

    /** The choices of the upload form's vote select, the default first. */
    public List<VotePolicy> votePolicies() {
        return List.of(VotePolicy.KEEP, VotePolicy.REPLACE, VotePolicy.ADD);
    }

    /** What a vote policy does, in the page's language. */
    public String votesLabel(VotePolicy policy) {
        return t(
                switch (policy) {
                    case KEEP -> AdminText.TRANSFER_VOTES_KEEP;
                    case REPLACE -> AdminText.TRANSFER_VOTES_REPLACE;
                    case ADD -> AdminText.TRANSFER_VOTES_ADD;
                });
    }
}
