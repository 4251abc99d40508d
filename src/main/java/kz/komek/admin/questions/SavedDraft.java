package kz.komek.admin.questions;

import java.util.List;
import java.util.Objects;

/** A saved draft and what the editor should look at in it. */
public record SavedDraft(EditedQuestion question, List<EditFinding> findings) {
    public SavedDraft {
        Objects.requireNonNull(question, "question");
        findings = List.copyOf(findings);
    }
}
