package kz.komek.catalog;

/** Model of {@code catalog/question.jte}: a question open inside its section's list. */
public record QuestionPage(Chrome chrome, SectionView view, OpenQuestion question) {}
