/**
 * Answers before a human (decision 0045): a chat message, masked, is answered from the search with a calibrated
 * confidence, on the hand-off form of the pages and the app and through {@code POST /api/v1/answers/suggest}; what
 * came of each (opened, useful, on to chat) is recorded for the editors' analytics.
 */
package kz.komek.deflection;
