/** How far long work got (import, export, generate, the search index rebuild, the admin's upload): a bar at a terminal, a line every few seconds elsewhere, a snapshot for a page; shared by every feature, uses none. */
package kz.komek.progress;
