/** Editing the section tree (create, retitle, move, order, delete) and placing and cross-listing questions in it, with its pages and API; may use the question editor. */
package kz.komek.admin.sections;
