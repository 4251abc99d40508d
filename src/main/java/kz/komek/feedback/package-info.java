/** Readers' signals: usefulness votes with reasons, page views and top questions, and the visitor cookie; implements the catalog's {@code ReaderSignals}. */
package kz.komek.feedback;
