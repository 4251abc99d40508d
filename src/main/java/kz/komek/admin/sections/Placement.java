package kz.komek.admin.sections;

import java.util.LinkedHashMap;
import java.util.Optional;
import kz.komek.admin.Actor;
import kz.komek.admin.Role;
import kz.komek.admin.questions.EditedQuestion;
import kz.komek.admin.questions.QuestionWrite;
import kz.komek.admin.questions.QuestionWrites;
import kz.komek.admin.questions.RevisionNote;
import kz.komek.admin.questions.RevisionStore;
import kz.komek.bundle.Bundle;
import kz.komek.catalog.CatalogUrls;
import kz.komek.http.BadFieldException;
import kz.komek.http.BadRequestException;
import kz.komek.http.ConflictException;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where questions are listed: moving one within or between sections, pinning it, and listing it in another section
 * too. Each is one transaction written through {@link QuestionWrites}, as the question editor's own writes are: a
 * new revision with its audit row, never a change to the live tables that no revision holds.
 */
public final class Placement {
    private static final Logger log = LoggerFactory.getLogger(Placement.class);

    private final Jdbi jdbi;
    private final QuestionWrites writes;
    private final RevisionStore revisions = new RevisionStore();

    public Placement(Jdbi jdbi, QuestionWrites writes) {
        this.jdbi = jdbi;
        this.writes = writes;
    }

    /**
     * Moves question {@code id} within or between sections, or pins it: a new revision copying the latest with
     * the new placement (an absent value stays as it is; a new section without a position puts it last there).
     * When readers saw the latest revision (no draft pending) and {@code by} is a publisher, it is published at
     * once; otherwise it stays a draft. Nothing changes (no revision) when the placement is the same.
     */
    public EditedQuestion place(
            long id,
            Optional<String> site,
            Optional<String> section,
            Optional<Integer> position,
            Optional<Boolean> pinned,
            Actor by) {
        by.require(Role.EDITOR);
        site.ifPresent(s -> BadFieldException.storable("question " + id, "site", s));
        section.ifPresent(s -> BadFieldException.storable("question " + id, "section", s));
        position.ifPresent(p -> {
            if (p < 0) {
                throw new BadRequestException("question " + id + ", field position: must be 0 or more, was " + p);
            }
        });
        return jdbi.inTransaction(h -> {
            QuestionWrite w = writes.open(h, id);
            w.requireEditable();
            Bundle.Question latest = w.latest().orElseThrow();
            String newSite = site.orElse(latest.site());
            String newSection = section.orElse(latest.section());
            boolean elsewhere = !newSite.equals(latest.site()) || !newSection.equals(latest.section());
            int newPosition = position.orElseGet(
                    () -> elsewhere ? revisions.lastPosition(h, newSite, newSection) + 1 : latest.position());
            Bundle.Question placed = latest.withPlace(newSite, newSection, newPosition, pinned.orElse(latest.pinned()));
            if (placed.equals(latest)) {
                return w.view().orElseThrow();
            }
            w.requireSection(placed);
            boolean wasPublic = w.isPublic();
            String note = (placed.pinned() ? RevisionNote.PLACED_PINNED : RevisionNote.PLACED)
                    .write(placed.site() + "/" + placed.section(), placed.position());
            EditedQuestion drafted = w.audited("question.place", by, () -> w.append(placed, Optional.of(note), by));
            if (wasPublic && by.principal().may(Role.PUBLISHER)) {
                // as publishing would: the live tables get exactly this revision, readers' counts kept
                EditedQuestion after = w.audited("question.publish", by, () -> w.goLive(drafted.revision(), placed));
                log.info(
                        "question {}: {} placed and published it ({})",
                        id,
                        by.principal().name(),
                        note);
                return after;
            }
            log.info(
                    "question {}: {} placed it as draft revision {} ({})",
                    id,
                    by.principal().name(),
                    drafted.revision(),
                    note);
            return drafted;
        });
    }

    /**
     * Lists question {@code id} in another section too: a new question (the next free id) saved as a draft with
     * the same texts, its publication dates cleared, last in {@code site}/{@code section}, whose canonical is the
     * original's own page (or the page the original already names), so search engines index the original only.
     * Returns the new question's id.
     */
    public long crossList(long id, String site, String section, Actor by) {
        by.require(Role.EDITOR);
        BadFieldException.storable("question " + id, "site", site);
        BadFieldException.storable("question " + id, "section", section);
        return jdbi.inTransaction(h -> {
            Bundle.Question original = writes.editable(h, id).record();
            if (original.site().equals(site) && original.section().equals(section)) {
                throw new ConflictException("question " + id + " is already listed in " + site + "/" + section);
            }
            // a copy names the original; a cross-listed copy's copy names the same original
            String canonical = CatalogUrls.questionAtEnd(original.canonical()).equals(Optional.of(id))
                    ? CatalogUrls.questionPath(original.section(), id)
                    : original.canonical();
            // one new id at a time: two cross-listings (or a cross-listing and a new draft) never share one
            long copyId = revisions.nextQuestionId(h);
            var texts = new LinkedHashMap<String, Bundle.QuestionLocale>();
            original.locales().forEach((locale, t) -> texts.put(locale, t.withPublished(Optional.empty())));
            Bundle.Question copy = new Bundle.Question(
                    copyId,
                    site,
                    section,
                    revisions.lastPosition(h, site, section) + 1,
                    false,
                    canonical,
                    Optional.empty(),
                    Optional.empty(),
                    original.incomplete(),
                    texts,
                    original.extra());
            QuestionWrite w = writes.open(h, copyId);
            w.requireSection(copy);
            w.audited(
                    "question.cross_list",
                    by,
                    summary -> summary.put("copy_of", id),
                    () -> w.append(copy, Optional.of(RevisionNote.CROSS_LISTED.write(id)), by));
            log.info(
                    "question {}: {} cross-listed it as question {} in {}/{}",
                    id,
                    by.principal().name(),
                    copyId,
                    site,
                    section);
            return copyId;
        });
    }
}
