package kz.komek.search;

/** A pair the lexicon holds and how sure it is (0..1; 1 for a confirmed pair). */
public record LearnedPair(String ru, String kz, double weight) {}
