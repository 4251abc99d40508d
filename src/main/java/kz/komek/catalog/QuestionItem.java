package kz.komek.catalog;

/** A question in a numbered list; {@code open} marks the one whose page this is. */
public record QuestionItem(long id, String title, String href, boolean pinned, boolean open) {}
