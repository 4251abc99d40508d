package kz.komek.admin.questions;

import java.time.LocalDateTime;
import kz.komek.admin.Role;

/** What {@link QuestionEditor#save} does with the record it stores: keep it a draft, or publish it. */
public sealed interface SaveAction {
    /** A draft: readers see no change. A record equal to the latest adds no revision unless {@code always}. */
    record Draft(boolean always) implements SaveAction {}

    /** Public now; a text scheduled for later comes out at once too ("now" means now). */
    record PublishNow() implements SaveAction {}

    /** Public at {@code at}, local time of the help center, every locale (in the future: scheduled). */
    record PublishAt(LocalDateTime at) implements SaveAction {}

    /** The editor's page: saving an unchanged form adds no revision. */
    SaveAction DRAFT = new Draft(false);

    /** The API's PUT: every save is a new revision. */
    SaveAction NEW_REVISION = new Draft(true);

    SaveAction PUBLISH_NOW = new PublishNow();

    static SaveAction publishAt(LocalDateTime at) {
        return new PublishAt(at);
    }

    /** Who may do it: an editor saves drafts, a publisher publishes. */
    default Role role() {
        return this instanceof Draft ? Role.EDITOR : Role.PUBLISHER;
    }
}
