/**
 * What search learned, for editors to confirm or reject: the word pairs of the lexicon and readers' phrases. Uses
 * the admin root, the audit room and search.
 */
package kz.komek.admin.words;
