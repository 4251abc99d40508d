package kz.komek.admin.questions;

import java.util.List;
import java.util.Objects;

/**
 * A saved question (a draft, and public too when the save asked for it) and what the editor should look at in it.
 * {@code changed}: a new revision was written (an unchanged record on the editor's page adds none).
 */
public record SavedDraft(EditedQuestion question, List<EditFinding> findings, boolean changed) {
    public SavedDraft {
        Objects.requireNonNull(question, "question");
        findings = List.copyOf(findings);
    }
}
